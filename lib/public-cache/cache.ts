import { createHash } from 'node:crypto';
import { gzipSync, brotliCompressSync, constants as zlib } from 'node:zlib';
import { cachesCoherent, registerCache } from '../cache-bus/registry';
import { rigaIsoDay } from '../dates';
import { now as clockNow } from '../clock';

/**
 * An in-memory cache of whole public responses (HTML pages and open data),
 * served by the front server (scripts/server.ts) without entering Next.js.
 * Kept on globalThis so that Next's bundled route handlers and the front
 * server share one instance in the same process. Every change a public page
 * shows clears it in every instance (lib/cache-bus); while this process
 * cannot hear those changes (listener disconnected) it is bypassed.
 */
export type CachedResponse = {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  gzip: Buffer;
  br: Buffer;
  etag: string;
  storedAt: number;
  /** The Riga calendar day (lib/clock) it was made on: the current council term and deadlines follow the date, so an entry of another day is stale. */
  day: string;
};

const MAX_ENTRIES = 2000;
const MAX_BYTES = 200 * 1024 * 1024;

export class PublicCache {
  private entries = new Map<string, CachedResponse>();
  private bytes = 0;
  private generation = 0;
  hits = 0;
  misses = 0;

  get(key: string): CachedResponse | undefined {
    let entry = cachesCoherent() ? this.entries.get(key) : undefined;
    if (entry && entry.day !== rigaIsoDay(clockNow())) {
      this.delete(key);
      entry = undefined;
    }
    if (entry) {
      // LRU: re-insert as the newest.
      this.entries.delete(key);
      this.entries.set(key, entry);
      this.hits += 1;
    } else {
      this.misses += 1;
    }
    return entry;
  }

  /** The generation a miss started in; a store from an older generation is dropped (it may hold stale data). */
  currentGeneration(): number {
    return this.generation;
  }

  /** Stores a response; `etag` is kept when the origin gave one for these exact bytes, else derived from them. */
  set(key: string, value: Omit<CachedResponse, 'gzip' | 'br' | 'etag' | 'storedAt' | 'day'> & { etag?: string }, generation: number): CachedResponse {
    const entry: CachedResponse = {
      ...value,
      gzip: gzipSync(value.body, { level: 6 }),
      br: brotliCompressSync(value.body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } }),
      etag: value.etag ?? `"${createHash('sha256').update(value.body).digest('base64url').slice(0, 27)}"`,
      storedAt: Date.now(),
      day: rigaIsoDay(clockNow()),
    };
    if (generation !== this.generation || !cachesCoherent()) return entry;
    this.delete(key);
    this.entries.set(key, entry);
    this.bytes += size(entry);
    while (this.entries.size > MAX_ENTRIES || this.bytes > MAX_BYTES) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.delete(oldest);
    }
    return entry;
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
    this.generation += 1;
  }

  get size(): number {
    return this.entries.size;
  }

  private delete(key: string): void {
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= size(old);
      this.entries.delete(key);
    }
  }
}

const size = (e: CachedResponse) => e.body.length + e.gzip.length + e.br.length;

const KEY = Symbol.for('memorands.publicCache');

/** The process-wide public cache. */
export function publicCache(): PublicCache {
  const holder = globalThis as unknown as Record<symbol, PublicCache | undefined>;
  if (!holder[KEY]) {
    const cache = new PublicCache();
    holder[KEY] = cache;
    registerCache('public-pages', ['public'], () => cache.clear());
  }
  return holder[KEY];
}

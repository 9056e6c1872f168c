import { createReadStream, createWriteStream } from 'node:fs';
import { access, mkdir, open, rename, rm, stat, readdir, utimes } from 'node:fs/promises';
import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { env } from '@/lib/env';
import { s3Storage } from './s3';

/**
 * Where document bytes live. Keys are content-addressed (`sha256/ab/<hash>`),
 * so the same bytes uploaded twice are stored once. One interface; the
 * local-folder driver is the default.
 */
export type Storage = {
  /** Moves a finished temporary file into place under `key` (a no-op when the key exists). */
  putFile(key: string, tempPath: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  open(key: string): Promise<Readable>;
  size(key: string): Promise<number>;
  delete(key: string): Promise<void>;
  /** Every stored object (content-addressed keys only), in no particular order. */
  list(): AsyncIterable<StoredObject>;
};

export type StoredObject = { key: string; size: number; modifiedAt: Date };

export const keyForSha256 = (sha256: string) => `sha256/${sha256.slice(0, 2)}/${sha256}`;

/** Keys are content-addressed; anything else (path traversal included) is a programming error. */
export function assertStorageKey(key: string): void {
  if (!/^sha256\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(key)) throw new Error(`bad storage key ${key}`);
}

/** The local-folder driver (STORAGE_DIR, default .data/storage). */
export function localStorage(root = path.resolve(env.STORAGE_DIR)): Storage {
  const file = (key: string) => {
    assertStorageKey(key);
    return path.join(root, key);
  };
  return {
    async putFile(key, tempPath) {
      const target = file(key);
      const dir = path.dirname(target);
      await mkdir(dir, { recursive: true });
      if (await exists(target)) {
        // Fresh again: the orphan cleanup only deletes objects untouched for a while.
        const now = new Date();
        await utimes(target, now, now).catch(() => undefined);
        await rm(tempPath, { force: true });
        return;
      }
      // Durable before the caller records it: the bytes, then the new name
      // (and the folders that hold it) are flushed to disk.
      await fsyncPath(tempPath);
      await rename(tempPath, target);
      await fsyncPath(dir);
      await fsyncPath(path.dirname(dir));
    },
    exists: (key) => exists(file(key)),
    open: (key) => Promise.resolve(createReadStream(file(key))),
    size: async (key) => (await stat(file(key))).size,
    delete: (key) => rm(file(key), { force: true }),
    async *list() {
      const top = path.join(root, 'sha256');
      for (const prefix of (await readdir(top).catch(() => [] as string[])).sort()) {
        if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
        for (const name of (await readdir(path.join(top, prefix)).catch(() => [] as string[])).sort()) {
          const key = `sha256/${prefix}/${name}`;
          if (!/^[0-9a-f]{64}$/.test(name) || name.slice(0, 2) !== prefix) continue;
          const info = await stat(path.join(top, prefix, name)).catch(() => null);
          if (info?.isFile()) yield { key, size: info.size, modifiedAt: info.mtime };
        }
      }
    },
  };
}

/** fsync of a file or folder (folders: so a rename survives a power cut; not supported everywhere). */
async function fsyncPath(p: string): Promise<void> {
  const handle = await open(p, 'r');
  try {
    await handle.sync().catch((error: NodeJS.ErrnoException) => {
      if (!['EINVAL', 'EISDIR', 'EPERM', 'ENOTSUP'].includes(error.code ?? '')) throw error;
    });
  } finally {
    await handle.close();
  }
}

async function exists(p: string): Promise<boolean> {
  return access(p).then(
    () => true,
    () => false,
  );
}

let current: Storage | undefined;
/** The configured storage driver: S3-compatible object storage when S3_BUCKET is set, else the local folder. */
export function storage(): Storage {
  if (!current) {
    if (env.S3_BUCKET) {
      if (!env.S3_ENDPOINT || !env.S3_ACCESS_KEY_ID || !env.S3_SECRET_ACCESS_KEY)
        throw new Error('S3_BUCKET needs S3_ENDPOINT, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY.');
      current = s3Storage({
        bucket: env.S3_BUCKET,
        endpoint: env.S3_ENDPOINT,
        region: env.S3_REGION,
        accessKeyId: env.S3_ACCESS_KEY_ID,
        secretAccessKey: env.S3_SECRET_ACCESS_KEY,
      });
    } else {
      current = localStorage();
    }
  }
  return current;
}

/** Folder for uploads in progress (same file system as storage, so moving is a rename). */
export function tempDir(): string {
  return path.resolve(env.STORAGE_DIR, 'tmp');
}

export type ReceivedFile = { tempPath: string; sha256: string; size: number };

export class TooLargeError extends Error {
  constructor() {
    super('too large');
  }
}

/**
 * Streams a request body to a temporary file, hashing and counting as it
 * goes, and stops at `maxBytes`. On any error (too large, client gone) the
 * temporary file is removed before the error is rethrown.
 */
export async function receiveToTemp(body: ReadableStream<Uint8Array> | Readable, maxBytes: number): Promise<ReceivedFile> {
  const dir = tempDir();
  await mkdir(dir, { recursive: true });
  const tempPath = path.join(dir, `${Date.now()}-${randomUUID()}.part`);
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > maxBytes) return done(new TooLargeError());
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const { Readable: NodeReadable } = await import('node:stream');
  const source = body instanceof NodeReadable ? body : NodeReadable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>);
  try {
    await pipeline(source, meter, createWriteStream(tempPath, { flags: 'wx', mode: 0o600 }));
  } catch (error) {
    await rm(tempPath, { force: true });
    throw error;
  }
  return { tempPath, sha256: hash.digest('hex'), size };
}

/** Removes temporary upload files older than `maxAgeMs` (left by a crash); returns how many. */
export async function cleanStaleTemp(maxAgeMs = 60 * 60 * 1000): Promise<number> {
  const dir = tempDir();
  const names = await readdir(dir).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    const full = path.join(dir, name);
    const info = await stat(full).catch(() => null);
    if (info && Date.now() - info.mtimeMs > maxAgeMs) {
      await rm(full, { force: true });
      removed += 1;
    }
  }
  return removed;
}

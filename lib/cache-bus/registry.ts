/**
 * The per-process caches and who clears them. Each cache registers itself
 * here (kept on globalThis: the front server and Next's bundled code load
 * their own copies of these modules in one process, and must share one
 * registry). Clearing is local; lib/cache-bus/notify.ts tells the other
 * instances through PostgreSQL, lib/cache-bus/listener.ts hears them.
 */
export const CACHE_SCOPES = ['public', 'staff'] as const;
/** `public`: what anonymous pages and open data show (also moves staff figures); `staff`: only staff views. */
export type CacheScope = (typeof CACHE_SCOPES)[number];

type Registry = {
  caches: Map<string, { scopes: readonly CacheScope[]; clear: () => void }>;
  /** Set by a running listener: false while its connection is lost (missed notifications), so caches are bypassed. */
  coherent: boolean;
  clears: number;
};

const KEY = Symbol.for('memorands.cacheRegistry');

function registry(): Registry {
  const holder = globalThis as unknown as Record<symbol, Registry | undefined>;
  holder[KEY] ??= { caches: new Map(), coherent: true, clears: 0 };
  return holder[KEY];
}

/** Registers (or replaces, by name) a per-process cache cleared by changes of the given scopes. */
export function registerCache(name: string, scopes: readonly CacheScope[], clear: () => void): void {
  registry().caches.set(name, { scopes, clear });
}

/** Clears, in this process, every cache a change of `scope` can make stale (`all`: every cache). */
export function clearLocalCaches(scope: CacheScope | 'all'): void {
  const r = registry();
  r.clears += 1;
  for (const cache of r.caches.values()) if (scope === 'all' || cache.scopes.includes(scope)) cache.clear();
}

/**
 * Whether this process may serve from its caches: true unless the listener
 * has lost its connection (changes made elsewhere meanwhile would go unheard).
 */
export function cachesCoherent(): boolean {
  return registry().coherent;
}

/** Listener only: records whether notifications are being received. */
export function setCachesCoherent(coherent: boolean): void {
  registry().coherent = coherent;
}

/** How many times caches were cleared in this process (tests, diagnostics). */
export function cacheClearCount(): number {
  return registry().clears;
}

/**
 * A small keyed cache of loads that are expensive and the same for every
 * reader (the staff dashboard's figures): an answer is fresh for `ttlMs`;
 * after that, for up to `staleMs` more and only on the same `day()`, the last
 * answer is still served while ONE reload runs in the background, so readers
 * never queue behind a reload that only a clock made necessary. Concurrent
 * misses share one load. `clear()` (a change, lib/cache-bus) drops every
 * answer, stale ones included: the next reader waits for fresh figures, and a
 * reload that was running when the change came is not kept.
 */
export type SwrCache<V> = { get: (key: string, load: () => Promise<V>) => Promise<V>; clear: () => void; readonly size: number };

type Entry<V> = { at: number; day: string; value: Promise<V>; settled: boolean; reloading: boolean };

export function createSwrCache<V>(opts: { ttlMs: number; staleMs: number; maxEntries: number; day: () => string; now?: () => number }): SwrCache<V> {
  const now = opts.now ?? Date.now;
  const entries = new Map<string, Entry<V>>();
  const store = (key: string, value: Promise<V>, replacing?: Entry<V>): Entry<V> => {
    const entry: Entry<V> = { at: now(), day: opts.day(), value, settled: false, reloading: false };
    if (!replacing && entries.size >= opts.maxEntries) entries.clear();
    entries.set(key, entry);
    value.then(
      () => (entry.settled = true),
      () => {
        if (entries.get(key) === entry) entries.delete(key);
      },
    );
    return entry;
  };
  return {
    get(key, load) {
      const hit = entries.get(key);
      const age = hit ? now() - hit.at : Infinity;
      if (hit && age < opts.ttlMs) return hit.value;
      if (hit && hit.settled && age < opts.ttlMs + opts.staleMs && hit.day === opts.day()) {
        if (!hit.reloading) {
          hit.reloading = true;
          const next = load();
          next.then(
            () => {
              // Kept only if nothing cleared the cache meanwhile (the stale entry is still the one in place).
              if (entries.get(key) === hit) store(key, next, hit).settled = true;
            },
            () => (hit.reloading = false),
          );
        }
        return hit.value;
      }
      return store(key, load()).value;
    },
    clear: () => entries.clear(),
    get size() {
      return entries.size;
    },
  };
}

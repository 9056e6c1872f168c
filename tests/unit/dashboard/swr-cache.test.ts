import { describe, expect, it } from 'vitest';
import { createSwrCache } from '@/lib/dashboard/swr';

/** A load the test finishes by hand, counting how often it was started. */
function manualLoads() {
  const started: { resolve: (v: string) => void; reject: (e: Error) => void }[] = [];
  const load = () => new Promise<string>((resolve, reject) => started.push({ resolve, reject }));
  return { started, load };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('dashboard cache: stale while one reload runs (lib/dashboard/swr)', () => {
  const setup = () => {
    const clock = { ms: 0, day: '2026-12-03' };
    const cache = createSwrCache<string>({ ttlMs: 15_000, staleMs: 45_000, maxEntries: 10, day: () => clock.day, now: () => clock.ms });
    return { clock, cache, ...manualLoads() };
  };

  it('shares one load between concurrent misses, then serves it while fresh', async () => {
    const { cache, started, load } = setup();
    const a = cache.get('q', load);
    const b = cache.get('q', load);
    expect(started).toHaveLength(1);
    started[0]!.resolve('v1');
    expect(await a).toBe('v1');
    expect(await b).toBe('v1');
    expect(await cache.get('q', load)).toBe('v1');
    expect(started).toHaveLength(1);
  });

  it('past its lifetime serves the old answer at once while exactly one reload runs, then the new one', async () => {
    const { clock, cache, started, load } = setup();
    const first = cache.get('q', load);
    started[0]!.resolve('v1');
    await first;
    clock.ms = 20_000;
    expect(await cache.get('q', load)).toBe('v1');
    expect(await cache.get('q', load)).toBe('v1');
    expect(started).toHaveLength(2);
    started[1]!.resolve('v2');
    await tick();
    expect(await cache.get('q', load)).toBe('v2');
    expect(started).toHaveLength(2);
  });

  it('a clear (a change) drops stale answers: the next reader waits for fresh figures, and a reload begun before it is not kept', async () => {
    const { clock, cache, started, load } = setup();
    const first = cache.get('q', load);
    started[0]!.resolve('v1');
    await first;
    clock.ms = 20_000;
    expect(await cache.get('q', load)).toBe('v1'); // reload #2 running
    cache.clear();
    const after = cache.get('q', load); // must not be the stale v1
    expect(started).toHaveLength(3);
    started[1]!.resolve('old-reload');
    started[2]!.resolve('v3');
    expect(await after).toBe('v3');
    await tick();
    expect(await cache.get('q', load)).toBe('v3');
  });

  it('never serves an answer of another day, nor one older than the stale window', async () => {
    const { clock, cache, started, load } = setup();
    const first = cache.get('q', load);
    started[0]!.resolve('v1');
    await first;
    clock.ms = 20_000;
    clock.day = '2026-12-04';
    const nextDay = cache.get('q', load);
    started[1]!.resolve('v2');
    expect(await nextDay).toBe('v2');
    clock.ms = 20_000 + 15_000 + 45_000;
    const tooOld = cache.get('q', load);
    started[2]!.resolve('v3');
    expect(await tooOld).toBe('v3');
  });

  it('a failed reload keeps the old answer and is retried; a failed first load is not cached', async () => {
    const { clock, cache, started, load } = setup();
    const failing = cache.get('q', load);
    started[0]!.reject(new Error('db down'));
    await expect(failing).rejects.toThrow('db down');
    const first = cache.get('q', load);
    expect(started).toHaveLength(2);
    started[1]!.resolve('v1');
    await first;
    clock.ms = 20_000;
    expect(await cache.get('q', load)).toBe('v1');
    started[2]!.reject(new Error('db down'));
    await tick();
    expect(await cache.get('q', load)).toBe('v1');
    expect(started).toHaveLength(4);
  });
});

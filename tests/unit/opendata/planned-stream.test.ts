import { describe, expect, it } from 'vitest';
import { FIRST_OPEN_DATA_BATCH, OPEN_DATA_BATCH, collect, plannedStream } from '@/lib/opendata/stream';
import { featureCollectionChunks } from '@/lib/opendata/formats';

type R = { id: string };
const ids = (n: number) => Array.from({ length: n }, (_, i) => `id-${String(i).padStart(5, '0')}`);

function recording(n: number) {
  const log: string[] = [];
  const all = ids(n);
  const stream = plannedStream<R, { slug: string }>(
    'term',
    () => {
      log.push('plan');
      return Promise.resolve(all);
    },
    (slice) => {
      log.push(`fetch ${slice.length}`);
      return Promise.resolve(slice.map((id) => ({ id })));
    },
    (r) => ({ item: { slug: r.id }, geometry: null }),
  );
  return { log, stream, all };
}

describe('open data rows read in a planned order (lib/opendata/stream)', () => {
  it('plans nothing until the rows or their count are needed, and plans once', async () => {
    const { log, stream } = recording(3);
    expect(log).toEqual([]);
    expect(await stream.count()).toBe(3);
    expect(await stream.count()).toBe(3);
    await collect(stream);
    expect(log.filter((l) => l === 'plan')).toHaveLength(1);
  });

  it('GeoJSON sends its head before the plan is read', async () => {
    const { log, stream } = recording(3);
    const chunks = featureCollectionChunks(stream.term, stream.batches(), (m) => m.slug, 'http://x');
    const head = await chunks.next();
    expect(head.value).toContain('"FeatureCollection"');
    expect(log).toEqual([]);
    const rest: string[] = [];
    for await (const c of chunks) rest.push(c);
    expect(log[0]).toBe('plan');
  });

  it('reads a small first batch, then full batches, in plan order', async () => {
    const n = FIRST_OPEN_DATA_BATCH + 2 * OPEN_DATA_BATCH + 7;
    const { log, stream, all } = recording(n);
    const rows = await collect(stream);
    expect(rows.map((r) => r.item.slug)).toEqual(all);
    expect(log).toEqual(['plan', `fetch ${FIRST_OPEN_DATA_BATCH}`, `fetch ${OPEN_DATA_BATCH}`, `fetch ${OPEN_DATA_BATCH}`, 'fetch 7']);
    expect(FIRST_OPEN_DATA_BATCH).toBeLessThan(OPEN_DATA_BATCH);
  });
});

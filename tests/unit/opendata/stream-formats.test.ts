import { describe, expect, it } from 'vitest';
import {
  accessionsCsv,
  accessionsCsvChunks,
  featureCollection,
  featureCollectionChunks,
  listJson,
  listJsonChunks,
  municipalitiesCsv,
  municipalitiesCsvChunks,
} from '@/lib/opendata/formats';
import type { OpenAccession, OpenGeometry, OpenMunicipality } from '@/lib/opendata/fields';

/**
 * Issue 14: the open data lists are written batch by batch while they are
 * read; the streamed bytes must be exactly the whole-list serialisations
 * (the same file whatever the size, and the same as before streaming).
 */
type Row<T> = { item: T; geometry: OpenGeometry | null };

const square = (x: number): OpenGeometry => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, 56],
      [x, 57],
      [x + 1, 57],
      [x + 1, 56],
      [x, 56],
    ],
  ],
});

const municipality = (i: number): Row<OpenMunicipality> => ({
  item: {
    slug: `synthetic-${i}`,
    atvk_code: i % 2 ? null : `0${i}`,
    iso_3166_2: null,
    name_lv: `Sintētiska, "${i}"`,
    official_name_lv: `=Formula ${i}`,
    type: i % 3 ? 'municipality' : 'state_city',
    population: i % 4 ? 1000 + i : null,
    population_year: 2024,
    population_source: 'x\r\ny',
    area_km2: 12.5,
    valid_from: '2021-07-01',
    valid_to: null,
    successor_slug: null,
    term: '2021-2025',
    status: i % 2 ? 'verified' : 'not_joined',
    is_demo: true,
  },
  geometry: i % 5 ? square(i) : null,
});

const accession = (i: number): Row<OpenAccession> => ({
  item: {
    municipality_slug: `synthetic-${i}`,
    atvk_code: null,
    term: '2021-2025',
    status: 'verified',
    council_body: 'Dome',
    session_date: '2021-07-22',
    session_year_inferred: false,
    session_type: 'regular',
    decision_number: `${i}/9`,
    agenda_item: null,
    signatory_name: 'A, B',
    signatory_role: null,
    source: null,
    citation_title: null,
    citation_publisher: null,
    citation_url: null,
    citation_language: null,
    recorded_from_published_source: false,
    verified_at: '2021-08-01T10:00:00.000Z',
    withdrawn_at: null,
    withdrawal_reason: null,
    documents: Array.from({ length: i % 3 }, (_, d) => ({
      url: `https://x/api/documents/${i}-${d}`,
      sha256: `${i}${d}`.padEnd(64, 'a'),
      size_bytes: 10,
      media_type: 'application/pdf',
      kind: 'decision' as const,
    })),
    is_demo: false,
  },
  geometry: square(i),
});

// eslint-disable-next-line @typescript-eslint/require-await -- an async generator on purpose: the writers read an AsyncIterable of batches
async function* batches<T>(rows: Row<T>[], size: number): AsyncGenerator<Row<T>[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
  if (rows.length === 0) yield [];
}

async function text(chunks: AsyncGenerator<string>): Promise<string> {
  let out = '';
  for await (const c of chunks) out += c;
  return out;
}

describe('streamed open data lists', () => {
  for (const [n, size] of [
    [0, 500],
    [1, 500],
    [7, 3],
    [1234, 500],
    [1000, 500],
  ] as const) {
    it(`write the same bytes as the whole list: ${n} rows in batches of ${size}`, async () => {
      const ms = Array.from({ length: n }, (_, i) => municipality(i));
      const as = Array.from({ length: n }, (_, i) => accession(i));
      expect(await text(listJsonChunks('2021-2025', n, batches(ms, size)))).toBe(listJson('2021-2025', ms));
      expect(await text(listJsonChunks(null, n, batches(as, size)))).toBe(listJson(null, as));
      expect(await text(municipalitiesCsvChunks(batches(ms, size)))).toBe(municipalitiesCsv(ms));
      expect(await text(accessionsCsvChunks(batches(as, size)))).toBe(accessionsCsv(as));
      expect(await text(featureCollectionChunks('2021-2025', batches(ms, size), (m) => m.slug, 'https://x'))).toBe(
        featureCollection('2021-2025', ms, (m) => m.slug, 'https://x'),
      );
      expect(await text(featureCollectionChunks(null, batches(as, size), (a) => `${a.municipality_slug}/${a.term}`, 'https://x'))).toBe(
        featureCollection(null, as, (a) => `${a.municipality_slug}/${a.term}`, 'https://x'),
      );
    });
  }

  it('skip empty batches without a stray comma', async () => {
    const ms = [municipality(1), municipality(2)];
    // eslint-disable-next-line @typescript-eslint/require-await -- an async generator on purpose, as above
    async function* gappy(): AsyncGenerator<Row<OpenMunicipality>[]> {
      yield [];
      yield [ms[0]!];
      yield [];
      yield [ms[1]!];
    }
    const body = await text(listJsonChunks('2021-2025', 2, gappy()));
    expect(JSON.parse(body)).toEqual(JSON.parse(listJson('2021-2025', ms)));
  });
});

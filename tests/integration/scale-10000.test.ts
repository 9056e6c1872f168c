import http from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createGunzip } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDatabase } from '@/lib/db/embedded';
import { migrateAndSeed } from '../../scripts/lib';
import { assertProductionBuild, startAppServer, type AppServer } from '../support/app-server';

/**
 * Issue 14, Deliver 5: the portal at 10 000 bodies, through the real server
 * (production build, front server and public cache) on its own database
 * with the reference data plus 10 000 synthetic municipalities added by SQL
 * (labelled synthetic, as bench/seed-scale.ts does). The home page is paged
 * on the server and stays under 500 kB; every open data list is streamed
 * (chunked, never buffered whole) and still holds every row, as valid
 * JSON, GeoJSON and CSV, with working conditional requests.
 */
const SYNTHETIC = 10_000;
const LIMIT = 500_000;

type Got = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** A GET with exactly these headers; a gzip body is decoded. */
function get(server: AppServer, url: string, headers: Record<string, string> = {}): Promise<Got> {
  return new Promise((resolve, reject) => {
    http
      .get(`${server.baseUrl}${url}`, { headers }, (res) => {
        const stream = res.headers['content-encoding'] === 'gzip' ? res.pipe(createGunzip()) : res;
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        stream.on('error', reject);
      })
      .on('error', reject);
  });
}

const rowSlugs = (html: string) => [...html.matchAll(/<tr data-slug="([^"]+)"/g)].map((m) => m[1]!);

describe('10 000 bodies', () => {
  let server: AppServer;
  let storageDir: string;
  let total = 0;
  let accessions = 0;
  let queryLog = '';

  beforeAll(async () => {
    assertProductionBuild();
    const url = await ensureDatabase(process.env.TEST_DATABASE_BASE_URL!, 'memorands_scale_it', { fresh: true });
    const previous = process.env.DATABASE_URL;
    await migrateAndSeed(url);
    process.env.DATABASE_URL = previous;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const {
        rows: [term],
      } = await client.query<{ id: string }>(`SELECT "id" FROM "CouncilTerm" WHERE "slug" = '2021-2025'`);
      await client.query('BEGIN');
      await client.query(
        `
        INSERT INTO "Municipality" ("id", "slug", "nameLv", "officialNameLv", "type", "population", "populationYear", "populationSource", "boundary", "validFrom", "statusNote", "createdAt", "updatedAt")
        SELECT 'synm' || lpad(n::text, 5, '0'), 'synthetic-' || lpad(n::text, 5, '0'), 'Sintētiska pašvaldība ' || lpad(n::text, 5, '0'),
          'Sintētiska pašvaldība ' || lpad(n::text, 5, '0') || ' (sintētiski dati)', 'MUNICIPALITY', 1000 + n, 2024, 'SYNTHETIC TEST DATA',
          jsonb_build_object('type', 'Polygon', 'coordinates', jsonb_build_array(jsonb_build_array(
            jsonb_build_array(21 + (n % 100) * 0.07, 55.7 + (n / 100) * 0.024), jsonb_build_array(21.06 + (n % 100) * 0.07, 55.7 + (n / 100) * 0.024),
            jsonb_build_array(21.06 + (n % 100) * 0.07, 55.72 + (n / 100) * 0.024), jsonb_build_array(21 + (n % 100) * 0.07, 55.7 + (n / 100) * 0.024)))),
          DATE '2021-07-01', 'SYNTHETIC TEST DATA', now(), now()
        FROM generate_series(1, $1::int) n`,
        [SYNTHETIC],
      );
      await client.query(
        `
        INSERT INTO "Accession" ("id", "municipalityId", "termId", "status", "councilBody", "sessionDate", "sessionType", "decisionNumber", "source", "isDemo", "submittedAt", "verifiedAt", "createdAt", "updatedAt")
        SELECT 'syna' || lpad(n::text, 5, '0'), 'synm' || lpad(n::text, 5, '0'), $1, 'VERIFIED', 'Sintētiska dome', DATE '2021-08-01', 'REGULAR', n || '/1',
          'SYNTHETIC TEST DATA', true, TIMESTAMP '2021-08-02 10:00', TIMESTAMP '2021-08-05 10:00', now(), now()
        FROM generate_series(1, $2::int) n WHERE n % 10 < 7`,
        [term!.id, SYNTHETIC],
      );
      await client.query('COMMIT');
      await client.query('ANALYZE');
      total = Number(
        (
          await client.query<{ n: string }>(
            `SELECT count(*) AS n FROM "Municipality" WHERE "validFrom" <= '2025-06-30' AND ("validTo" IS NULL OR "validTo" >= '2021-07-01')`,
          )
        ).rows[0]!.n,
      );
      accessions = Number(
        (await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Accession" WHERE "status" IN ('VERIFIED', 'WITHDRAWN') AND "termId" = $1`, [term!.id]))
          .rows[0]!.n,
      );
    } finally {
      await client.end();
    }
    storageDir = await mkdtemp(path.join(os.tmpdir(), 'memorands-scale-it-'));
    // Every SQL query the server runs, one JSON line each (lib/db/client.ts): what a test may count.
    queryLog = path.join(storageDir, 'queries.jsonl');
    server = await startAppServer({ databaseUrl: url, storageDir, timeoutMs: 120_000, env: { QUERY_LOG_FILE: queryLog } });
  }, 240_000);

  afterAll(async () => {
    await server?.kill('SIGTERM');
    if (storageDir) await rm(storageDir, { recursive: true, force: true });
  });

  it('the home page is paged on the server and stays under 500 kB, in both languages', async () => {
    expect(total).toBe(SYNTHETIC + 43);
    const first = await get(server, '/lv');
    expect(first.status).toBe(200);
    expect(Buffer.byteLength(first.body)).toBeLessThan(LIMIT);
    const page1 = rowSlugs(first.body);
    expect(page1).toHaveLength(50);
    const pages = Math.ceil(total / 50);
    // Plain links: the next page and the last one, the current one marked for assistive technology.
    expect(first.body).toContain('aria-label="Pašvaldību saraksta lapas"');
    expect(first.body).toMatch(/<span aria-current="page"[^>]*>1<\/span>/);
    expect(first.body).toContain('href="?page=2#list"');
    expect(first.body).toContain(`href="?page=${pages}#list"`);

    const second = await get(server, '/lv?page=2');
    expect(Buffer.byteLength(second.body)).toBeLessThan(LIMIT);
    const page2 = rowSlugs(second.body);
    expect(page2).toHaveLength(50);
    expect(page2.filter((s) => page1.includes(s))).toEqual([]);
    expect(second.body).toContain('rel="prev"');

    const last = await get(server, `/lv?page=${pages}`);
    expect(rowSlugs(last.body)).toHaveLength(total - (pages - 1) * 50);
    // A page past the end shows the last page; filters and sort are kept in the page links.
    expect(rowSlugs((await get(server, '/lv?page=999999')).body)).toEqual(rowSlugs(last.body));
    const sorted = await get(server, '/lv?sort=population&dir=desc&page=3');
    expect(rowSlugs(sorted.body)).toHaveLength(50);
    expect(sorted.body).toContain('href="?sort=population&amp;dir=desc&amp;page=4#list"');

    const en = await get(server, '/en?page=2');
    expect(Buffer.byteLength(en.body)).toBeLessThan(LIMIT);
    expect(rowSlugs(en.body)).toEqual(page2);
    expect(en.body).toContain('aria-label="Pages of the municipality list"');
  });

  it('streams every open data list whole: every row, valid JSON, GeoJSON and CSV, 304 on a matching tag', async () => {
    const expected: Record<string, number> = {
      municipalities: total,
      'municipalities.csv': total,
      'municipalities.geojson': total,
      accessions: accessions,
      'accessions.csv': accessions,
      'accessions.geojson': accessions,
    };
    for (const [list, count] of Object.entries(expected)) {
      for (const encoding of ['gzip', 'identity']) {
        // A URL of its own (unknown parameters are ignored): a public-cache miss, which is what is streamed.
        const url = `/api/v1/${list}?term=2021-2025&_enc=${encoding}`;
        const res = await get(server, url, { 'accept-encoding': encoding });
        expect(res.status, list).toBe(200);
        // Streamed: sent in chunks as it is read, never buffered whole to learn its length.
        expect(res.headers['transfer-encoding'], `${list} ${encoding}`).toBe('chunked');
        expect(res.headers['content-length'], list).toBeUndefined();
        if (list.endsWith('.csv')) {
          expect(res.body.startsWith('\uFEFF'), list).toBe(true);
          const lines = res.body.split('\r\n');
          expect(lines.at(-1), list).toBe('');
          expect(lines.length - 2, list).toBe(count);
          expect(new Set(lines.slice(1, -1).map((l) => l.split(',')[0])).size, list).toBe(count);
        } else if (list.endsWith('.geojson')) {
          const fc = JSON.parse(res.body) as { type: string; features: { id: string; geometry: { type: string } | null }[] };
          expect(fc.type, list).toBe('FeatureCollection');
          expect(fc.features, list).toHaveLength(count);
          expect(new Set(fc.features.map((f) => f.id)).size, list).toBe(count);
          expect(
            fc.features.every((f) => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon'),
            list,
          ).toBe(true);
        } else {
          const json = JSON.parse(res.body) as { count: number; items: unknown[] };
          expect(json.count, list).toBe(count);
          expect(json.items, list).toHaveLength(count);
        }
        const again = await get(server, url, { 'accept-encoding': encoding, 'if-none-match': String(res.headers.etag) });
        expect(again.status, `${list} ${encoding}`).toBe(304);
        expect(again.body).toBe('');
      }
    }
  });

  it('five misses of one GeoJSON URL at once plan and read the list from the database once, and all get every feature', async () => {
    // The list's plan query (lib/opendata/municipality-rows.ts), once per database read of the list.
    const planQueries = async () =>
      (await readFile(queryLog, 'utf8').catch(() => ''))
        .split('\n')
        .filter(Boolean)
        .filter((l) => (JSON.parse(l) as { fullSql: string }).fullSql.includes('SELECT m."id", m."nameLv", m."slug" FROM "Municipality" m WHERE')).length;
    const before = await planQueries();
    const url = '/api/v1/municipalities.geojson?term=2021-2025&_herd=1';
    const got = await Promise.all(['gzip', 'identity', 'gzip', 'identity', 'gzip'].map((e) => get(server, url, { 'accept-encoding': e })));
    for (const res of got) {
      expect(res.status).toBe(200);
      expect(res.body).toBe(got[0]!.body);
    }
    expect((JSON.parse(got[0]!.body) as { features: unknown[] }).features).toHaveLength(total);
    // The query log is appended once per event-loop turn: wait for the read's line (not a fixed moment), then count.
    for (let waited = 0; (await planQueries()) === before && waited < 30_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    expect((await planQueries()) - before).toBe(1);
  });
});

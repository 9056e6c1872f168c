/**
 * Scale benchmark (issue 7) on the synthetic dataset of bench/seed-scale.ts,
 * against the production build (`next build` first) on loopback.
 *
 *   npm run bench:run -- [--duration 30] [--connections 50] [--samples 10]
 *                        [--scenarios home,dashboard,…] [--save-as NAME] [--no-load]
 *
 * 1. Applies pending migrations to `memorands_scale` (a new index migration
 *    is measured too) and clears Next's data cache.
 * 2. Queries per request: starts the portal (scripts/server.ts,
 *    NODE_ENV=production) with QUERY_LOG_FILE, signs in as the bench staff
 *    user and, per route, sends one at a time: the first request (cold: the
 *    public cache and Next's data cache are empty), N requests that miss the
 *    public cache (`?_bench=i`, a parameter every public route ignores but
 *    the front server's cache keys on, or another synthetic slug) and a
 *    repeat of the last URL (a public-cache hit). It counts the query log
 *    lines each request added. Every distinct query of the cold request is
 *    then run again under EXPLAIN (ANALYZE, BUFFERS) (in a rolled-back
 *    transaction) for its database execution time; the plan of the slowest
 *    is kept. Prisma's own duration is measured in the app process and also
 *    includes transfer, decoding and event-loop waiting (reported as client ms).
 * 3. Load: per route and mode (public cache / cache miss / signed in), a
 *    fresh portal process WITHOUT query logging, a short warm-up, then
 *    autocannon (50 connections × 30 s by default): requests/s, p50/p95/p99
 *    from every response time, non-2xx, errors and timeouts.
 *
 * Writes bench/results/scale-<timestamp>.json and .md (and scale-NAME.* with
 * --save-as NAME) and prints the Markdown table.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { withDatabase } from '../lib/db/embedded';
import { BENCH_MUNICIPALITY, BENCH_PASSWORD, BENCH_USERS, SCALE_DB, openScaleServer } from './scale-db';
import { ROOT, flag, median, option, startPortal, type Portal } from './portal';
import { explainAll, measure, type Explained, type Sample } from './query-log';
import { load, type Load } from './load';

type Mode = 'cached' | 'miss';
/** A page or endpoint: its queries are measured once, its load in each of `modes`. */
type Route = {
  name: string;
  path: string;
  /** The i-th URL of the route that misses the public cache. */
  miss: (i: number) => string;
  /** cached: the same URL every time (the public cache answers after the first); miss: a new URL every time. */
  modes: Mode[];
  auth?: boolean;
};

const DURATION = Number(option('duration', '30'));
const CONNECTIONS = Number(option('connections', '50'));
const SAMPLES = Number(option('samples', '10'));
const SAVE_AS = option('save-as', '');
const SYNTHETIC = 10_000;
const synthetic = (i: number) => `/lv/municipalities/synthetic-${String(((i * 7919) % SYNTHETIC) + 1).padStart(5, '0')}`;

const ALL: Route[] = [
  { name: 'home', path: '/lv', miss: (i) => `/lv?_bench=${i}`, modes: ['cached', 'miss'] },
  { name: 'municipality', path: `/lv/municipalities/${BENCH_MUNICIPALITY}`, miss: (i) => `${synthetic(i)}?_bench=${i}`, modes: ['cached', 'miss'] },
  { name: 'municipality-real', path: '/lv/municipalities/liepaja', miss: (i) => `/lv/municipalities/liepaja?_bench=${i}`, modes: ['miss'] },
  { name: 'opendata-accessions', path: '/api/v1/accessions', miss: (i) => `/api/v1/accessions?_bench=${i}`, modes: ['cached', 'miss'] },
  { name: 'opendata-geojson', path: '/api/v1/municipalities.geojson', miss: (i) => `/api/v1/municipalities.geojson?_bench=${i}`, modes: ['cached', 'miss'] },
  { name: 'dashboard', path: '/lv/staff', miss: () => '/lv/staff', modes: ['miss'], auth: true },
];
const wanted = option('scenarios', '').split(',').filter(Boolean);
const ROUTES = wanted.length ? ALL.filter((r) => wanted.includes(r.name)) : ALL;
if (ROUTES.length === 0) throw new Error(`no such scenario; known: ${ALL.map((r) => r.name).join(', ')}`);

async function signIn(base: string): Promise<string> {
  const res = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email: BENCH_USERS.staff, password: BENCH_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in failed: HTTP ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  if (!cookie) throw new Error('sign-in set no cookie');
  return cookie;
}

type Measured = { samples: Sample[]; explained: Explained[] };

/** Cold (the route's first request), SAMPLES public-cache misses and one hit (public routes). */
async function measureRoute(base: string, route: Route, cookie: string | null, queryLog: string, offset: { size: number }): Promise<Sample[]> {
  const c = route.auth ? cookie : null;
  const samples: Sample[] = [await measure(base, route.path, route.auth ? 'miss' : 'cold', c, queryLog, offset)];
  for (let i = 1; i <= SAMPLES; i += 1) samples.push(await measure(base, route.miss(i), 'miss', c, queryLog, offset));
  if (!route.auth) samples.push(await measure(base, samples.at(-1)!.url, 'hit', c, queryLog, offset));
  for (const bad of samples.filter((x) => x.status !== 200)) console.warn(`! ${route.name}: HTTP ${bad.status} for ${bad.url}`);
  return samples;
}

async function main() {
  const started = new Date();
  const server = await openScaleServer();
  const databaseUrl = withDatabase(server.baseUrl, SCALE_DB);
  const tmp = path.join(os.tmpdir(), `memorands-bench-${process.pid}`);
  await mkdir(tmp, { recursive: true });
  const serverLog = path.join(tmp, 'server.log');
  let portal: Portal | null = null;
  let ok = false;
  try {
    const check = new pg.Client({ connectionString: databaseUrl });
    await check.connect().catch(() => {
      throw new Error(`No ${SCALE_DB} database: run \`npm run bench:seed-scale\` first.`);
    });
    const {
      rows: [counts],
    } = await check.query<{ municipalities: string; rows: string; documents: string }>(
      `SELECT (SELECT count(*) FROM "Municipality") AS municipalities, (SELECT count(*) FROM "ReportAction") + (SELECT count(*) FROM "ReportIndicator") AS rows, (SELECT count(*) FROM "Document") AS documents`,
    );
    await check.end();
    const { migrate } = await import('../lib/db/migrate');
    const migrated = await migrate(databaseUrl);
    if (migrated.applied.length) {
      console.log(`Applied ${migrated.applied.join(', ')} to ${SCALE_DB}.`);
      const c = new pg.Client({ connectionString: databaseUrl });
      await c.connect();
      await c.query('ANALYZE');
      await c.end();
    }
    console.log(`Dataset: ${counts!.municipalities} municipalities, ${counts!.rows} action+indicator rows, ${counts!.documents} documents.`);

    // 1. Queries per request (query log on).
    const queryLog = path.join(tmp, 'queries.jsonl');
    portal = await startPortal({ databaseUrl, logFile: serverLog, env: { QUERY_LOG_FILE: queryLog } });
    const cookie = await signIn(portal.base);
    const offset = { size: 0 };
    const measured = new Map<string, Measured>();
    for (const route of ROUTES) {
      const samples = await measureRoute(portal.base, route, cookie, queryLog, offset);
      measured.set(route.name, { samples, explained: [] });
      const misses = samples.filter((x) => x.kind !== 'hit');
      console.log(
        `${route.name.padEnd(20)} queries ${misses.map((x) => x.queries).join(',')} (hit ${samples.find((x) => x.kind === 'hit')?.queries ?? '–'}); first ${samples[0]!.ms} ms, ${samples[0]!.bytes} bytes; miss median ${median(misses.slice(1).map((x) => x.ms))} ms`,
      );
    }
    await portal.stop();
    portal = null;
    for (const m of measured.values()) m.explained = await explainAll(databaseUrl, m.samples[0]!.log);

    // 2. Load (query log off), each row on a fresh portal process.
    const loads = new Map<string, Load>();
    if (!flag('no-load')) {
      for (const route of ROUTES) {
        for (const mode of route.modes) {
          portal = await startPortal({ databaseUrl, logFile: serverLog });
          const loadCookie = route.auth ? await signIn(portal.base) : null;
          // Warm-up: the first renders of a route in a fresh process are slower.
          for (let i = 0; i < 3; i += 1) {
            await fetch(portal.base + (mode === 'miss' ? route.miss(50_000 + i) : route.path), { headers: loadCookie ? { cookie: loadCookie } : {} }).then(
              (r) => r.arrayBuffer(),
            );
          }
          const l = await load(portal.base, route, mode, loadCookie, { connections: CONNECTIONS, duration: DURATION });
          await portal.stop();
          portal = null;
          loads.set(`${route.name}:${mode}`, l);
          console.log(
            `${`${route.name} (${mode})`.padEnd(30)} ${l.rps} req/s  p50 ${l.p50}  p95 ${l.p95}  p99 ${l.p99} ms  non-2xx ${l.non2xx}  errors ${l.errors + l.timeouts}`,
          );
        }
      }
    }

    // 3. Report.
    const rows = ROUTES.map((route) => {
      const { samples, explained } = measured.get(route.name)!;
      const misses = samples.filter((x) => x.kind !== 'hit');
      const laterMisses = route.auth ? misses : misses.slice(1);
      const slowest = explained.reduce<Explained | null>((a, e) => (!a || (e.dbMs ?? -1) > (a.dbMs ?? -1) ? e : a), null);
      return {
        route: route.name,
        path: route.path,
        auth: Boolean(route.auth),
        load: Object.fromEntries(route.modes.map((mode) => [mode, loads.get(`${route.name}:${mode}`) ?? null])),
        queriesPerRequest: {
          cold: samples[0]!.queries,
          miss: +(laterMisses.reduce((a, x) => a + x.queries, 0) / Math.max(1, laterMisses.length)).toFixed(1),
          max: Math.max(...misses.map((x) => x.queries)),
          hit: samples.find((x) => x.kind === 'hit')?.queries ?? null,
        },
        maxQueryDbMs: slowest?.dbMs ?? 0,
        maxQueryClientMs: Math.max(...samples.map((x) => x.maxClientQueryMs)),
        firstRequestMs: samples[0]!.ms,
        missMedianMs: median(laterMisses.map((x) => x.ms)),
        bytes: samples[0]!.bytes,
        slowestQuery: slowest ? { dbMs: slowest.dbMs, clientMs: slowest.clientMs, sql: slowest.sql, explain: slowest.plan } : null,
        queries: explained.map((e) => ({ dbMs: e.dbMs, clientMs: e.clientMs, sql: e.sql.slice(0, 300) })),
        samples: samples.map(({ log, ...x }) => ({ ...x, sql: log.map((q) => `${q.durationMs} ms ${q.sql.slice(0, 120)}`) })),
      };
    });
    const label = (r: (typeof rows)[number], mode: string) => `${r.route} (${r.auth ? 'signed in' : mode === 'cached' ? 'public cache' : 'cache miss'})`;
    const md = [
      `Scale benchmark, ${started.toISOString()}: ${counts!.municipalities} municipalities, ${counts!.rows} action+indicator rows, ${counts!.documents} documents; load ${CONNECTIONS} connections × ${DURATION} s per row, loopback, ${os.cpus().length} CPUs shared by the portal, PostgreSQL and the load generator.`,
      '',
      '| scenario | req/s | p50 ms | p95 ms | p99 ms | queries/request | max query ms (db / client) | errors |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...rows.flatMap((r) => {
        const q = r.queriesPerRequest;
        return Object.entries(r.load).map(([mode, l]) => {
          const queries = r.auth ? `${q.max}` : mode === 'cached' ? `${q.hit ?? '–'} (cold ${q.cold})` : `${q.miss} (cold ${q.cold})`;
          return `| ${label(r, mode)} | ${l ? l.rps : '–'} | ${l ? l.p50 : '–'} | ${l ? l.p95 : '–'} | ${l ? l.p99 : '–'} | ${queries} | ${r.maxQueryDbMs} / ${r.maxQueryClientMs} | ${l ? l.non2xx + l.errors + l.timeouts : '–'} |`;
        });
      }),
      '',
      'queries/request: SQL queries per request (Prisma query events); cold = the first request after start (public cache and Next data cache empty); cache miss = mean over URLs not yet in the public cache (`?_bench=i` or another synthetic slug); a public-cache hit runs none. max query ms: db = the slowest distinct query of the cold request re-run under EXPLAIN ANALYZE (planning + execution); client = the slowest Prisma query duration seen in the app over all measured requests (includes transfer, decoding and event-loop waits). errors = non-2xx + socket errors + timeouts.',
      '',
      '| route | first request ms | cache-miss median ms | body bytes (uncompressed) | slowest query (db ms) |',
      '| --- | ---: | ---: | ---: | --- |',
      ...rows.map(
        (r) =>
          `| ${r.route} | ${r.firstRequestMs} | ${r.missMedianMs} | ${r.bytes} | ${r.slowestQuery ? `${r.slowestQuery.dbMs}: \`${r.slowestQuery.sql.replace(/\s+/g, ' ').trim().slice(0, 150).replace(/\|/g, '\\|').replace(/`/g, "'")}…\`` : '–'} |`,
      ),
      '',
    ].join('\n');
    const outDir = path.join(ROOT, 'bench/results');
    await mkdir(outDir, { recursive: true });
    const stamp = started.toISOString().replace(/[:.]/g, '-');
    const json = JSON.stringify(
      {
        when: started.toISOString(),
        connections: CONNECTIONS,
        durationSeconds: DURATION,
        samples: SAMPLES,
        cpus: os.cpus().length,
        dataset: counts,
        migrations: migrated,
        rows,
      },
      null,
      2,
    );
    for (const name of [stamp, ...(SAVE_AS ? [SAVE_AS] : [])]) {
      await writeFile(path.join(outDir, `scale-${name}.json`), json);
      await writeFile(path.join(outDir, `scale-${name}.md`), md);
    }
    console.log(`\n${md}\nWritten: bench/results/scale-${stamp}.{json,md}${SAVE_AS ? ` and scale-${SAVE_AS}.{json,md}` : ''}`);
    ok = true;
  } finally {
    await portal?.stop();
    await server.stop();
    if (ok) await rm(tmp, { recursive: true, force: true }).catch(() => undefined);
    else console.error(`Portal log kept in ${serverLog}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

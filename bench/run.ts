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
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, open, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { withDatabase } from '../lib/db/embedded';
import { BENCH_MUNICIPALITY, BENCH_PASSWORD, BENCH_USERS, SCALE_DB, SCALE_STORAGE_DIR, openScaleServer } from './seed-scale';

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

const ROOT = process.cwd();
const flag = (name: string) => process.argv.includes(`--${name}`);
const option = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
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

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

type Portal = { base: string; child: ChildProcess; stop: () => Promise<void> };

async function startPortal(databaseUrl: string, queryLog: string | null, logFile: string): Promise<Portal> {
  if (!existsSync(path.join(ROOT, '.next/BUILD_ID'))) throw new Error('No production build: run `next build` first.');
  // The data cache may hold another run's answers: start it empty (as scripts/serve.ts does).
  await rm(path.join(ROOT, '.next/cache/fetch-cache'), { recursive: true, force: true });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: 'scale-bench-secret-not-for-production-0123456789',
    PUBLIC_BASE_URL: base,
    STORAGE_DIR: SCALE_STORAGE_DIR,
    BCRYPT_COST: '4',
    ...(queryLog ? { QUERY_LOG_FILE: queryLog } : {}),
  };
  const out = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'scripts/server.ts'), String(port)], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const stop = async () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      /* already gone */
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      /* already gone */
    }
  };
  for (let i = 0; ; i += 1) {
    if (child.exitCode !== null) throw new Error(`the portal exited (${child.exitCode}); see ${logFile}`);
    // Note: /api/session answers without touching the public pages' caches.
    if (
      await fetch(`${base}/api/session`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (i > 240) {
      await stop();
      throw new Error(`the portal did not start; see ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { base, child, stop };
}

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

type LoggedQuery = { durationMs: number; sql: string; fullSql: string; params: string };
type Sample = {
  kind: 'cold' | 'miss' | 'hit';
  url: string;
  status: number;
  bytes: number;
  ms: number;
  queries: number;
  clientQueryMs: number;
  maxClientQueryMs: number;
  log: LoggedQuery[];
};

/** What the query log grew by since byte `from`, once it has been still for a moment (the client appends once per event-loop turn). */
async function logSince(file: string, from: number): Promise<{ lines: LoggedQuery[]; size: number }> {
  let size = -1;
  for (let still = 0; still < 3;) {
    await new Promise((r) => setTimeout(r, 60));
    const now = existsSync(file) ? (await stat(file)).size : 0;
    still = now === size ? still + 1 : 0;
    size = now;
  }
  if (size <= from) return { lines: [], size };
  const handle = await open(file, 'r');
  const buffer = Buffer.alloc(size - from);
  await handle.read(buffer, 0, buffer.length, from);
  await handle.close();
  return {
    lines: buffer
      .toString('utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as LoggedQuery),
    size,
  };
}

async function measure(base: string, url: string, kind: Sample['kind'], cookie: string | null, queryLog: string, offset: { size: number }): Promise<Sample> {
  const before = (await logSince(queryLog, offset.size)).size;
  const t = performance.now();
  const res = await fetch(base + url, { redirect: 'manual', headers: { 'accept-encoding': 'gzip, br', ...(cookie ? { cookie } : {}) } });
  const body = Buffer.from(await res.arrayBuffer());
  const ms = performance.now() - t;
  const { lines, size } = await logSince(queryLog, before);
  offset.size = size;
  return {
    kind,
    url,
    status: res.status,
    bytes: body.length,
    ms: +ms.toFixed(1),
    queries: lines.length,
    clientQueryMs: +lines.reduce((s, q) => s + q.durationMs, 0).toFixed(1),
    maxClientQueryMs: +Math.max(0, ...lines.map((q) => q.durationMs)).toFixed(1),
    log: lines,
  };
}

type Explained = { dbMs: number | null; clientMs: number; sql: string; plan: string };

/** EXPLAIN (ANALYZE, BUFFERS) of each query with its parameters, in a transaction that is rolled back. */
async function explainAll(databaseUrl: string, queries: LoggedQuery[]): Promise<Explained[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const seen = new Set<string>();
  const out: Explained[] = [];
  try {
    for (const q of queries) {
      const key = `${q.fullSql}\u0000${q.params}`;
      if (seen.has(key)) continue;
      seen.add(key);
      let plan: string;
      try {
        let params: unknown[] = [];
        try {
          params = JSON.parse(q.params) as unknown[];
        } catch {
          /* no parameters */
        }
        await client.query('BEGIN');
        const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${q.fullSql}`, params);
        plan = rows.map((r) => r['QUERY PLAN']).join('\n');
      } catch (error) {
        plan = `EXPLAIN failed: ${(error as Error).message}`;
      } finally {
        await client.query('ROLLBACK').catch(() => undefined);
      }
      const execution = /Execution Time: ([\d.]+) ms/.exec(plan);
      const planning = /Planning Time: ([\d.]+) ms/.exec(plan);
      const dbMs = execution ? +(Number(execution[1]) + Number(planning?.[1] ?? 0)).toFixed(2) : null;
      out.push({ dbMs, clientMs: q.durationMs, sql: q.fullSql, plan });
    }
  } finally {
    await client.end();
  }
  return out;
}

type Load = {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  bytesPerSec: number;
};

const pct = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! : 0);

function load(base: string, route: Route, mode: Mode, cookie: string | null): Promise<Load> {
  let i = 100_000;
  const times: number[] = [];
  let non2xx = 0;
  const rotate = mode === 'miss' && !route.auth;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: base + route.path,
        connections: CONNECTIONS,
        duration: DURATION,
        pipelining: 1,
        timeout: 30,
        headers: { 'accept-encoding': 'gzip, br', ...(route.auth && cookie ? { cookie } : {}) },
        requests: rotate ? [{ setupRequest: (req) => ({ ...req, path: route.miss((i += 1)) }) }] : undefined,
      },
      (error, result) => {
        if (error) return reject(error);
        times.sort((a, b) => a - b);
        resolve({
          requests: times.length,
          rps: +(times.length / DURATION).toFixed(1),
          p50: +pct(times, 0.5).toFixed(1),
          p95: +pct(times, 0.95).toFixed(1),
          p99: +pct(times, 0.99).toFixed(1),
          max: +(times.at(-1) ?? 0).toFixed(1),
          non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          bytesPerSec: Math.round(result.throughput.average),
        });
      },
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      times.push(ms);
      if (status < 200 || status > 299) non2xx += 1;
    });
  });
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

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : 0;
};

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
    portal = await startPortal(databaseUrl, queryLog, serverLog);
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
          portal = await startPortal(databaseUrl, null, serverLog);
          const loadCookie = route.auth ? await signIn(portal.base) : null;
          // Warm-up: the first renders of a route in a fresh process are slower.
          for (let i = 0; i < 3; i += 1) {
            await fetch(portal.base + (mode === 'miss' ? route.miss(50_000 + i) : route.path), { headers: loadCookie ? { cookie: loadCookie } : {} }).then(
              (r) => r.arrayBuffer(),
            );
          }
          const l = await load(portal.base, route, mode, loadCookie);
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

/**
 * Open data at scale (issue 14), on the synthetic dataset of
 * bench/seed-scale.ts, against the production build (`next build` first):
 * time to the first body byte, total time and bytes of every open data list
 * (municipalities and accessions as JSON, CSV and GeoJSON) on public-cache
 * misses (`?_bench=i`), each list on a fresh portal process, then
 * CONCURRENT GeoJSON misses at once on another (of different URLs), and on
 * a third (of one URL), while the resident memory
 * (RSS) of the portal's process group is sampled every 25 ms. The baseline
 * RSS is taken after the server answered the small accession lists of
 * 2021–2025 (loading the code and the database client), before any large
 * list was served; the peak includes what the public cache keeps. Every body is checked: JSON and
 * GeoJSON parse and hold `count` items / features, CSV has count + 1 lines.
 *
 *   npx tsx bench/opendata-stream.ts [--samples 3] [--concurrent 5] [--save-as NAME] [--only-concurrent]
 *
 * Writes bench/results/opendata-stream-<time>.json and .md (and
 * opendata-stream-NAME.* with --save-as NAME).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createGunzip, createBrotliDecompress } from 'node:zlib';
import { withDatabase } from '../lib/db/embedded';
import { SCALE_DB, openScaleServer } from './scale-db';
import { ROOT, flag, median, option, startPortal, type Portal } from './portal';

const SAMPLES = Number(option('samples', '3'));
const CONCURRENT = Number(option('concurrent', '5'));
const SAVE_AS = option('save-as', '');
const LISTS = ['municipalities', 'municipalities.csv', 'municipalities.geojson', 'accessions', 'accessions.csv', 'accessions.geojson'];

/** Resident memory (kB) of every process in process group `pgid` (tsx and the node server it runs), from /proc. */
function groupRssKb(pgid: number): number {
  let total = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${name}/status`, 'utf8'));
      total += rss ? Number(rss[1]) : 0;
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

type Fetched = { status: number; ttfbMs: number; totalMs: number; bytes: number; wireBytes: number; items: number | null; valid: boolean };

/** One GET: time to the first body byte, whole time, decoded size; the body is checked and counted. */
function get(base: string, url: string): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let ttfb = 0;
    const req = http.get(base + url, { headers: { 'accept-encoding': 'gzip, br' } }, (res) => {
      let wire = 0;
      res.on('data', (c: Buffer) => {
        if (!ttfb) ttfb = performance.now() - t0;
        wire += c.length;
      });
      const coding = res.headers['content-encoding'];
      const decoded = coding === 'gzip' ? res.pipe(createGunzip()) : coding === 'br' ? res.pipe(createBrotliDecompress()) : res;
      const chunks: Buffer[] = [];
      decoded.on('data', (c: Buffer) => chunks.push(c));
      decoded.on('error', reject);
      decoded.on('end', () => {
        const totalMs = performance.now() - t0;
        const body = Buffer.concat(chunks).toString('utf8');
        let items: number | null = null;
        let valid = false;
        try {
          if (url.includes('.csv')) {
            const lines = body.split('\r\n');
            valid = body.startsWith('\uFEFF') && lines.at(-1) === '';
            items = lines.length - 2;
          } else {
            const json = JSON.parse(body) as { count?: number; items?: unknown[]; features?: unknown[] };
            items = (json.items ?? json.features ?? []).length;
            valid = json.features ? true : json.count === items;
          }
        } catch {
          valid = false;
        }
        resolve({
          status: res.statusCode ?? 0,
          ttfbMs: +ttfb.toFixed(1),
          totalMs: +totalMs.toFixed(1),
          bytes: Buffer.byteLength(body),
          wireBytes: wire,
          items,
          valid,
        });
      });
    });
    req.on('error', reject);
  });
}

/** A fresh portal, warmed up: the code of the lists and the database client load on first use. */
async function startWarmPortal(databaseUrl: string, log: string): Promise<Portal> {
  const portal = await startPortal({ databaseUrl, logFile: log, readyPath: '/api/v1/openapi.json' });
  // Small lists (the 2021–2025 term's accessions are the real ones only) make the baseline the server's, not its first use's.
  for (const list of ['accessions', 'accessions.csv', 'accessions.geojson']) await get(portal.base, `/api/v1/${list}?term=2021-2025&_warm=1`);
  await new Promise((r) => setTimeout(r, 1000));
  return portal;
}

/** Runs `work` on a fresh portal, sampling its RSS every 25 ms: the peak minus the baseline taken after the warm-up. */
async function onFreshPortal<T>(
  databaseUrl: string,
  log: string,
  work: (base: string) => Promise<T>,
): Promise<{ value: T; baselineMb: number; peakDeltaMb: number }> {
  const portal = await startWarmPortal(databaseUrl, log);
  const baselineKb = groupRssKb(portal.pgid);
  let peak = baselineKb;
  const sampler = setInterval(() => {
    peak = Math.max(peak, groupRssKb(portal.pgid));
  }, 25);
  try {
    const value = await work(portal.base);
    peak = Math.max(peak, groupRssKb(portal.pgid));
    return { value, baselineMb: +(baselineKb / 1024).toFixed(1), peakDeltaMb: +((peak - baselineKb) / 1024).toFixed(1) };
  } finally {
    clearInterval(sampler);
    await portal.stop();
  }
}

async function main() {
  const started = new Date();
  if (!existsSync(path.join(ROOT, '.next/BUILD_ID'))) throw new Error('No production build: run `next build` first.');
  const server = await openScaleServer();
  const databaseUrl = withDatabase(server.baseUrl, SCALE_DB);
  const { migrate } = await import('../lib/db/migrate');
  await migrate(databaseUrl);
  const log = path.join(os.tmpdir(), `memorands-stream-bench-${process.pid}.log`);
  try {
    const rows: Record<string, string | number | boolean | null>[] = [];
    const baselines: number[] = [];
    let n = 0;
    for (const list of flag('only-concurrent') ? [] : LISTS) {
      const {
        value: runs,
        baselineMb,
        peakDeltaMb,
      } = await onFreshPortal(databaseUrl, log, async (base) => {
        const out: Fetched[] = [];
        for (let i = 0; i < SAMPLES; i += 1) out.push(await get(base, `/api/v1/${list}?_bench=${(n += 1)}`));
        return out;
      });
      baselines.push(baselineMb);
      const row = {
        list,
        status: [...new Set(runs.map((r) => r.status))].join(','),
        items: runs[0]!.items,
        valid: runs.every((r) => r.valid && r.items === runs[0]!.items),
        bytes: runs[0]!.bytes,
        wireBytes: runs[0]!.wireBytes,
        ttfbMedianMs: median(runs.map((r) => r.ttfbMs)),
        ttfbMaxMs: Math.max(...runs.map((r) => r.ttfbMs)),
        totalMedianMs: median(runs.map((r) => r.totalMs)),
        baselineRssMb: baselineMb,
        peakRssDeltaMb: peakDeltaMb,
      };
      rows.push(row);
      console.log(
        `${list.padEnd(24)} ${row.items} items  ${row.bytes} B  TTFB ${row.ttfbMedianMs} ms (max ${row.ttfbMaxMs})  total ${row.totalMedianMs} ms  peak RSS +${row.peakRssDeltaMb} MB  valid ${row.valid}`,
      );
    }
    // Concurrent misses: of different URLs (each its own read), then of one URL (the herd after a change; the front server may coalesce them).
    for (const same of [false, true]) {
      const url = `/api/v1/municipalities.geojson?_bench=${(n += 1)}`;
      const {
        value: together,
        baselineMb,
        peakDeltaMb,
      } = await onFreshPortal(databaseUrl, log, async (base) => {
        const t = performance.now();
        const got = await Promise.all(Array.from({ length: CONCURRENT }, () => get(base, same ? url : `/api/v1/municipalities.geojson?_bench=${(n += 1)}`)));
        return { got, ms: +(performance.now() - t).toFixed(1) };
      });
      baselines.push(baselineMb);
      const concurrent = {
        list: `municipalities.geojson ×${CONCURRENT} at once, ${same ? 'one URL' : 'different URLs'}`,
        status: [...new Set(together.got.map((r) => r.status))].join(','),
        items: together.got[0]!.items,
        valid: together.got.every((r) => r.valid && r.items === together.got[0]!.items),
        bytes: together.got[0]!.bytes,
        wireBytes: together.got[0]!.wireBytes,
        ttfbMedianMs: median(together.got.map((r) => r.ttfbMs)),
        ttfbMaxMs: Math.max(...together.got.map((r) => r.ttfbMs)),
        totalMedianMs: together.ms,
        baselineRssMb: baselineMb,
        peakRssDeltaMb: peakDeltaMb,
      };
      rows.push(concurrent);
      console.log(
        `${concurrent.list}: TTFB median ${concurrent.ttfbMedianMs} ms (max ${concurrent.ttfbMaxMs}), all done in ${concurrent.totalMedianMs} ms, peak RSS +${concurrent.peakRssDeltaMb} MB`,
      );
    }
    const md = [
      `Open data streaming benchmark, ${started.toISOString()}: \`${SCALE_DB}\`, per list a fresh portal process, ${SAMPLES} public-cache misses one at a time, then on another fresh process ${CONCURRENT} GeoJSON misses at once of different URLs, and on another of one URL; Accept-Encoding: gzip, br; loopback, ${os.cpus().length} CPUs shared by the portal, PostgreSQL and the client (and other work on the machine). "peak RSS" = the highest resident memory of the portal's process group (sampled every 25 ms) minus its baseline after start and the small 2021–2025 accession lists; it includes what the public cache keeps of the answers.`,
      '',
      '| list | items | valid | body bytes | on the wire | first byte ms (median / max) | total ms (median) | baseline RSS | peak RSS |',
      '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...rows.map(
        (r) =>
          `| ${r.list} | ${r.items} | ${r.valid ? 'yes' : 'NO'} | ${r.bytes} | ${r.wireBytes} | ${r.ttfbMedianMs} / ${r.ttfbMaxMs} | ${r.totalMedianMs} | ${r.baselineRssMb} MB | +${r.peakRssDeltaMb} MB |`,
      ),
      '',
    ].join('\n');
    const outDir = path.join(ROOT, 'bench/results');
    await mkdir(outDir, { recursive: true });
    const stamp = started.toISOString().replace(/[:.]/g, '-');
    const json = JSON.stringify({ when: started.toISOString(), samples: SAMPLES, concurrent: CONCURRENT, cpus: os.cpus().length, rows }, null, 2);
    for (const name of [stamp, ...(SAVE_AS ? [SAVE_AS] : [])]) {
      await writeFile(path.join(outDir, `opendata-stream-${name}.json`), json);
      await writeFile(path.join(outDir, `opendata-stream-${name}.md`), md);
    }
    console.log(`\n${md}`);
    await rm(log, { force: true });
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

/**
 * Issue 17, "unauthenticated CPU exhaustion", as a measurement (it was a
 * timed assertion in tests/e2e/hardening.spec.ts; the test now checks the
 * throttle itself): the response time of GET /api/session, 15 sequential
 * requests before and 15 during a flood of POST /api/invitations/accept
 * with random tokens from 16 connections of one address (autocannon, in a
 * process of its own), on the production build (`next build` first) and the
 * e2e database:
 *
 *   npx tsx scripts/with-test-db.ts npx tsx bench/flood-session.ts [--seconds 8] [--bcrypt-cost 12] [--save-as NAME]
 *
 * Prints the medians and the flood's answers by status; with --save-as writes
 * bench/results/flood-session-NAME.json. Read the figure with the machine's
 * load beside it (printed): on a shared 2-core machine it varies.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ROOT, median, option, startPortal } from './portal';

const SECONDS = Number(option('seconds', '8'));
const SAVE_AS = option('save-as', '');
const BCRYPT_COST = option('bcrypt-cost', '12');

async function sessionTimes(base: string, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    const res = await fetch(`${base}/api/session`);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`GET /api/session: HTTP ${res.status}`);
    times.push(performance.now() - started);
  }
  return times;
}

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('DATABASE_URL is not set: run under scripts/with-test-db.ts');
const storage = await mkdtemp(path.join(os.tmpdir(), 'flood-bench-'));
const portal = await startPortal({ databaseUrl, logFile: path.join(storage, 'portal.log'), env: { STORAGE_DIR: storage, TRUST_PROXY: '1', BCRYPT_COST } });
try {
  await sessionTimes(portal.base, 10);
  const before = await sessionTimes(portal.base, 15);
  const body = JSON.stringify({ token: 'flood-token-[<id>]', name: 'Flood', password: 'long enough password', passwordConfirm: 'long enough password' });
  const flood = spawn(
    process.execPath,
    [path.join(ROOT, 'node_modules/autocannon/autocannon.js'), '-c', '16', '-d', String(SECONDS), '-m', 'POST', '-I', '-j', '-n'].concat(
      ['content-type=application/json', 'x-locale=en', 'x-forwarded-for=198.18.7.1'].flatMap((h) => ['-H', h]),
      ['-b', body, `${portal.base}/api/invitations/accept`],
    ),
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  let output = '';
  flood.stdout.on('data', (c: Buffer) => {
    output += c.toString();
  });
  const finished = new Promise<void>((resolve) => flood.on('close', () => resolve()));
  await new Promise((r) => setTimeout(r, 2000));
  const during = await sessionTimes(portal.base, 15);
  await finished;
  const result = JSON.parse(output) as { requests: { total: number }; statusCodeStats?: Record<string, { count: number }> };
  const summary = {
    at: new Date().toISOString(),
    loadAverage: os.loadavg().map((l) => +l.toFixed(2)),
    cpus: os.cpus().length,
    floodSeconds: SECONDS,
    floodRequests: result.requests.total,
    floodByStatus: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, v]) => [code, v.count])),
    sessionMedianMsBefore: +median(before).toFixed(1),
    sessionMedianMsDuring: +median(during).toFixed(1),
    sessionMaxMsDuring: +Math.max(...during).toFixed(1),
  };
  console.log(JSON.stringify(summary, null, 2));
  if (SAVE_AS) await writeFile(path.join(ROOT, 'bench/results', `flood-session-${SAVE_AS}.json`), `${JSON.stringify(summary, null, 2)}\n`);
} finally {
  await portal.stop();
  await rm(storage, { recursive: true, force: true });
}

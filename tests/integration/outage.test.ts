import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedServer } from '@/lib/db/embedded';
import { removeOwnPostgres, startOwnPostgres } from './support/own-postgres';
import { PASSWORD, sleep } from './support/crash';
import { assertProductionBuild, request, signIn, startAppServer, type Answer, type AppServer } from '../support/app-server';

/**
 * Issue 17, database outages, on the real server (scripts/server.ts,
 * production build) with a PostgreSQL of the test's own:
 * - stopped: every page and API answer, uncached public pages and open data
 *   included, is a 503 with Retry-After (the probe saw 500s, and 503s
 *   without Retry-After);
 * - frozen (SIGSTOP of that PostgreSQL's processes, and only those): the same
 *   503s within the database timeouts (lib/db/client.ts), not requests
 *   hanging for 20–75 s.
 * After each, the portal recovers without a restart.
 */

/** The postmaster of a data directory and all its children (backends, checkpointer, …): the processes this test started. */
async function postgresProcesses(dataDir: string): Promise<number[]> {
  const postmaster = Number((await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
  const pids = [postmaster];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid === postmaster) pids.push(Number(entry));
  }
  return pids;
}

describe('database outage (issue 17)', () => {
  let pg: EmbeddedServer | undefined;
  let app: AppServer | undefined;
  let storageDir: string | undefined;
  let frozen: number[] = [];
  const dataDir = path.resolve('.data', `outage-pg-${process.pid}`);

  afterAll(async () => {
    for (const pid of frozen) {
      try {
        process.kill(pid, 'SIGCONT');
      } catch {
        /* gone */
      }
    }
    await app?.kill();
    if (storageDir) await rm(storageDir, { recursive: true, force: true });
    await removeOwnPostgres(pg, dataDir);
  });

  it('PostgreSQL stopped, then frozen: every answer is a 503 with Retry-After within the timeout; recovery without a restart', async () => {
    assertProductionBuild();
    const own = await startOwnPostgres({ dataDir, database: 'memorands_outage17', email: 'outage17-secretary@example.test' });
    pg = own.pg;
    const { url, pgPort, email } = own;

    storageDir = await mkdtemp(path.join(os.tmpdir(), 'memorands-outage17-'));
    app = await startAppServer({ databaseUrl: url, storageDir });
    const cookie = await signIn(app, email, PASSWORD);

    let n = 0;
    // Each probe's URL is new every time (a query string of its own), so the public cache never answers for the database.
    const probes: { name: string; expected: number; send: () => Promise<Answer> }[] = [
      {
        name: 'uncached public page',
        expected: 200,
        send: () => request(app!, 'GET', `/en/municipalities/cesu-novads?probe=${(n += 1)}`, { timeoutMs: 30_000 }),
      },
      { name: 'uncached open data', expected: 200, send: () => request(app!, 'GET', `/api/v1/accessions?probe=${(n += 1)}`, { timeoutMs: 30_000 }) },
      { name: 'signed-in page', expected: 200, send: () => request(app!, 'GET', '/en/secretary/cesu-novads', { headers: { cookie }, timeoutMs: 30_000 }) },
      { name: 'GET /api/session (signed in)', expected: 200, send: () => request(app!, 'GET', '/api/session', { headers: { cookie }, timeoutMs: 30_000 }) },
      {
        name: 'POST /api/session (wrong password)',
        expected: 401,
        send: () =>
          request(app!, 'POST', '/api/session', {
            headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.88.0.${(n += 1) % 250}` },
            body: JSON.stringify({ email: `nobody-${n}@example.test`, password: 'wrong' }),
            timeoutMs: 30_000,
          }),
      },
    ];

    const expectAllUp = async (phase: string) => {
      for (const p of probes) {
        const a = await p.send();
        expect(a.status, `${phase}: ${p.name}: ${a.body.slice(0, 200)}`).toBe(p.expected);
      }
    };
    const expectAllUnavailable = async (phase: string, withinMs: number) => {
      const answers = await Promise.all(
        probes.map(async (p) => {
          const started = Date.now();
          const a = await p.send();
          return { p, a, ms: Date.now() - started };
        }),
      );
      for (const { p, a, ms } of answers) {
        console.log(`${phase}: ${p.name}: ${a.status} in ${ms} ms, Retry-After ${a.headers['retry-after']}`);
        expect(a.status, `${phase}: ${p.name}: ${a.body.slice(0, 300)}`).toBe(503);
        expect(Number(a.headers['retry-after']), `${phase}: ${p.name} Retry-After`).toBeGreaterThan(0);
        expect(ms, `${phase}: ${p.name} answered in ${ms} ms`).toBeLessThan(withinMs);
      }
    };
    const waitUntilUp = async (phase: string) => {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const statuses = await Promise.all(
          probes.map((p) =>
            p.send().then(
              (a) => a.status,
              () => 0,
            ),
          ),
        );
        if (statuses.every((s, i) => s === probes[i]!.expected)) return;
        if (Date.now() > deadline) throw new Error(`${phase}: not recovered: ${JSON.stringify(statuses)}`);
        await sleep(500);
      }
    };

    await expectAllUp('before');

    // Stopped.
    await pg.stop();
    await expectAllUnavailable('stopped', 12_000);
    pg = await startEmbeddedPostgres({ dataDir, persistent: true, port: pgPort });
    await waitUntilUp('after the restart');

    // Frozen: the processes exist and accept connections in the kernel, but answer nothing.
    frozen = await postgresProcesses(dataDir);
    expect(frozen.length).toBeGreaterThan(1);
    for (const pid of frozen) process.kill(pid, 'SIGSTOP');
    try {
      // A page makes up to two queries one after the other, each bounded by the query timeout (6 s).
      await expectAllUnavailable('frozen', 20_000);
    } finally {
      for (const pid of frozen) process.kill(pid, 'SIGCONT');
      frozen = [];
    }
    await waitUntilUp('after SIGCONT');
  }, 240_000);
});

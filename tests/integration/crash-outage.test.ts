/** A database outage under load: clean 503s while PostgreSQL is down, recovery by itself (split from crash.test.ts). */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedServer } from '@/lib/db/embedded';
import { removeOwnPostgres, startOwnPostgres } from './support/own-postgres';

import { assertProductionBuild, request, signIn, startAppServer, type Answer, type AppServer } from '../support/app-server';

import { PASSWORD, sleep } from './support/crash';

describe('database outage', () => {
  let pg: EmbeddedServer | undefined;
  let app: AppServer | undefined;
  let storageDir: string | undefined;
  const dataDir = path.resolve('.data', `crash-pg-${process.pid}`);

  afterAll(async () => {
    await app?.kill();
    if (storageDir) await rm(storageDir, { recursive: true, force: true });
    await removeOwnPostgres(pg, dataDir);
  });

  it('PostgreSQL restarted while requests run: clean 503s while it is down, recovery without restarting the app', async () => {
    assertProductionBuild();
    // A PostgreSQL of its own (restartable on the same port), migrated and seeded.
    const own = await startOwnPostgres({ dataDir, database: 'memorands_outage', email: 'outage-secretary@example.test' });
    pg = own.pg;
    const { url, pgPort, email } = own;

    storageDir = await mkdtemp(path.join(os.tmpdir(), 'memorands-outage-storage-'));
    const appStart = Date.now();
    app = await startAppServer({ databaseUrl: url, storageDir });
    console.log(`app server started in ${Date.now() - appStart} ms`);
    const cookie = await signIn(app, email, PASSWORD);

    type Probe = { name: string; expected: number; api: boolean; send: (i: number) => Promise<Answer> };
    const probes: Probe[] = [
      // A wrong password (a fresh address and account each time: never throttled).
      {
        name: 'POST /api/session (wrong password)',
        expected: 401,
        api: true,
        send: (i) =>
          request(app!, 'POST', '/api/session', {
            headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.77.${(i >> 8) & 255}.${i & 255}` },
            body: JSON.stringify({ email: `nobody-${i}@example.test`, password: 'wrong password' }),
          }),
      },
      { name: 'GET /api/session (signed in)', expected: 200, api: true, send: () => request(app!, 'GET', '/api/session', { headers: { cookie } }) },
      {
        name: 'GET /en/secretary/cesu-novads (page)',
        expected: 200,
        api: false,
        send: () => request(app!, 'GET', '/en/secretary/cesu-novads', { headers: { cookie } }),
      },
    ];
    type Sample = { probe: string; api: boolean; expected: number; start: number; end: number; status: number; body: string; retryAfter?: string };
    const samples: Sample[] = [];
    let running = true;
    let n = 0;
    const loops = probes.map(async (p) => {
      while (running) {
        const start = Date.now();
        const i = (n += 1);
        const a = await p.send(i).catch((e: Error): Answer => ({ status: -1, headers: {}, body: e.message }));
        samples.push({
          probe: p.name,
          api: p.api,
          expected: p.expected,
          start,
          end: Date.now(),
          status: a.status,
          body: a.body.slice(0, 300),
          retryAfter: a.headers['retry-after'],
        });
        await sleep(40);
      }
    });

    await sleep(1500);
    const stopping = Date.now();
    await pg.stop();
    const stopped = Date.now();
    // Long enough for several page renders on a loaded 2-core machine (integration files run in parallel).
    await sleep(4000);
    const starting = Date.now();
    pg = await startEmbeddedPostgres({ dataDir, persistent: true, port: pgPort });
    const started = Date.now();
    // Until every probe has answered normally three times in a row (at most 20 s).
    const recovered = new Map<string, number>();
    while (Date.now() - started < 20_000) {
      for (const p of probes) {
        const after = samples.filter((s) => s.probe === p.name && s.start >= started);
        const lastThree = after.slice(-3);
        if (!recovered.has(p.name) && lastThree.length === 3 && lastThree.every((s) => s.status === p.expected))
          recovered.set(p.name, lastThree[0]!.end - started);
      }
      if (recovered.size === probes.length) break;
      await sleep(100);
    }
    running = false;
    await Promise.all(loops);

    const phase = (s: Sample) => (s.end < stopping ? 'up' : s.start >= stopped && s.end <= starting ? 'down' : s.start >= started ? 'after' : 'transition');
    const seen: Record<string, Record<string, number>> = {};
    for (const s of samples) {
      const key = `${s.probe} [${phase(s)}]`;
      seen[key] ??= {};
      seen[key][s.status] = (seen[key][s.status] ?? 0) + 1;
    }
    console.log('outage statuses (per probe and phase):', JSON.stringify(seen, null, 1));
    console.log(
      'recovered after start (ms):',
      JSON.stringify(Object.fromEntries(recovered)),
      `; PostgreSQL stop took ${stopped - stopping} ms, start ${started - starting} ms`,
    );
    const pageDown = samples.find((s) => !s.api && phase(s) === 'down');
    if (pageDown) console.log(`page during the outage: ${pageDown.status}, ${pageDown.body.length} bytes shown`);

    for (const p of probes) {
      const mine = samples.filter((s) => s.probe === p.name);
      expect(
        mine.filter((s) => phase(s) === 'up').every((s) => s.status === p.expected),
        `${p.name} before the outage`,
      ).toBe(true);
      // At least one whole request inside the outage (under load a page render takes seconds, so few fit in 4 s).
      expect(mine.filter((s) => phase(s) === 'down').length, `${p.name}: requests during the outage`).toBeGreaterThanOrEqual(1);
      expect(recovered.get(p.name), `${p.name} recovered within 20 s`).toBeDefined();
      // Never a 500, only the normal answer or a clean 503 (pages: the front server tells the outage from a bug).
      for (const s of mine) expect([p.expected, 503], `${p.name}: ${s.status} ${s.body.slice(0, 300)}`).toContain(s.status);
      for (const s of mine.filter((x) => phase(x) === 'down')) {
        expect(s.status).toBe(503);
        if (p.api) expect(JSON.parse(s.body)).toMatchObject({ ok: false, code: 'UNAVAILABLE' });
        expect(Number(s.retryAfter)).toBeGreaterThan(0);
      }
    }
    // The same server process throughout.
    expect(() => process.kill(app!.pid, 0)).not.toThrow();
  });
});

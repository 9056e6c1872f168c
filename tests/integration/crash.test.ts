import http from 'node:http';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { db, disconnectDb, type Db } from '@/lib/db/client';
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedServer } from '@/lib/db/embedded';
import { migrate } from '@/lib/db/migrate';
import { seedReference } from '@/lib/seed/reference';
import { hashPassword } from '@/lib/auth/password';
import { recordDecision } from '@/lib/accessions/workflow';
import { localStorage } from '@/lib/storage';
import { checkStorage } from '@/lib/storage/orphans';
import { createSignedPdf, createTestSigner, type TestSigner } from '../unit/documents/sign-helper';
import { assertProductionBuild, freePort, request, signIn, startAppServer, type Answer, type AppServer } from '../support/app-server';
import { runScript } from '../support/run-script';
import { actorOf, createUser, resetDatabase } from './db-utils';

/**
 * Crash safety of the real server (scripts/server.ts, production build):
 * (a) SIGKILL of the whole server during uploads at several points leaves
 *     no Document row without its (intact) file; after a restart, the
 *     cleanup command (npm run clean-temp) removes temporary leftovers and
 *     orphan files, and uploads work again;
 * (b) PostgreSQL stopped and started under load: API routes answer only
 *     clean 503s (never 500) while it is down and recover by themselves.
 * (Two staff deciding at once, exactly one wins: tests/integration/accessions.test.ts
 * and tests/e2e/joining.spec.ts.)
 */
const PASSWORD = 'correct horse battery';
const UPLOAD_PATH = '/api/accessions/cesu-novads/documents?kind=DECISION&name=l%C4%93mums.pdf';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let signer: TestSigner;
let pdfCounter = 0;
/** A distinct signed PDF of about 35 KB (distinct bytes: no deduplication between uploads). */
async function pdf(): Promise<Buffer> {
  pdfCounter += 1;
  return Buffer.from((await createSignedPdf({ signer, text: `Crash test upload ${pdfCounter} ${Date.now()}`, contentsBytes: 16384 })).bytes);
}

type Outcome = { status: number; body: string } | { error: string };

/** POSTs `bytes` as an upload, written in chunks with delays; `holdAfter` stops writing there (connection kept open). */
function upload(server: AppServer, cookie: string, bytes: Buffer, opts: { chunk?: number; delayMs?: number; holdAfter?: number } = {}) {
  const req = http.request({
    host: '127.0.0.1',
    port: server.port,
    method: 'POST',
    path: UPLOAD_PATH,
    agent: false,
    headers: { cookie, 'content-type': 'application/pdf', 'content-length': String(bytes.length), 'x-locale': 'en' },
  });
  const result = new Promise<Outcome>((resolve) => {
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (e) => resolve({ error: e.message }));
    });
    req.on('error', (e) => resolve({ error: e.message }));
  });
  const chunk = opts.chunk ?? 2048;
  const sent = (async (): Promise<'held' | 'sent' | 'aborted'> => {
    for (let i = 0; i < bytes.length; i += chunk) {
      if (opts.holdAfter !== undefined && i >= opts.holdAfter) return 'held';
      if (req.destroyed) return 'aborted';
      req.write(bytes.subarray(i, i + chunk));
      if (opts.delayMs) await sleep(opts.delayMs);
    }
    await new Promise<void>((resolve) => req.end(() => resolve()));
    return 'sent';
  })();
  return { req, result, sent };
}

describe('crash safety', () => {
  let storageDir: string;
  let server: AppServer | undefined;
  let port: number;
  let cookie: string;
  let secretaryEmail: string;
  const rounds: Record<string, unknown>[] = [];

  const tmpFiles = async () => await readdir(path.join(storageDir, 'tmp')).catch(() => [] as string[]);

  /** Every row's object is there and intact; returns the objects no row refers to. */
  async function assertRowsHaveFiles() {
    const report = await checkStorage({ storage: localStorage(storageDir), verify: true });
    expect(report.missing, 'Document rows without their file').toEqual([]);
    expect(report.corrupt, 'stored files that do not match their hash').toEqual([]);
    const docs = await db().document.findMany({ select: { sha256: true, sizeBytes: true, storageKey: true } });
    for (const d of docs) {
      expect(d.storageKey).toBe(`sha256/${d.sha256.slice(0, 2)}/${d.sha256}`);
      expect((await stat(path.join(storageDir, d.storageKey))).size).toBe(d.sizeBytes);
    }
    return { rows: docs.length, orphans: report.orphans.length };
  }

  /** Restarts the server, checks rows → files, runs the cleanup command, checks files → rows. */
  async function recover(label: string, outcomes: Outcome[]) {
    const restart = Date.now();
    server = await startAppServer({ databaseUrl: process.env.DATABASE_URL!, storageDir, port });
    const restartMs = Date.now() - restart;
    const before = await assertRowsHaveFiles();
    const temps = (await tmpFiles()).length;
    const clean = await runScript('clean-temp', ['--delete-orphans', '--min-age-minutes', '0'], {
      DATABASE_URL: process.env.DATABASE_URL,
      STORAGE_DIR: storageDir,
    });
    expect(clean.code, clean.stdout + clean.stderr).toBe(0);
    const after = await checkStorage({ storage: localStorage(storageDir) });
    expect(after.orphans, 'files without a row after the cleanup').toEqual([]);
    expect(after.missing).toEqual([]);
    expect(await tmpFiles()).toEqual([]);
    rounds.push({
      label,
      answers: outcomes.map((o) => ('status' in o ? o.status : 'killed')),
      rows: before.rows,
      tempLeftovers: temps,
      orphansCleaned: before.orphans,
      restartMs,
      cleanupMs: clean.ms,
    });
  }

  beforeAll(async () => {
    assertProductionBuild();
    signer = await createTestSigner();
    await resetDatabase();
    const secretary = await createUser({ role: 'SECRETARY', municipalitySlug: 'cesu-novads', password: PASSWORD });
    secretaryEmail = secretary.email;
    await recordDecision({
      actor: actorOf(secretary),
      municipalitySlug: 'cesu-novads',
      input: {
        councilBody: 'Cēsu novada dome',
        sessionDate: '2021-08-19',
        sessionType: 'REGULAR',
        decisionNumber: '325',
        agendaItem: null,
        signatoryName: 'Jānis Rozenbergs',
        signatoryRole: 'domes priekšsēdētājs',
      },
    });
    storageDir = await mkdtemp(path.join(os.tmpdir(), 'memorands-crash-storage-'));
    port = await freePort();
    server = await startAppServer({ databaseUrl: process.env.DATABASE_URL!, storageDir, port });
    cookie = await signIn(server, secretaryEmail, PASSWORD);
  });

  afterAll(async () => {
    await server?.kill();
    if (rounds.length) console.log('crash rounds:', JSON.stringify(rounds, null, 1));
    if (storageDir) await rm(storageDir, { recursive: true, force: true });
    await disconnectDb();
  });

  it('kill -9 in the middle of an upload body', async () => {
    const u = upload(server!, cookie, await pdf(), { delayMs: 5, holdAfter: 12_000 });
    expect(await u.sent).toBe('held');
    // Note: Next.js buffers a request body for proxy.ts (its middleware) before the
    // route handler streams it to a temporary file, so nothing is on disk yet.
    await sleep(300);
    await server!.kill('SIGKILL');
    const outcome = await u.result;
    expect(outcome).toHaveProperty('error');
    await recover('mid-body', [outcome]);
  });

  it('kill -9 right after the body ends, and while several uploads are being checked and stored', async () => {
    const u = upload(server!, cookie, await pdf(), { delayMs: 2 });
    expect(await u.sent).toBe('sent');
    await server!.kill('SIGKILL');
    await recover('right after the body', [await u.result]);

    // Four at once; the kill comes as soon as the first is answered (the
    // others are being inspected, moved into storage or committed).
    const batch = await Promise.all([pdf(), pdf(), pdf(), pdf()]).then((files) => files.map((bytes) => upload(server!, cookie, bytes)));
    await Promise.race(batch.map((b) => b.result));
    await server!.kill('SIGKILL');
    const outcomes = await Promise.all(batch.map((b) => b.result));
    for (const o of outcomes) if ('status' in o) expect(o.status).toBe(201);
    await recover('while storing a batch', outcomes);
  });

  it('after the crashes, a normal upload works and everything is consistent', async () => {
    const rows = await db().document.count();
    const outcome = await upload(server!, cookie, await pdf()).result;
    expect(outcome).toMatchObject({ status: 201 });
    expect(await db().document.count()).toBe(rows + 1);
    const report = await assertRowsHaveFiles();
    expect(report.orphans).toBe(0);
  });
});

describe('database outage', () => {
  let pg: EmbeddedServer | undefined;
  let app: AppServer | undefined;
  let storageDir: string | undefined;
  const dataDir = path.resolve('.data', `crash-pg-${process.pid}`);

  afterAll(async () => {
    await app?.kill();
    if (storageDir) await rm(storageDir, { recursive: true, force: true });
    await pg?.stop().catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true });
    await rm(`${dataDir}.password`, { force: true });
  });

  it('PostgreSQL restarted while requests run: clean 503s while it is down, recovery without restarting the app', async () => {
    assertProductionBuild();
    // A PostgreSQL of its own (restartable on the same port), migrated and seeded.
    pg = await startEmbeddedPostgres({ dataDir, persistent: true });
    const pgPort = Number(new URL(pg.baseUrl).port);
    const url = await ensureDatabase(pg.baseUrl, 'memorands_outage', { fresh: true });
    await migrate(url);
    const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
    await seedReference(client as unknown as Db);
    const municipality = await client.municipality.findUniqueOrThrow({ where: { slug: 'cesu-novads' }, select: { id: true } });
    const email = 'outage-secretary@example.test';
    await client.user.create({
      data: { email, name: 'Outage Secretary', role: 'SECRETARY', municipalityId: municipality.id, passwordHash: await hashPassword(PASSWORD) },
    });
    await client.$disconnect();

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

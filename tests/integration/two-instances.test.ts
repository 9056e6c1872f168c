import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { db, disconnectDb } from '@/lib/db/client';
import { findCurrentTerm } from '@/lib/municipalities/queries';
import { createAccession } from '@/lib/seed/factories';
import { assertProductionBuild, freePort, openUpload, request, signIn, startAppServer, type Answer, type AppServer } from '../support/app-server';
import { startNginx, type Nginx } from '../support/nginx';
import { createUser, resetDatabase } from './db-utils';

/**
 * Deliver 2 of issue 14: deploy/nginx.conf in front of two real portal
 * servers (production build, TRUST_PROXY=1) on one database and one storage
 * folder. A change made through one instance is served fresh by both
 * (measured: how long after the change both answered fresh); sessions work on
 * both; the sign-in throttle counts the address nginx passes, not one the
 * client chose; a 25 MB upload streams through; GETs keep succeeding when an
 * instance dies.
 */
const PASSWORD = 'correct horse battery';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function bigPdf(bytes: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage().drawText('Two-instance upload test');
  doc.context.register(doc.context.flateStream(randomBytes(bytes - 4096), {}));
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

describe('two instances behind nginx (deploy/nginx.conf)', () => {
  let a: AppServer | undefined;
  let b: AppServer | undefined;
  let nginx: Nginx | undefined;
  let storageDir: string;
  let staffEmail: string;
  let secretaryEmail: string;
  let accessionId: string;
  const proxy = () => ({ port: nginx!.port });
  const upstreamOf = (r: Answer) =>
    String(r.headers['x-upstream'] ?? '')
      .split(',')
      .pop()!
      .trim();
  const report: Record<string, unknown> = {};

  beforeAll(async () => {
    assertProductionBuild();
    await resetDatabase();
    const term = (await findCurrentTerm())!;
    const facts = {
      councilBody: 'Novada dome',
      sessionDate: new Date('2025-09-18'),
      sessionType: 'REGULAR' as const,
      decisionNumber: '7/12',
      signatoryName: 'Test Signatory',
      signatoryRole: 'priekšsēdētājs',
    };
    const cesis = { municipalitySlug: 'cesu-novads', termId: term.id, facts: 'none' as const };
    accessionId = (await createAccession(db(), { ...cesis, status: 'SUBMITTED', data: { submittedAt: new Date(), ...facts } })).id;
    await createAccession(db(), { municipalitySlug: 'saldus-novads', termId: term.id, status: 'DRAFT', facts: 'none', data: facts });
    staffEmail = (await createUser({ role: 'STAFF', password: PASSWORD })).email;
    secretaryEmail = (await createUser({ role: 'SECRETARY', municipalitySlug: 'saldus-novads', password: PASSWORD })).email;
    storageDir = await mkdtemp(path.join(os.tmpdir(), 'memorands-two-storage-'));
    const [portA, portB] = [await freePort(), await freePort()];
    [a, b] = await Promise.all([
      startAppServer({ databaseUrl: process.env.DATABASE_URL!, storageDir, port: portA, timeoutMs: 120_000 }),
      startAppServer({ databaseUrl: process.env.DATABASE_URL!, storageDir, port: portB, timeoutMs: 120_000 }),
    ]);
    nginx = await startNginx([portA, portB]);
  });

  afterAll(async () => {
    if (Object.keys(report).length) console.log('two instances behind nginx:', JSON.stringify(report));
    await nginx?.stop();
    await Promise.all([a?.kill(), b?.kill()]);
    if (storageDir) await rm(storageDir, { recursive: true, force: true });
    await disconnectDb();
  });

  it('load-balances both instances', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const r = await request(proxy(), 'GET', '/api/v1/accessions');
      expect(r.status).toBe(200);
      seen.add(upstreamOf(r));
    }
    expect([...seen].sort()).toEqual([`127.0.0.1:${a!.port}`, `127.0.0.1:${b!.port}`].sort());
  });

  it('a verification through one instance is served fresh by both (map and open data), and stays fresh', async () => {
    const isFresh = {
      '/lv': (body: string) => /data-slug="cesu-novads" data-status="VERIFIED"/.test(body),
      '/api/v1/accessions': (body: string) => body.includes('"municipality_slug":"cesu-novads"'),
    } as const;
    // Both instances have the old answers cached.
    for (const server of [a!, b!])
      for (const [url, fresh] of Object.entries(isFresh)) {
        for (let i = 0; i < 2; i++) {
          const r = await request(server, 'GET', url);
          expect(r.status).toBe(200);
          expect(fresh(r.body), `${url} before the change`).toBe(false);
        }
      }
    const cookie = await signIn(proxy(), staffEmail, PASSWORD);
    const verify = await request(proxy(), 'POST', `/api/staff/accessions/${accessionId}/verify`, {
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ version: 1 }),
    });
    expect(verify.status, verify.body).toBe(200);
    const changedAt = Date.now();
    const changedOn = upstreamOf(verify);
    // Read through nginx until each instance has answered both URLs fresh.
    const pending = new Set([a!, b!].flatMap((s) => Object.keys(isFresh).map((u) => `127.0.0.1:${s.port} ${u}`)));
    let staleAnswers = 0;
    let lastStaleMs = 0;
    while (pending.size > 0) {
      if (Date.now() - changedAt > 20_000) throw new Error(`not answered fresh by both after 20 s: ${[...pending].join(', ')}`);
      // Each URL twice in a row: nginx takes turns, so both instances answer each URL.
      for (const [url, fresh] of Object.entries(isFresh).flatMap((e) => [e, e])) {
        const r = await request(proxy(), 'GET', url);
        expect(r.status).toBe(200);
        const where = `${upstreamOf(r)} ${url}`;
        if (fresh(r.body)) pending.delete(where);
        else {
          expect(pending.has(where), `${where} answered stale after it had answered fresh`).toBe(true);
          staleAnswers += 1;
          lastStaleMs = Date.now() - changedAt;
        }
      }
    }
    const bothFreshMs = Date.now() - changedAt;
    Object.assign(report, { changedOn, bothFreshMs, staleAnswers, lastStaleMs });
    // How soon the old data is gone (lastStaleMs) depends on the machine's load: it is
    // reported (the line 'two instances behind nginx: …'), not asserted, as a time limit flakes on a loaded machine.
    // Asserted: both instances answer fresh (within the 20 s above, only so that a lost notification fails rather than
    // hangs), and neither goes back to the old data once it served the new.
  });

  it('a session made through nginx works on both instances', async () => {
    const cookie = await signIn(proxy(), staffEmail, PASSWORD);
    for (const server of [a!, b!, proxy(), proxy()]) {
      const r = await request(server, 'GET', '/api/session', { headers: { cookie } });
      expect(r.status).toBe(200);
      expect(JSON.parse(r.body)).toMatchObject({ data: { role: 'STAFF' } });
    }
  });

  it('the sign-in throttle counts the address nginx passes, not the X-Forwarded-For the client sent', async () => {
    await db().signInThrottle.deleteMany({});
    for (let i = 0; i < 4; i++) {
      const r = await request(proxy(), 'POST', '/api/session', {
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.${i + 1}` },
        body: JSON.stringify({ email: `nobody-${i}@example.test`, password: 'wrong password' }),
      });
      expect(r.status).toBe(401);
    }
    const rows = await db().signInThrottle.findMany({ where: { key: { contains: 'address:' } }, select: { key: true, failures: true } });
    expect(rows).toEqual([{ key: 'sign-in-address:127.0.0.1', failures: 4 }]);
  });

  it("a 25 MB upload streams through nginx (nothing buffered to nginx's disk) and is stored", async () => {
    const cookie = await signIn(proxy(), secretaryEmail, PASSWORD);
    const bytes = await bigPdf(25 * 1024 * 1024 - 200_000);
    const { req, answer } = openUpload({
      port: nginx!.port,
      path: '/api/accessions/saldus-novads/documents?kind=DECISION&name=lemums.pdf',
      cookie,
      contentType: 'application/pdf',
      length: bytes.length,
    });
    const half = Math.floor(bytes.length / 2);
    for (let i = 0; i < half; i += 1 << 20) req.write(bytes.subarray(i, Math.min(i + (1 << 20), half)));
    await sleep(500);
    const buffered = await readdir(path.join(nginx!.dir, 'body'), { recursive: true });
    expect(buffered, 'nginx buffered the request body to disk').toEqual([]);
    req.end(bytes.subarray(half));
    const r = await answer;
    expect(r.status, r.body).toBe(201);
    const doc = await db().document.findFirstOrThrow({ where: { originalName: 'lemums.pdf' }, select: { sizeBytes: true } });
    expect(doc.sizeBytes).toBe(bytes.length);
    report.uploadBytes = bytes.length;
  });

  it('one instance killed mid-test: GET requests through nginx keep succeeding', async () => {
    const urls = ['/lv', '/api/v1/accessions', '/lv/municipalities/cesu-novads', '/api/v1/accessions.geojson'];
    const statuses: number[] = [];
    let killed = false;
    for (let i = 0; i < 60; i++) {
      if (i === 15) {
        await b!.kill('SIGKILL');
        killed = true;
      }
      const r = await request(proxy(), 'GET', urls[i % urls.length]!);
      statuses.push(r.status);
      if (killed) expect(upstreamOf(r)).toBe(`127.0.0.1:${a!.port}`);
    }
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    report.getsAcrossKill = statuses.length;
  });
});

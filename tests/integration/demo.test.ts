import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { freezeClockForTests } from '@/lib/clock';
import { verifyPassword } from '@/lib/auth/password';
import { lastMutation } from '@/lib/mutations';
import { DEMO_SOURCE, assertDemoAllowed, removeDemo, seedDemo } from '@/lib/seed/demo';
import { loadTermOverview } from '@/lib/municipalities/overview';
import { listOpenAccessions } from '@/lib/opendata/accession-rows';
import { listOpenProgress } from '@/lib/opendata/progress';
import { loadWorkQueues } from '@/lib/dashboard/queues';
import { storage } from '@/lib/storage';
import { setUpTermReporting } from '@/lib/terms/open';
import { actorOf, createUser, resetDatabase } from './db-utils';

/**
 * npm run demo (lib/seed/demo.ts) on 2026-12-03, in the 2025–2029 term: labelled demo rows, idempotent,
 * removed exactly, refused on a public server.
 */
const NOW = new Date('2026-12-03T10:00:00Z');

/** Everything but the demo rows: reference data, the recorded accessions and the audit trail's count aside. */
async function referenceSnapshot() {
  return {
    municipalities: await db().municipality.findMany({ orderBy: { slug: 'asc' } }),
    terms: await db().councilTerm.findMany({ orderBy: { slug: 'asc' } }),
    accessions: await db().accession.findMany({ where: { isDemo: false }, orderBy: { id: 'asc' } }),
    reports: await db().progressReport.count({ where: { isDemo: false } }),
    users: await db().user.findMany({ where: { NOT: { email: { endsWith: '@demo.invalid' } } }, orderBy: { id: 'asc' }, select: { id: true, email: true } }),
    commitments: await db().commitment.count(),
    periods: await db().reportingPeriod.count(),
  };
}

async function demoCounts() {
  return {
    accessions: await db().accession.count({ where: { isDemo: true } }),
    reports: await db().progressReport.count({ where: { isDemo: true } }),
    documents: await db().document.count({ where: { accession: { isDemo: true } } }),
    users: await db().user.count({ where: { email: { endsWith: '@demo.invalid' } } }),
    audits: await db().auditEvent.count({ where: { action: { startsWith: 'demo.' } } }),
  };
}

describe('demo data (npm run demo)', () => {
  let reference: Awaited<ReturnType<typeof referenceSnapshot>>;
  beforeAll(async () => {
    await resetDatabase();
    freezeClockForTests('2026-12-03');
    // As on a portal in use: staff have set up reporting for the 2025–2029 term (reports are public only then).
    await setUpTermReporting({ actor: actorOf(await createUser({ role: 'ADMIN' })), termSlug: '2025-2029' });
    reference = await referenceSnapshot();
  });
  afterAll(() => freezeClockForTests(null));

  it('creates labelled demo accessions, reports and users in the current term, through the audited pipeline', async () => {
    const result = await seedDemo({ now: NOW });
    expect(result.term).toBe('2025-2029');
    expect(result.accessions.map((a) => [a.status, a.report])).toEqual([
      ['SUBMITTED', null],
      ['VERIFIED', 'ACCEPTED'],
      ['VERIFIED', 'SUBMITTED'],
    ]);
    expect(lastMutation()).toMatchObject({ permission: 'system', committed: true, audits: 1, scopes: ['public'] });

    const accessions = await db().accession.findMany({ where: { isDemo: true }, select: { source: true, sourceNote: true, term: { select: { slug: true } } } });
    expect(accessions).toHaveLength(3);
    for (const a of accessions) expect(a).toEqual({ source: DEMO_SOURCE, sourceNote: DEMO_SOURCE, term: { slug: '2025-2029' } });
    expect(await db().progressReport.findMany({ where: { isDemo: true }, select: { status: true } })).toEqual(
      expect.arrayContaining([{ status: 'ACCEPTED' }, { status: 'SUBMITTED' }]),
    );

    // The users sign in with the printed passwords; e-mails on demo.invalid.
    expect(result.users.map((u) => [u.role, u.email])).toEqual([
      ['STAFF', 'demo-staff@demo.invalid'],
      ['SECRETARY', 'demo-secretary@demo.invalid'],
    ]);
    for (const u of result.users) {
      const row = await db().user.findUniqueOrThrow({ where: { email: u.email }, select: { passwordHash: true } });
      expect(await verifyPassword(u.password, row.passwordHash)).toBe(true);
    }

    // Labelled wherever it shows: the home list and map rows, the open data, the staff queues.
    const [submitted, accepted, underReview] = result.accessions.map((a) => a.slug);
    const overview = (await loadTermOverview('2025-2029', { now: NOW }))!;
    for (const slug of [submitted, accepted, underReview]) expect(overview.rows.find((r) => r.slug === slug)?.isDemo).toBe(true);
    expect(overview.rows.filter((r) => r.isDemo)).toHaveLength(3);
    const open = await listOpenAccessions({ term: '2025-2029', origin: 'http://localhost' });
    expect(open.rows.map((r) => [r.item.municipality_slug, r.item.is_demo]).sort()).toEqual(
      [
        [accepted, true],
        [underReview, true],
      ].sort(),
    );
    const progress = await listOpenProgress({ term: '2025-2029' });
    expect(progress.progress.length).toBeGreaterThan(0);
    expect(progress.progress.every((p) => p.is_demo && p.municipality_slug === accepted)).toBe(true);
    const staff = actorOf(await createUser({ role: 'STAFF' }));
    const queues = await loadWorkQueues({ actor: staff, now: NOW });
    expect(queues.verifications.map((v) => [v.municipality.slug, v.isDemo])).toEqual([[submitted, true]]);
    expect(queues.reviews.map((v) => [v.municipality.slug, v.isDemo])).toEqual([[underReview, true]]);
  });

  it('running it again changes nothing: no row, no user, no audit event', async () => {
    const before = await demoCounts();
    const again = await seedDemo({ now: NOW });
    expect(again.created).toBe(false);
    expect(again.users).toEqual([]);
    expect(await demoCounts()).toEqual(before);
    expect(before).toMatchObject({ accessions: 3, reports: 2, documents: 3, users: 2, audits: 1 });
  });

  it('--remove deletes exactly the demo rows and users, leaves the reference data untouched, and is audited', async () => {
    const key = (await db().document.findFirstOrThrow({ where: { accession: { isDemo: true } }, select: { storageKey: true } })).storageKey;
    expect(await storage().exists(key)).toBe(true);
    expect(await removeDemo()).toEqual({ accessions: 3, reports: 2, documents: 3, users: 2 });
    expect(await demoCounts()).toEqual({ accessions: 0, reports: 0, documents: 0, users: 0, audits: 2 });
    expect(await storage().exists(key)).toBe(false);
    expect(await referenceSnapshot()).toEqual({ ...reference, users: expect.arrayContaining(reference.users) as unknown });
    expect((await referenceSnapshot()).users).toHaveLength(reference.users.length + 1); // the staff user of the first test
    expect(await removeDemo()).toEqual({ accessions: 0, reports: 0, documents: 0, users: 0 });
    expect((await demoCounts()).audits).toBe(2);
  });

  it('refuses a public PUBLIC_BASE_URL unless --on-public-server', async () => {
    expect(() => assertDemoAllowed({ publicBaseUrl: 'https://memorands.lv', onPublicServer: false })).toThrow(/not a loopback address/);
    expect(() => assertDemoAllowed({ publicBaseUrl: 'https://memorands.lv', onPublicServer: true })).not.toThrow();
    expect(() => assertDemoAllowed({ publicBaseUrl: 'http://localhost:3000', onPublicServer: false })).not.toThrow();
    expect(() => assertDemoAllowed({ publicBaseUrl: 'http://127.0.0.1:3000', onPublicServer: false })).not.toThrow();

    // The command itself: refused before it touches any database, with exit code 1.
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'memorands-demo-'));
    try {
      const run = promisify(execFile)(path.resolve('node_modules/.bin/tsx'), ['--conditions=react-server', 'scripts/demo.ts'], {
        env: { ...process.env, PUBLIC_BASE_URL: 'https://memorands.example.org', DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none', DATA_DIR: dataDir },
      });
      await expect(run).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('not a loopback address') as unknown });
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
    expect(await db().accession.count({ where: { isDemo: true } })).toBe(0);
  });
});

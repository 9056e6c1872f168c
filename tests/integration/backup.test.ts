import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, disconnectDb } from '@/lib/db/client';
import { loadMigrations } from '@/lib/db/migrate';
import { addDocument, findSecretaryAccession, recordDecision, submitAccession, verifyAccession } from '@/lib/accessions/workflow';
import { addReportEvidence, openReportForEditing, saveReportDraft, submitReport } from '@/lib/progress/reports';
import { ZReportDraftSchema } from '@/lib/schemas/progress';
import { keyForSha256, receiveToTemp, storage, tempDir } from '@/lib/storage';
import { s3Storage } from '@/lib/storage/s3';
import { checkStorage, deleteOrphans } from '@/lib/storage/orphans';
import { createBackup } from '@/lib/backup/create';
import { BackupVerificationError, RestoreRefusedError, restoreBackup, verifyArchive } from '@/lib/backup/restore';
import { readTar, tarStream, type TarSource } from '@/lib/backup/tar';
import { buildUnsignedPdf, createSignedPdf } from '../unit/documents/sign-helper';
import { snapshotDatabase, truncateAll } from '../support/db-snapshot';
import { storageFiles } from '../support/storage-files';
import { runScript } from '../support/run-script';
import { startFakeS3 } from '../support/fake-s3';
import { actorOf, createUser, resetDatabase } from './db-utils';

/**
 * npm run backup / npm run restore end to end: a seeded portal (users, an
 * accession with signed and unsigned documents, its events and audit trail,
 * a progress report with evidence, an orphan object) is backed up, wiped
 * (every table truncated, every stored file deleted) and restored; every row
 * of every table and every stored file must come back identical. A tampered
 * archive is refused before anything is written.
 */
const DATABASE_URL = process.env.DATABASE_URL!;
const STORAGE_ROOT = path.resolve(process.env.STORAGE_DIR!);
const decision = {
  councilBody: 'Cēsu novada dome',
  sessionDate: '2021-08-19',
  sessionType: 'REGULAR' as const,
  decisionNumber: '325 (prot. Nr. 12, 4. §)',
  agendaItem: null,
  signatoryName: 'Jānis Rozenbergs',
  signatoryRole: 'domes priekšsēdētājs',
};

const tempFile = (bytes: Uint8Array) => receiveToTemp(Readable.from([Buffer.from(bytes)]), 25 * 1024 * 1024);

async function seed() {
  await resetDatabase();
  // Earlier test files share the integration storage folder: start from an empty one, like the database.
  await rm(STORAGE_ROOT, { recursive: true, force: true });
  const secretary = actorOf(await createUser({ role: 'SECRETARY', municipalitySlug: 'cesu-novads' }));
  const staff = actorOf(await createUser({ role: 'STAFF' }));
  await createUser({ role: 'ADMIN' });
  await recordDecision({ actor: secretary, municipalitySlug: 'cesu-novads', input: decision });
  const signed = await createSignedPdf({ text: 'Cesu novada domes lemums (backup test)' });
  await addDocument({ actor: secretary, municipalitySlug: 'cesu-novads', kind: 'DECISION', originalName: 'lēmums.pdf', file: await tempFile(signed.bytes) });
  await addDocument({
    actor: secretary,
    municipalitySlug: 'cesu-novads',
    kind: 'ANNEX',
    originalName: 'pielikums.pdf',
    file: await tempFile(await buildUnsignedPdf('Pielikums (backup test)')),
  });
  await submitAccession({ actor: secretary, municipalitySlug: 'cesu-novads' });
  const a = (await findSecretaryAccession({ actor: secretary, municipalitySlug: 'cesu-novads' })).accession!;
  await verifyAccession({ actor: staff, accessionId: a.id, version: a.version });

  const reporter = actorOf(await createUser({ role: 'SECRETARY', municipalitySlug: 'liepaja' }));
  const report = await openReportForEditing({ actor: reporter, municipalitySlug: 'liepaja', year: 2022 });
  await saveReportDraft({
    actor: reporter,
    reportId: report.id,
    input: ZReportDraftSchema.parse({
      version: report.version,
      commitments: {
        resources: {
          status: 'IN_PROGRESS',
          narrative: 'Attīstības programmā 33 rīcības.',
          actions: [{ title: 'Telpu remonts', status: 'PLANNED', plannedOn: '2022-09-01', budgetEur: '120000' }],
        },
        staff: { status: 'ACHIEVED', narrative: 'Supervīzija.', actions: [] },
        cooperation: { status: 'NOT_STARTED', narrative: '', actions: [] },
      },
      indicators: {
        social_work_specialists_fte: '30',
        involved_in_planning: 'yes',
        avg_gross_monthly_pay_eur: '',
        agreement_health: 'no',
        joint_meetings_health: '4',
      },
    }),
  });
  // The same bytes as the decision: a second row for one stored object.
  await addReportEvidence({ actor: reporter, reportId: report.id, originalName: 'pierādījums.pdf', file: await tempFile(signed.bytes) });
  const current = await db().progressReport.findUniqueOrThrow({ where: { id: report.id }, select: { version: true } });
  await submitReport({ actor: reporter, reportId: report.id, version: current.version });

  // An object no row refers to (a crash between storing and committing): backed up as it is.
  const orphan = await tempFile(await buildUnsignedPdf('Orphan (backup test)'));
  await storage().putFile(keyForSha256(orphan.sha256), orphan.tempPath);
}

async function wipe() {
  await disconnectDb();
  await truncateAll(DATABASE_URL);
  await rm(STORAGE_ROOT, { recursive: true, force: true });
}

async function rowCount(): Promise<number> {
  const tables = await snapshotDatabase(DATABASE_URL);
  return Object.values(tables).reduce((n, json) => n + (JSON.parse(json) as unknown[]).length, 0);
}

/** A copy of `archive` with one byte of the first stored document flipped (manifest untouched, gzip valid). */
async function tamper(archive: string, out: string): Promise<string> {
  const entries: TarSource[] = [];
  let flipped = '';
  for await (const e of readTar(Readable.from(await readFile(archive)).pipe(createGunzip()))) {
    const chunks: Buffer[] = [];
    for await (const c of e.body) chunks.push(c);
    const body = Buffer.concat(chunks);
    if (!flipped && e.path.startsWith('files/')) {
      const at = Math.floor(body.length / 2);
      body[at] = body[at]! ^ 0x01;
      flipped = e.path;
    }
    entries.push({ path: e.path, size: body.length, body });
  }
  await pipeline(Readable.from(tarStream(entries)), createGzip(), createWriteStream(out));
  return flipped;
}

let work: string;
let archive: string;
let before: Record<string, string>;
let filesBefore: Record<string, string>;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'memorands-backup-test-'));
  archive = path.join(work, 'backup.tar.gz');
  await seed();
  before = await snapshotDatabase(DATABASE_URL);
  filesBefore = await storageFiles(STORAGE_ROOT);
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
  await disconnectDb();
});

describe('backup and restore', () => {
  it('npm run backup writes one archive: manifest, database dump and every stored file, all hashed', async () => {
    expect(Object.keys(filesBefore).filter((f) => f.startsWith('sha256/'))).toHaveLength(3); // decision (= evidence), annex, orphan
    const result = await runScript('backup', ['--out', archive]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Backup written: ${archive}`);
    const manifest = await verifyArchive(archive);
    expect(manifest).toMatchObject({ format: 'memorands-backup', formatVersion: 1, app: { name: 'memorands' } });
    expect(manifest.database.migrations.map((m) => m.name)).toEqual((await loadMigrations()).map((m) => m.name));
    expect(manifest.files.map((f) => f.path)).toEqual([
      'database.dump',
      ...Object.keys(filesBefore)
        .filter((f) => f.startsWith('sha256/'))
        .map((f) => `files/${f}`),
    ]);
    for (const f of manifest.files.slice(1)) expect(f.sha256).toBe(filesBefore[f.storageKey!]);
    const counts = Object.fromEntries(Object.entries(before).map(([t, json]) => [t, (JSON.parse(json) as unknown[]).length]));
    expect(manifest.database.tables).toEqual(counts);
    expect(counts.Document).toBe(3);
    expect(counts.AuditEvent).toBeGreaterThan(5);
    expect((await stat(archive)).mode & 0o077).toBe(0); // personal data: owner-only
    console.log(
      `backup: ${(await stat(archive)).size} bytes archive, ${Object.values(counts).reduce((a, b) => a + b, 0)} rows, ${manifest.files.length - 1} files, ${result.ms} ms (script, tsx start included)`,
    );
  });

  it('wipe, then npm run restore brings back every row of every table and every file', async () => {
    await wipe();
    expect(await rowCount()).toBe(0);
    expect(await storageFiles(STORAGE_ROOT)).toEqual({});
    const result = await runScript('restore', [archive]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/documents: 3 written, 0 already in storage/);
    console.log(`restore: ${result.ms} ms (script, tsx start included)`);
    expect(await snapshotDatabase(DATABASE_URL)).toEqual(before);
    expect(await storageFiles(STORAGE_ROOT)).toEqual(filesBefore);
    // The portal works on the restored data.
    expect(await db().document.count()).toBe(3);
  });

  it('refuses a database holding rows unless --force, which replaces its contents in one transaction', async () => {
    const refused = await runScript('restore', [archive]);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/is not empty .*Nothing was restored\. Add --force/);
    // Changes made since the backup are replaced by --force.
    await db().auditEvent.create({ data: { action: 'test.after-backup', subjectType: 'Test' } });
    await db().user.deleteMany({ where: { role: 'ADMIN' } });
    await expect(restoreBackup({ archive, databaseUrl: DATABASE_URL, storage: storage() })).rejects.toBeInstanceOf(RestoreRefusedError);
    await disconnectDb();
    const summary = await restoreBackup({ archive, databaseUrl: DATABASE_URL, storage: storage(), force: true });
    expect(summary).toMatchObject({ documentsWritten: 0, documentsPresent: 3, extraObjects: 0 });
    expect(await snapshotDatabase(DATABASE_URL)).toEqual(before);
    expect(await storageFiles(STORAGE_ROOT)).toEqual(filesBefore);
  });

  it('a tampered archive is refused with a clear message and nothing is written', async () => {
    const tampered = path.join(work, 'tampered.tar.gz');
    const flipped = await tamper(archive, tampered);
    await wipe();
    const result = await runScript('restore', [tampered, '--force']);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('failed verification; nothing was restored');
    expect(result.stderr).toContain(`${flipped}: sha256`);
    await expect(restoreBackup({ archive: tampered, databaseUrl: DATABASE_URL, storage: storage(), force: true })).rejects.toBeInstanceOf(
      BackupVerificationError,
    );
    // A flipped byte in the compressed stream itself.
    const raw = await readFile(archive);
    const at = Math.floor(raw.length / 2);
    raw[at] = raw[at]! ^ 0xff;
    const damaged = path.join(work, 'damaged.tar.gz');
    await writeFile(damaged, raw);
    await expect(verifyArchive(damaged)).rejects.toBeInstanceOf(BackupVerificationError);
    // Nothing was written: the wiped database and storage are still empty.
    expect(await rowCount()).toBe(0);
    expect(await storageFiles(STORAGE_ROOT)).toEqual({});
    // The good archive still restores (and leaves the database as before for the next test files).
    await restoreBackup({ archive, databaseUrl: DATABASE_URL, storage: storage() });
    expect(await snapshotDatabase(DATABASE_URL)).toEqual(before);
  });
});

describe('npm run clean-temp', () => {
  const objectPath = (key: string) => path.join(STORAGE_ROOT, key);
  const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000);
  async function putObject(bytes: Uint8Array, age?: Date): Promise<string> {
    const file = await tempFile(bytes);
    const key = keyForSha256(file.sha256);
    await storage().putFile(key, file.tempPath);
    if (age) await utimes(objectPath(key), age, age);
    return key;
  }
  const exists = (p: string) =>
    stat(p).then(
      () => true,
      () => false,
    );

  it('removes stale temporary files, reports orphans, deletes old ones with --delete-orphans, flags rows without files', async () => {
    await disconnectDb();
    await resetDatabase();
    await rm(STORAGE_ROOT, { recursive: true, force: true });
    const secretary = actorOf(await createUser({ role: 'SECRETARY', municipalitySlug: 'cesu-novads' }));
    await recordDecision({ actor: secretary, municipalitySlug: 'cesu-novads', input: decision });
    const doc = await addDocument({
      actor: secretary,
      municipalitySlug: 'cesu-novads',
      kind: 'DECISION',
      originalName: 'lēmums.pdf',
      file: await tempFile(await buildUnsignedPdf('Referenced (clean-temp)')),
    });
    const referenced = keyForSha256(doc.sha256);
    const oldOrphan = await putObject(await buildUnsignedPdf('Old orphan (clean-temp)'), hoursAgo(2));
    const newOrphan = await putObject(await buildUnsignedPdf('New orphan (clean-temp)'));
    await mkdir(tempDir(), { recursive: true });
    const staleTemp = path.join(tempDir(), '1-stale.part');
    const freshTemp = path.join(tempDir(), '2-fresh.part');
    await writeFile(staleTemp, 'left by a crash');
    await utimes(staleTemp, hoursAgo(2), hoursAgo(2));
    await writeFile(freshTemp, 'an upload in progress');

    const report = await runScript('clean-temp', []);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toContain('Temporary upload files removed: 1 (older than 60 min)');
    expect(report.stdout).toContain('Storage: 3 objects, 1 referenced by documents.');
    expect(report.stdout).toContain('Orphans (no document refers to them): 2');
    expect(report.stdout).toContain(oldOrphan);
    expect(report.stdout).toContain(newOrphan);
    expect(await exists(staleTemp)).toBe(false);
    expect(await exists(freshTemp)).toBe(true);
    expect(await exists(objectPath(oldOrphan))).toBe(true); // only reported

    const cleaned = await runScript('clean-temp', ['--delete-orphans']);
    expect(cleaned.code, cleaned.stderr).toBe(0);
    expect(cleaned.stdout).toContain('Deleted 1 orphans; kept 1 younger than 60 min');
    expect(await exists(objectPath(oldOrphan))).toBe(false);
    expect(await exists(objectPath(newOrphan))).toBe(true);
    expect(await exists(objectPath(referenced))).toBe(true);

    // A row whose file is gone is reported loudly, with a failing exit code.
    await rm(objectPath(referenced));
    const broken = await runScript('clean-temp', []);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`MISSING: 1 document rows refer to objects that are not in storage`);
    expect(broken.stderr).toContain(referenced);
    await rm(freshTemp, { force: true });
  });

  it('deleting an orphan never races an upload of the same bytes into a row without its file', async () => {
    await resetDatabase();
    const secretary = actorOf(await createUser({ role: 'SECRETARY', municipalitySlug: 'cesu-novads' }));
    await recordDecision({ actor: secretary, municipalitySlug: 'cesu-novads', input: decision });
    const outcomes: string[] = [];
    for (let i = 0; i < 6; i++) {
      const bytes = await buildUnsignedPdf(`Race ${i} (clean-temp)`);
      const key = await putObject(bytes, hoursAgo(2));
      const [deleted, uploaded] = await Promise.allSettled([
        deleteOrphans({ minAgeMs: 0 }),
        tempFile(bytes).then((file) => addDocument({ actor: secretary, municipalitySlug: 'cesu-novads', kind: 'ANNEX', originalName: `race-${i}.pdf`, file })),
      ]);
      expect(deleted.status).toBe('fulfilled');
      const rows = await db().document.count({ where: { storageKey: key } });
      if (uploaded.status === 'fulfilled') {
        expect(rows).toBe(1);
        expect(await exists(objectPath(key))).toBe(true);
      } else {
        // The cleanup won: the upload is refused (try again), nothing is recorded.
        expect(uploaded.reason).toMatchObject({ code: 'UNAVAILABLE' });
        expect(rows).toBe(0);
      }
      outcomes.push(uploaded.status);
    }
    const report = await checkStorage();
    expect(report.missing).toEqual([]);
    console.log(`orphan deletion vs upload of the same bytes: ${outcomes.join(', ')}`);
  });
});

describe('backup and restore through the S3 driver', () => {
  it('lists objects page by page, backs them up and writes them back through the storage API', async () => {
    const s3server = await startFakeS3({ pageSize: 2 });
    try {
      const s3 = s3Storage(s3server.config());
      await disconnectDb();
      await resetDatabase();
      const secretary = actorOf(await createUser({ role: 'SECRETARY', municipalitySlug: 'cesu-novads' }));
      await recordDecision({ actor: secretary, municipalitySlug: 'cesu-novads', input: decision });
      // The document's bytes live in the bucket (the row is written through the local driver here).
      const bytes = await buildUnsignedPdf('In the bucket (S3)');
      const doc = await addDocument({
        actor: secretary,
        municipalitySlug: 'cesu-novads',
        kind: 'DECISION',
        originalName: 'lēmums.pdf',
        file: await tempFile(bytes),
      });
      const keys = [keyForSha256(doc.sha256)];
      await s3.putFile(keys[0]!, (await tempFile(bytes)).tempPath);
      for (let i = 0; i < 4; i++) {
        const file = await tempFile(await buildUnsignedPdf(`Bucket object ${i}`));
        keys.push(keyForSha256(file.sha256));
        await s3.putFile(keys.at(-1)!, file.tempPath);
      }
      const listed: string[] = [];
      for await (const o of s3.list()) listed.push(o.key);
      expect(listed.sort()).toEqual([...keys].sort());
      const report = await checkStorage({ storage: s3, verify: true });
      expect(report).toMatchObject({ objects: 5, referenced: 1, missing: [], corrupt: [] });
      expect(report.orphans).toHaveLength(4);

      const out = path.join(work, 's3.tar.gz');
      const summary = await createBackup({
        databaseUrl: DATABASE_URL,
        out,
        storage: s3,
        storageDriver: 's3:memorands',
        app: { name: 'memorands', version: 'test' },
      });
      expect(summary.documents).toBe(5);
      const before = await snapshotDatabase(DATABASE_URL);
      const objectsBefore = new Map([...s3server.objects].map(([k, v]) => [k, v.body.toString('hex')]));
      s3server.objects.clear();
      await disconnectDb();
      const restored = await restoreBackup({ archive: out, databaseUrl: DATABASE_URL, storage: s3, force: true });
      expect(restored).toMatchObject({ documentsWritten: 5, documentsPresent: 0, extraObjects: 0 });
      expect(new Map([...s3server.objects].map(([k, v]) => [k, v.body.toString('hex')]))).toEqual(objectsBefore);
      expect(await snapshotDatabase(DATABASE_URL)).toEqual(before);
    } finally {
      await s3server.close();
    }
  });
});

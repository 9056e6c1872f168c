import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, disconnectDb } from '@/lib/db/client';
import { loadMigrations } from '@/lib/db/migrate';
import { addDocument, recordDecision } from '@/lib/accessions/workflow';

import { keyForSha256, storage } from '@/lib/storage';
import { s3Storage } from '@/lib/storage/s3';
import { checkStorage } from '@/lib/storage/orphans';
import { createBackup } from '@/lib/backup/create';
import { BackupVerificationError, RestoreRefusedError, restoreBackup, verifyArchive } from '@/lib/backup/restore';

import { buildUnsignedPdf } from '../unit/documents/sign-helper';
import { snapshotDatabase } from '../support/db-snapshot';
import { storageFiles } from '../support/storage-files';
import { runScript } from '../support/run-script';
import { startFakeS3 } from '../support/fake-s3';
import { actorOf, createUser, resetDatabase } from './db-utils';
import { DATABASE_URL, STORAGE_ROOT, decision, tempFile, seed, wipe, rowCount, tamper } from './support/backup';

/**
 * npm run backup / npm run restore end to end: a seeded portal (users, an
 * accession with signed and unsigned documents, its events and audit trail,
 * a progress report with evidence, an orphan object) is backed up, wiped
 * (every table truncated, every stored file deleted) and restored; every row
 * of every table and every stored file must come back identical. A tampered
 * archive is refused before anything is written.
 */

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

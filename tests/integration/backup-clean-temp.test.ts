/** npm run clean-temp (split from backup.test.ts, same seeded portal). */

import { mkdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, disconnectDb } from '@/lib/db/client';

import { addDocument, recordDecision } from '@/lib/accessions/workflow';

import { keyForSha256, storage, tempDir } from '@/lib/storage';

import { checkStorage, deleteOrphans } from '@/lib/storage/orphans';

import { buildUnsignedPdf } from '../unit/documents/sign-helper';

import { runScript } from '../support/run-script';

import { actorOf, createUser, resetDatabase } from './db-utils';
import { STORAGE_ROOT, decision, tempFile, seed } from './support/backup';

// The same seeded portal as backup.test.ts.
beforeAll(seed);
afterAll(disconnectDb);

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

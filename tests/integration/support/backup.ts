/** Shared setup of the backup integration tests (tests/integration/backup*.test.ts): a seeded portal to back up, wipe and tamper helpers. */
import { createWriteStream } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';

import { db, disconnectDb } from '@/lib/db/client';

import { addDocument, findSecretaryAccession, recordDecision, submitAccession, verifyAccession } from '@/lib/accessions/workflow';
import { addReportEvidence, openReportForEditing, saveReportDraft, submitReport } from '@/lib/progress/reports';
import { ZReportDraftSchema } from '@/lib/schemas/progress';
import { keyForSha256, receiveToTemp, storage } from '@/lib/storage';

import { readTar, tarStream, type TarSource } from '@/lib/backup/tar';
import { buildUnsignedPdf, createSignedPdf } from '../../unit/documents/sign-helper';
import { snapshotDatabase, truncateAll } from '../../support/db-snapshot';

import { actorOf, createUser, resetDatabase } from '../db-utils';
import { decision } from './fixtures';

export { decision };

export const DATABASE_URL = process.env.DATABASE_URL!;
export const STORAGE_ROOT = path.resolve(process.env.STORAGE_DIR!);

export const tempFile = (bytes: Uint8Array) => receiveToTemp(Readable.from([Buffer.from(bytes)]), 25 * 1024 * 1024);

export async function seed() {
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

export async function wipe() {
  await disconnectDb();
  await truncateAll(DATABASE_URL);
  await rm(STORAGE_ROOT, { recursive: true, force: true });
}

export async function rowCount(): Promise<number> {
  const tables = await snapshotDatabase(DATABASE_URL);
  return Object.values(tables).reduce((n, json) => n + (JSON.parse(json) as unknown[]).length, 0);
}

/** A copy of `archive` with one byte of the first stored document flipped (manifest untouched, gzip valid). */
export async function tamper(archive: string, out: string): Promise<string> {
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

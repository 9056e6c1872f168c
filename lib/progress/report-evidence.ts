import 'server-only';
import { rm } from 'node:fs/promises';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { requirePermission, type Actor } from '@/lib/authz';
import { mutate } from '@/lib/mutations';
import { reportIs } from '@/lib/authz/workflow';
import type { ReceivedFile } from '@/lib/storage';
import { deleteStoredIfUnreferenced, storeCheckedUpload, type UploadOutcome } from '@/lib/documents/store';

/** Progress reports, evidence documents: added and removed only while the report is editable. */

/** Attaches an evidence document to a draft or returned report, through the one upload pipeline. */
export async function addReportEvidence({
  actor,
  reportId,
  originalName,
  file,
}: {
  actor: Actor | null;
  reportId: string;
  originalName: string;
  file: ReceivedFile;
}): Promise<UploadOutcome> {
  try {
    const report = await db().progressReport.findUnique({ where: { id: reportId }, select: { municipalityId: true, status: true } });
    if (!report) throw new AppError('NOT_FOUND');
    const who = requirePermission(actor, 'progress.edit', { municipalityId: report.municipalityId });
    if (!reportIs('editable', report.status)) throw new AppError('CONFLICT', 'progress.notEditable');
    return await storeCheckedUpload({
      actor: who,
      permission: 'progress.edit',
      municipalityId: report.municipalityId,
      file,
      originalName,
      kind: 'EVIDENCE',
      link: { reportId },
      // Note: the report's version is not bumped, so the open editor's autosave stays valid.
      guard: async (tx) => {
        const current = await tx.progressReport.findUniqueOrThrow({ where: { id: reportId }, select: { status: true } });
        if (!reportIs('editable', current.status)) throw new AppError('CONFLICT', 'progress.notEditable');
      },
    });
  } catch (error) {
    await rm(file.tempPath, { force: true });
    throw error;
  }
}

/**
 * Removes an evidence document from the municipality's draft or returned
 * report (audited); replacing one is removing it and uploading the new file.
 * A submitted or accepted report keeps its evidence (409). The stored bytes
 * go only when no other document references them.
 */
export async function removeReportEvidence({ actor, reportId, documentId }: { actor: Actor | null; reportId: string; documentId: string }) {
  const report = await db().progressReport.findUnique({ where: { id: reportId }, select: { municipalityId: true } });
  if (!report) throw new AppError('NOT_FOUND');
  requirePermission(actor, 'progress.edit', { municipalityId: report.municipalityId });
  const doc = await db().document.findUnique({
    where: { id: documentId },
    select: { id: true, reportId: true, storageKey: true, sha256: true, originalName: true },
  });
  if (!doc || doc.reportId !== reportId) throw new AppError('NOT_FOUND');
  await mutate({ actor, permission: 'progress.edit', target: { municipalityId: report.municipalityId } }, async ({ tx, audit }) => {
    // Note: the status is re-read under a row lock, so a submission racing this removal either sees the document or not, never half.
    const rows = await tx.$queryRaw<{ status: string }[]>`SELECT "status"::text AS status FROM "ProgressReport" WHERE "id" = ${reportId} FOR UPDATE`;
    if (!reportIs('editable', rows[0]?.status)) throw new AppError('CONFLICT', 'progress.notEditable');
    await tx.document.delete({ where: { id: doc.id } });
    await audit({
      action: 'progress.evidence.remove',
      subjectType: 'Document',
      subjectId: doc.id,
      municipalityId: report.municipalityId,
      before: { reportId, sha256: doc.sha256, originalName: doc.originalName },
    });
  });
  await deleteStoredIfUnreferenced(doc.storageKey);
}

import 'server-only';
import { rm } from 'node:fs/promises';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { requirePermission, type Actor } from '@/lib/authz';
import { type ReceivedFile } from '@/lib/storage';
import { deleteStoredIfUnreferenced, storeCheckedUpload, type UploadOutcome } from '@/lib/documents/store';
import { mutate } from '@/lib/mutations';
import { ACCESSION_WORKFLOW } from '@/lib/authz/workflow';
import { isEditable, municipalityBySlug, requireCurrentTerm } from './common';

/**
 * Checks an uploaded file (already streamed to a temporary file) by content
 * and attaches it to the draft (lib/documents/store.ts: nothing is left
 * behind when it is refused; identical bytes are stored once).
 */
export async function addDocument({
  actor,
  municipalitySlug,
  kind,
  originalName,
  file,
}: {
  actor: Actor | null;
  municipalitySlug: string;
  kind: 'DECISION' | 'ANNEX';
  originalName: string;
  file: ReceivedFile;
}): Promise<UploadOutcome> {
  try {
    const municipality = await municipalityBySlug(municipalitySlug);
    const who = requirePermission(actor, 'accession.upload', { municipalityId: municipality.id });
    const term = await requireCurrentTerm();
    const accession = await db().accession.findUnique({
      where: { municipalityId_termId: { municipalityId: municipality.id, termId: term.id } },
      select: { id: true, status: true },
    });
    if (!accession) throw new AppError('CONFLICT', 'accession.needDecisionFacts');
    if (!isEditable(accession.status)) throw new AppError('CONFLICT', 'accession.notEditable');
    return await storeCheckedUpload({
      actor: who,
      permission: 'accession.upload',
      municipalityId: municipality.id,
      file,
      originalName,
      kind,
      link: { accessionId: accession.id },
      guard: async (tx) => {
        const current = await tx.accession.findUniqueOrThrow({ where: { id: accession.id }, select: { status: true } });
        if (!isEditable(current.status)) throw new AppError('CONFLICT', 'accession.notEditable');
        await tx.accession.update({ where: { id: accession.id }, data: { version: { increment: 1 } } });
      },
    });
  } catch (error) {
    await rm(file.tempPath, { force: true });
    throw error;
  }
}

/** Removes a document from a draft or returned submission; audited. */
export async function removeDocument({ actor, municipalitySlug, documentId }: { actor: Actor | null; municipalitySlug: string; documentId: string }) {
  const municipality = await municipalityBySlug(municipalitySlug);
  requirePermission(actor, 'accession.upload', { municipalityId: municipality.id });
  const doc = await db().document.findUnique({
    where: { id: documentId },
    select: { id: true, storageKey: true, sha256: true, originalName: true, accession: { select: { id: true, status: true, municipalityId: true } } },
  });
  if (!doc || doc.accession?.municipalityId !== municipality.id) throw new AppError('NOT_FOUND');
  if (!isEditable(doc.accession.status)) throw new AppError('CONFLICT', 'accession.notEditable');
  await mutate({ actor, permission: 'accession.upload', target: { municipalityId: municipality.id } }, async ({ tx, audit }) => {
    // Note: the status is re-checked in the transaction (a submission may have come first).
    const claimed = await tx.accession.updateMany({
      where: { id: doc.accession!.id, status: { in: [...ACCESSION_WORKFLOW.sets.editable] } },
      data: { version: { increment: 1 } },
    });
    if (claimed.count !== 1) throw new AppError('CONFLICT', 'accession.notEditable');
    await tx.document.delete({ where: { id: doc.id } });
    await audit({
      action: 'document.remove',
      subjectType: 'Document',
      subjectId: doc.id,
      municipalityId: municipality.id,
      before: { sha256: doc.sha256, originalName: doc.originalName },
    });
  });
  await deleteStoredIfUnreferenced(doc.storageKey);
}

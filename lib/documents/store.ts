import 'server-only';
import { readFile, rm } from 'node:fs/promises';
import { db, type Tx } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import type { Actor, Permission } from '@/lib/authz';
import { mutate } from '@/lib/mutations';
import { toJsonValue } from '@/lib/db/json';
import { keyForSha256, storage, type ReceivedFile } from '@/lib/storage';
import { lockStorageKey } from '@/lib/storage/orphans';
import { currentList } from '@/lib/trust/list-store';
import { saveVerdicts, verdictsFor } from '@/lib/trust/verdicts';
import { inspectDocument, MAX_UPLOAD_BYTES } from './inspect';
import { uploadRejection } from './rejection';

export type UploadOutcome = { id: string; sha256: string; sizeBytes: number; warnings: string[] };

/**
 * The one upload pipeline after the body is streamed to a temporary file:
 * checks by content, stores the bytes once (content-addressed), writes the
 * row and its audit event in one transaction after `guard` re-checks the
 * owner's state. A refused file, or any failure, leaves no row and no file.
 */
export async function storeCheckedUpload(opts: {
  actor: Actor;
  permission: Permission;
  municipalityId: string;
  file: ReceivedFile;
  originalName: string;
  kind: 'DECISION' | 'ANNEX' | 'EVIDENCE';
  link: { accessionId: string } | { reportId: string };
  guard: (tx: Tx) => Promise<void>;
}): Promise<UploadOutcome> {
  const { file } = opts;
  const key = keyForSha256(file.sha256);
  let moved = false;
  try {
    const bytes = new Uint8Array(await readFile(file.tempPath));
    const result = await inspectDocument(bytes, { maxBytes: MAX_UPLOAD_BYTES });
    if (!result.ok) {
      const { code, messageKey } = uploadRejection(result.reason, bytes.byteLength, MAX_UPLOAD_BYTES);
      throw new AppError(code, messageKey);
    }
    const inspection = toJsonValue({
      kind: result.kind,
      warnings: result.warnings,
      signatures: result.signatures,
      pageCount: result.pageCount ?? null,
      dataFiles: result.dataFiles ?? null,
    });
    // Trust verdicts with the list in use now, stored with the document (list number, issue date, time).
    const verdicts = verdictsFor(result.signatures, await currentList(), new Date());
    await storage().putFile(key, file.tempPath);
    moved = true;
    const doc = await mutate({ actor: opts.actor, permission: opts.permission, target: { municipalityId: opts.municipalityId } }, async ({ tx, audit }) => {
      await opts.guard(tx);
      if ('accessionId' in opts.link) {
        const same = await tx.document.findFirst({ where: { accessionId: opts.link.accessionId, sha256: file.sha256 }, select: { id: true } });
        // Note: the same bytes twice on one decision would show one signature as two documents.
        if (same) throw new AppError('CONFLICT', 'upload.duplicate');
      }
      // The object may have been there already (same bytes uploaded before, then
      // removed): under the key's lock, make sure the orphan cleanup has not just
      // deleted it, so a committed row always has its bytes.
      await lockStorageKey(tx, key);
      if (!(await storage().exists(key))) throw new AppError('UNAVAILABLE');
      const created = await tx.document.create({
        data: {
          ...opts.link,
          kind: opts.kind,
          sha256: file.sha256,
          sizeBytes: file.size,
          mediaType: result.mediaType,
          storageKey: key,
          originalName: opts.originalName,
          inspection,
          uploaderId: opts.actor.id,
        },
        select: { id: true, sha256: true, sizeBytes: true },
      });
      await saveVerdicts(tx, created.id, verdicts, null);
      await audit({
        action: 'document.upload',
        subjectType: 'Document',
        subjectId: created.id,
        municipalityId: opts.municipalityId,
        after: {
          sha256: file.sha256,
          size: file.size,
          kind: opts.kind,
          originalName: opts.originalName,
          warnings: result.warnings,
          trust: verdicts.map((v) => v.status),
          trustList: verdicts[0] ? verdicts[0].list.sequenceNumber : null,
          ...opts.link,
        },
      });
      return created;
    });
    return { ...doc, warnings: result.warnings };
  } catch (error) {
    await rm(file.tempPath, { force: true });
    if (moved) await deleteStoredIfUnreferenced(key);
    throw error;
  }
}

/** Deletes a stored object when no document row refers to it any more (under the key's lock: an upload of the same bytes may be attaching it). */
export async function deleteStoredIfUnreferenced(key: string): Promise<void> {
  await db().$transaction(
    async (tx) => {
      await lockStorageKey(tx, key);
      const refs = await tx.document.count({ where: { storageKey: key } });
      if (refs === 0) await storage().delete(key);
    },
    { timeout: 30_000 },
  );
}

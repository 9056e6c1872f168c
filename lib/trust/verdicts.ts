import 'server-only';
import { mutate } from '@/lib/mutations';
import { requirePermission, type Actor } from '@/lib/authz';
import { db, type Tx } from '@/lib/db/client';
import { toJsonValue } from '@/lib/db/json';
import type { SignatureInfo } from '@/lib/documents/types';
import { AppError } from '@/lib/errors';
import { evaluateSignatureTrust, type ListSource } from './evaluate';
import { currentList } from './list-store';
import type { TrustVerdict } from './types';

/** Verdicts of every signature (index order) against `source` at `now`. Pure apart from the clock. */
export function verdictsFor(signatures: SignatureInfo[], source: ListSource, now: Date): TrustVerdict[] {
  return signatures.map((s) => evaluateSignatureTrust(s, source, now));
}

/** Writes verdict rows for one document inside the caller's transaction. */
export async function saveVerdicts(tx: Tx, documentId: string, verdicts: TrustVerdict[], computedById: string | null): Promise<void> {
  if (verdicts.length === 0) return;
  await tx.signatureVerdict.createMany({
    data: verdicts.map((v, signatureIndex) => ({
      documentId,
      signatureIndex,
      status: v.status,
      reason: v.reason ?? null,
      verdict: toJsonValue(v),
      listSequenceNumber: v.list.sequenceNumber,
      listIssueDate: new Date(v.list.issueDate),
      computedAt: new Date(v.computedAt),
      computedById,
    })),
  });
}

/** The newest verdict of each signature of each document (keyed by document id, index order). */
export async function latestVerdicts(documentIds: string[]): Promise<Map<string, TrustVerdict[]>> {
  const out = new Map<string, TrustVerdict[]>();
  if (documentIds.length === 0) return out;
  const rows = await db().signatureVerdict.findMany({
    where: { documentId: { in: documentIds } },
    orderBy: [{ computedAt: 'asc' }, { id: 'asc' }],
    select: { documentId: true, signatureIndex: true, verdict: true },
  });
  for (const r of rows) {
    const list = out.get(r.documentId) ?? [];
    list[r.signatureIndex] = r.verdict as unknown as TrustVerdict;
    out.set(r.documentId, list);
  }
  return out;
}

/**
 * Staff re-run the trust check of a document's signatures with the current list. The earlier
 * verdicts stay (history); the new ones are added with the list and time, audited.
 */
export async function recheckDocumentTrust(opts: { actor: Actor; documentId: string; now?: Date }): Promise<TrustVerdict[]> {
  requirePermission(opts.actor, 'signature.recheck');
  const doc = await db().document.findUnique({
    where: { id: opts.documentId },
    select: { id: true, inspection: true, accession: { select: { municipalityId: true } }, report: { select: { municipalityId: true } } },
  });
  if (!doc) throw new AppError('NOT_FOUND');
  const signatures = (doc.inspection as { signatures?: SignatureInfo[] } | null)?.signatures ?? [];
  const verdicts = verdictsFor(signatures, await currentList(), opts.now ?? new Date());
  await mutate({ actor: opts.actor, permission: 'signature.recheck' }, async ({ tx, audit, invalidate }) => {
    await saveVerdicts(tx, doc.id, verdicts, opts.actor.id);
    // Public pages show the verdicts of published documents: every instance forgets them after commit.
    invalidate('public');
    await audit({
      action: 'document.trust-recheck',
      subjectType: 'Document',
      subjectId: doc.id,
      municipalityId: doc.accession?.municipalityId ?? doc.report?.municipalityId ?? null,
      after: toJsonValue({ verdicts: verdicts.map((v) => ({ status: v.status, reason: v.reason ?? null })), list: verdicts[0]?.list ?? null }),
    });
  });
  return verdicts;
}

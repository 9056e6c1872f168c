import 'server-only';
import { rm } from 'node:fs/promises';
import { db, type Tx } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { requirePermission, type Actor } from '@/lib/authz';
import { writeAudit } from '@/lib/audit';
import { type ReceivedFile } from '@/lib/storage';
import { deleteStoredIfUnreferenced, storeCheckedUpload, type UploadOutcome } from '@/lib/documents/store';
import { findCurrentTerm } from '@/lib/municipalities/queries';
import { assertInTerm } from '@/lib/terms/renewal';
import { checkDecisionDate } from '@/lib/terms/calendar';
import { msg } from '@/lib/schemas/common';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { TReason, TRecordDecision } from '@/lib/schemas/accession';
import { utcDay } from '@/lib/dates';
import { toJsonValue } from '@/lib/db/json';
import { kickDelivery } from '@/lib/mail/outbox';
import { enqueueAccessionMail } from '@/lib/mail/accessions';
import { invalidateCaches } from '@/lib/cache-bus/notify';

const EDITABLE = ['DRAFT', 'RETURNED'] as const;
const isEditable = (status: string) => (EDITABLE as readonly string[]).includes(status);


async function municipalityBySlug(slug: string) {
  const m = await db().municipality.findUnique({ where: { slug }, select: { id: true, slug: true, nameLv: true, officialNameLv: true } });
  if (!m) throw new AppError('NOT_FOUND');
  return m;
}

async function requireCurrentTerm() {
  const term = await findCurrentTerm();
  if (!term) throw new AppError('CONFLICT', 'accession.noCurrentTerm');
  return term;
}

const accessionSelect = {
  id: true, status: true, version: true, councilBody: true, sessionDate: true, sessionYearInferred: true, sessionType: true,
  decisionNumber: true, agendaItem: true, signatoryName: true, signatoryRole: true, returnReason: true, withdrawalReason: true,
  source: true, isDemo: true, submittedAt: true, verifiedAt: true, withdrawnAt: true, municipalityId: true, termId: true,
  documents: { orderBy: { createdAt: 'asc' }, select: { id: true, kind: true, sha256: true, sizeBytes: true, mediaType: true, originalName: true, inspection: true, createdAt: true } },
  events: { orderBy: { at: 'asc' }, select: { type: true, reason: true, at: true } },
} as const satisfies Prisma.AccessionSelect;

/** The secretary's view of their municipality's accession in the current term (null when none is recorded yet). */
export async function findSecretaryAccession({ actor, municipalitySlug }: { actor: Actor | null; municipalitySlug: string }) {
  const municipality = await municipalityBySlug(municipalitySlug);
  requirePermission(actor, 'accession.view-draft', { municipalityId: municipality.id });
  const term = await findCurrentTerm();
  const accession = term
    ? await db().accession.findUnique({ where: { municipalityId_termId: { municipalityId: municipality.id, termId: term.id } }, select: accessionSelect })
    : null;
  return { municipality, term, accession };
}

/** Records or updates the council decision (a draft, or a returned submission); audited. */
export async function recordDecision({ actor, municipalitySlug, input }: { actor: Actor | null; municipalitySlug: string; input: TRecordDecision }) {
  const municipality = await municipalityBySlug(municipalitySlug);
  const who = requirePermission(actor, 'accession.record', { municipalityId: municipality.id });
  const term = await requireCurrentTerm();
  await assertInTerm(municipality.id, term);
  // The decision must fit the term: from its election day to its end, and not after today (lib/terms/calendar).
  const fits = checkDecisionDate(input.sessionDate, term);
  if (!fits.ok) throw new AppError('UNPROCESSABLE', 'errors.formInvalid', { fieldErrors: { sessionDate: [msg('terms.decisionDateOutside', { term: term.label, fromDate: fits.from, toDate: fits.to })] } });
  const data = {
    councilBody: input.councilBody, sessionDate: utcDay(input.sessionDate), sessionType: input.sessionType, decisionNumber: input.decisionNumber,
    agendaItem: input.agendaItem ?? null, signatoryName: input.signatoryName, signatoryRole: input.signatoryRole, sessionYearInferred: false,
    source: `Recorded by the council secretary in the portal`,
  };
  return db().$transaction(async (tx) => {
    const key = { municipalityId_termId: { municipalityId: municipality.id, termId: term.id } };
    const existing = await tx.accession.findUnique({ where: key, select: { id: true, status: true, version: true, ...pickFacts } });
    if (existing && !isEditable(existing.status)) throw new AppError('CONFLICT', 'accession.notEditable');
    const saved = existing
      ? await tx.accession.update({ where: { id: existing.id }, data: { ...data, version: { increment: 1 } }, select: { id: true, version: true, status: true } })
      : await tx.accession.create({ data: { ...data, municipalityId: municipality.id, termId: term.id, status: 'DRAFT', events: { create: { type: 'RECORDED', actorId: who.id } } }, select: { id: true, version: true, status: true } });
    await writeAudit(tx, { actor: who, action: 'accession.record', subjectType: 'Accession', subjectId: saved.id, municipalityId: municipality.id, before: existing ? toJsonValue(existing) : null, after: toJsonValue({ ...data, sessionDate: input.sessionDate }) });
    return saved;
  });
}

const pickFacts = { councilBody: true, sessionDate: true, sessionType: true, decisionNumber: true, agendaItem: true, signatoryName: true, signatoryRole: true } as const;


/**
 * Checks an uploaded file (already streamed to a temporary file) by content
 * and attaches it to the draft (lib/documents/store.ts: nothing is left
 * behind when it is refused; identical bytes are stored once).
 */
export async function addDocument({ actor, municipalitySlug, kind, originalName, file }: { actor: Actor | null; municipalitySlug: string; kind: 'DECISION' | 'ANNEX'; originalName: string; file: ReceivedFile }): Promise<UploadOutcome> {
  try {
    const municipality = await municipalityBySlug(municipalitySlug);
    const who = requirePermission(actor, 'accession.upload', { municipalityId: municipality.id });
    const term = await requireCurrentTerm();
    const accession = await db().accession.findUnique({ where: { municipalityId_termId: { municipalityId: municipality.id, termId: term.id } }, select: { id: true, status: true } });
    if (!accession) throw new AppError('CONFLICT', 'accession.needDecisionFacts');
    if (!isEditable(accession.status)) throw new AppError('CONFLICT', 'accession.notEditable');
    return await storeCheckedUpload({
      actor: who, municipalityId: municipality.id, file, originalName, kind, link: { accessionId: accession.id },
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
  const who = requirePermission(actor, 'accession.upload', { municipalityId: municipality.id });
  const doc = await db().document.findUnique({ where: { id: documentId }, select: { id: true, storageKey: true, sha256: true, originalName: true, accession: { select: { id: true, status: true, municipalityId: true } } } });
  if (!doc || doc.accession?.municipalityId !== municipality.id) throw new AppError('NOT_FOUND');
  if (!isEditable(doc.accession.status)) throw new AppError('CONFLICT', 'accession.notEditable');
  await db().$transaction(async (tx) => {
    await tx.document.delete({ where: { id: doc.id } });
    await tx.accession.update({ where: { id: doc.accession!.id }, data: { version: { increment: 1 } } });
    await writeAudit(tx, { actor: who, action: 'document.remove', subjectType: 'Document', subjectId: doc.id, municipalityId: municipality.id, before: { sha256: doc.sha256, originalName: doc.originalName } });
  });
  await deleteStoredIfUnreferenced(doc.storageKey);
}

/**
 * Moves a draft or returned submission to "awaiting verification"; needs the
 * facts and a decision document. Only the secretary acts on a draft, so the
 * status alone guards it (their own save just before must not make it stale).
 */
export async function submitAccession({ actor, municipalitySlug }: { actor: Actor | null; municipalitySlug: string }) {
  const municipality = await municipalityBySlug(municipalitySlug);
  const who = requirePermission(actor, 'accession.submit', { municipalityId: municipality.id });
  const term = await requireCurrentTerm();
  return changeState(async (tx) => {
    const a = await tx.accession.findUnique({
      where: { municipalityId_termId: { municipalityId: municipality.id, termId: term.id } },
      select: { id: true, status: true, version: true, decisionNumber: true, sessionDate: true, _count: { select: { documents: { where: { kind: 'DECISION' } } } } },
    });
    if (!a || !a.decisionNumber || !a.sessionDate) throw new AppError('CONFLICT', 'accession.needDecisionFacts');
    if (a._count.documents === 0) throw new AppError('CONFLICT', 'accession.needDecisionDocument');
    return transition(tx, { who, accessionId: a.id, municipalityId: municipality.id, version: a.version, from: ['DRAFT', 'RETURNED'], to: 'SUBMITTED', event: 'SUBMITTED', data: { submittedAt: new Date(), returnReason: null } });
  });
}

/** Staff verify a submission; exactly one of two concurrent decisions wins (optimistic concurrency on `version`). */
export async function verifyAccession({ actor, accessionId, version }: { actor: Actor | null; accessionId: string; version: number }) {
  const who = requirePermission(actor, 'accession.verify');
  return changeState(async (tx) => {
    const a = await findForStaff(tx, accessionId);
    return transition(tx, { who, accessionId, municipalityId: a.municipalityId, version, from: ['SUBMITTED'], to: 'VERIFIED', event: 'VERIFIED', data: { verifiedAt: new Date() } });
  });
}

/** Staff return a submission with a reason the secretary sees. */
export async function returnAccession({ actor, accessionId, input }: { actor: Actor | null; accessionId: string; input: TReason }) {
  const who = requirePermission(actor, 'accession.return');
  return changeState(async (tx) => {
    const a = await findForStaff(tx, accessionId);
    return transition(tx, { who, accessionId, municipalityId: a.municipalityId, version: input.version, from: ['SUBMITTED'], to: 'RETURNED', event: 'RETURNED', reason: input.reason, data: { returnReason: input.reason } });
  });
}

/** Staff record a withdrawal of a verified membership; it stays in the public history. */
export async function withdrawAccession({ actor, accessionId, input }: { actor: Actor | null; accessionId: string; input: TReason }) {
  const who = requirePermission(actor, 'accession.withdraw');
  return changeState(async (tx) => {
    const a = await findForStaff(tx, accessionId);
    return transition(tx, { who, accessionId, municipalityId: a.municipalityId, version: input.version, from: ['VERIFIED'], to: 'WITHDRAWN', event: 'WITHDRAWN', reason: input.reason, data: { withdrawnAt: new Date(), withdrawalReason: input.reason } });
  });
}

async function findForStaff(tx: Tx, id: string) {
  const a = await tx.accession.findUnique({ where: { id }, select: { municipalityId: true } });
  if (!a) throw new AppError('NOT_FOUND');
  return a;
}

type Status = 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'VERIFIED' | 'WITHDRAWN';

/** Runs a state change in one transaction, then starts delivering the mail it enqueued (after commit). */
async function changeState<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  const result = await db().$transaction(fn);
  kickDelivery();
  return result;
}

/**
 * The one state change: succeeds only from an allowed status at the expected
 * version (a compare-and-set), writes the public event and the audit event,
 * enqueues the e-mail to the municipality's secretaries and invalidates the
 * public caches of every instance (same transaction).
 */
async function transition(tx: Tx, t: { who: Actor; accessionId: string; municipalityId: string; version: number; from: Status[]; to: Status; event: 'SUBMITTED' | 'RETURNED' | 'VERIFIED' | 'WITHDRAWN'; reason?: string; data: Prisma.AccessionUpdateManyMutationInput }) {
  const updated = await tx.accession.updateMany({
    where: { id: t.accessionId, version: t.version, status: { in: t.from } },
    data: { ...t.data, status: t.to, version: { increment: 1 } },
  });
  if (updated.count !== 1) throw new AppError('CONFLICT', 'accession.alreadyHandled');
  await tx.accessionEvent.create({ data: { accessionId: t.accessionId, type: t.event, reason: t.reason ?? null, actorId: t.who.id } });
  await writeAudit(tx, { actor: t.who, action: `accession.${t.event.toLowerCase()}`, subjectType: 'Accession', subjectId: t.accessionId, municipalityId: t.municipalityId, before: { version: t.version }, after: { status: t.to, reason: t.reason ?? null } });
  await enqueueAccessionMail(tx, { accessionId: t.accessionId, event: t.event, reason: t.reason });
  await invalidateCaches(tx, 'public');
  return { id: t.accessionId, status: t.to, version: t.version + 1 };
}

/** Submissions awaiting verification, oldest first (staff). */
export async function listVerificationQueue({ actor }: { actor: Actor | null }) {
  requirePermission(actor, 'accession.verify');
  return db().accession.findMany({
    where: { status: 'SUBMITTED' },
    orderBy: { submittedAt: 'asc' },
    select: { id: true, submittedAt: true, version: true, municipality: { select: { nameLv: true, slug: true } }, term: { select: { startYear: true, endYear: true } }, _count: { select: { documents: true } } },
  });
}

/** One accession in full for staff review. */
export async function findAccessionForReview({ actor, accessionId }: { actor: Actor | null; accessionId: string }) {
  requirePermission(actor, 'accession.verify');
  const a = await db().accession.findUnique({ where: { id: accessionId }, select: { ...accessionSelect, municipality: { select: { nameLv: true, slug: true } }, term: { select: { startYear: true, endYear: true, startsOn: true, endsOn: true, electionDay: true } } } });
  if (!a) throw new AppError('NOT_FOUND');
  return a;
}

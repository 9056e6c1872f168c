import 'server-only';
import { AppError } from '@/lib/errors';
import { requirePermission, type Actor } from '@/lib/authz';
import { assertInTerm } from '@/lib/terms/renewal';
import { checkDecisionDate } from '@/lib/terms/calendar';
import { msg } from '@/lib/schemas/common';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { TReason, TRecordDecision } from '@/lib/schemas/accession';
import { utcDay } from '@/lib/dates';
import { toJsonValue } from '@/lib/db/json';
import { enqueueAccessionMail } from '@/lib/mail/accessions';
import { mutate, type MutationContext } from '@/lib/mutations';
import { ACCESSION_WORKFLOW, type AccessionTransition } from '@/lib/authz/workflow';
import { isEditable, municipalityBySlug, requireCurrentTerm } from './common';

// Reads and documents live in their own modules; their callers may import them from here too.
export { findAccessionForReview, findSecretaryAccession, listVerificationQueue } from './queries';
export { addDocument, removeDocument } from './documents';

/** Records or updates the council decision (a draft, or a returned submission); audited. */
export async function recordDecision({ actor, municipalitySlug, input }: { actor: Actor | null; municipalitySlug: string; input: TRecordDecision }) {
  const municipality = await municipalityBySlug(municipalitySlug);
  requirePermission(actor, 'accession.record', { municipalityId: municipality.id });
  const term = await requireCurrentTerm();
  await assertInTerm(municipality.id, term);
  // The decision must fit the term: from its election day to its end, and not after today (lib/terms/calendar).
  const fits = checkDecisionDate(input.sessionDate, term);
  if (!fits.ok)
    throw new AppError('UNPROCESSABLE', 'errors.formInvalid', {
      fieldErrors: { sessionDate: [msg('terms.decisionDateOutside', { term: term.label, fromDate: fits.from, toDate: fits.to })] },
    });
  const data = {
    councilBody: input.councilBody,
    sessionDate: utcDay(input.sessionDate),
    sessionType: input.sessionType,
    decisionNumber: input.decisionNumber,
    agendaItem: input.agendaItem ?? null,
    signatoryName: input.signatoryName,
    signatoryRole: input.signatoryRole,
    sessionYearInferred: false,
    source: `Recorded by the council secretary in the portal`,
  };
  return mutate({ actor, permission: 'accession.record', target: { municipalityId: municipality.id } }, async ({ tx, actor: who, audit }) => {
    const key = { municipalityId_termId: { municipalityId: municipality.id, termId: term.id } };
    const existing = await tx.accession.findUnique({ where: key, select: { id: true, status: true, version: true, ...pickFacts } });
    if (existing && !isEditable(existing.status)) throw new AppError('CONFLICT', 'accession.notEditable');
    const saved = existing
      ? await tx.accession.update({
          where: { id: existing.id },
          data: { ...data, version: { increment: 1 } },
          select: { id: true, version: true, status: true },
        })
      : await tx.accession.create({
          data: {
            ...data,
            municipalityId: municipality.id,
            termId: term.id,
            status: ACCESSION_WORKFLOW.initial,
            events: { create: { type: 'RECORDED', actorId: who.id } },
          },
          select: { id: true, version: true, status: true },
        });
    await audit({
      action: 'accession.record',
      subjectType: 'Accession',
      subjectId: saved.id,
      municipalityId: municipality.id,
      before: existing ? toJsonValue(existing) : null,
      after: toJsonValue({ ...data, sessionDate: input.sessionDate }),
    });
    return saved;
  });
}

const pickFacts = {
  councilBody: true,
  sessionDate: true,
  sessionType: true,
  decisionNumber: true,
  agendaItem: true,
  signatoryName: true,
  signatoryRole: true,
} as const;

/**
 * Moves a draft or returned submission to "awaiting verification"; needs the
 * facts and a decision document. Only the secretary acts on a draft, so the
 * status alone guards it (their own save just before must not make it stale).
 */
export async function submitAccession({ actor, municipalitySlug }: { actor: Actor | null; municipalitySlug: string }) {
  const municipality = await municipalityBySlug(municipalitySlug);
  requirePermission(actor, 'accession.submit', { municipalityId: municipality.id });
  const term = await requireCurrentTerm();
  return mutate({ actor, permission: 'accession.submit', target: { municipalityId: municipality.id } }, async (m) => {
    const a = await m.tx.accession.findUnique({
      where: { municipalityId_termId: { municipalityId: municipality.id, termId: term.id } },
      select: {
        id: true,
        status: true,
        version: true,
        decisionNumber: true,
        sessionDate: true,
        _count: { select: { documents: { where: { kind: 'DECISION' } } } },
      },
    });
    if (!a || !a.decisionNumber || !a.sessionDate) throw new AppError('CONFLICT', 'accession.needDecisionFacts');
    if (a._count.documents === 0) throw new AppError('CONFLICT', 'accession.needDecisionDocument');
    return transition(m, 'submit', {
      accessionId: a.id,
      municipalityId: municipality.id,
      version: a.version,
      data: { submittedAt: new Date(), returnReason: null },
    });
  });
}

/** Staff verify a submission; exactly one of two concurrent decisions wins (optimistic concurrency on `version`). */
export async function verifyAccession({ actor, accessionId, version }: { actor: Actor | null; accessionId: string; version: number }) {
  return staffTransition(actor, 'verify', { accessionId, version, data: { verifiedAt: new Date() } });
}

/** Staff return a submission with a reason the secretary sees. */
export async function returnAccession({ actor, accessionId, input }: { actor: Actor | null; accessionId: string; input: TReason }) {
  return staffTransition(actor, 'return', { accessionId, version: input.version, reason: input.reason, data: { returnReason: input.reason } });
}

/** Staff record a withdrawal of a verified membership; it stays in the public history. */
export async function withdrawAccession({ actor, accessionId, input }: { actor: Actor | null; accessionId: string; input: TReason }) {
  return staffTransition(actor, 'withdraw', {
    accessionId,
    version: input.version,
    reason: input.reason,
    data: { withdrawnAt: new Date(), withdrawalReason: input.reason },
  });
}

type Change = { accessionId: string; version: number; reason?: string; data: Prisma.AccessionUpdateManyMutationInput };

/** A staff transition (not own-only): the permission is the workflow table's, checked before anything is read. */
function staffTransition(actor: Actor | null, name: Exclude<AccessionTransition, 'submit'>, change: Change) {
  return mutate({ actor, permission: ACCESSION_WORKFLOW.transitions[name].permission }, async (m) => {
    const a = await m.tx.accession.findUnique({ where: { id: change.accessionId }, select: { municipalityId: true } });
    if (!a) throw new AppError('NOT_FOUND');
    return transition(m, name, { ...change, municipalityId: a.municipalityId });
  });
}

const AUDIT_OF = {
  SUBMITTED: 'accession.submitted',
  RETURNED: 'accession.returned',
  VERIFIED: 'accession.verified',
  WITHDRAWN: 'accession.withdrawn',
} as const;

/**
 * The one state change, as the workflow table (lib/authz/workflow) declares
 * it: succeeds only from an allowed status at the expected version (a
 * compare-and-set), writes the public event and the audit event, enqueues
 * the e-mail to the municipality's secretaries and invalidates the public
 * caches of every instance (through the mutation pipeline).
 */
async function transition(m: MutationContext, name: AccessionTransition, t: Change & { municipalityId: string }) {
  const { from, to } = ACCESSION_WORKFLOW.transitions[name];
  if (to === 'DRAFT') throw new Error('no transition leads back to the initial state');
  const updated = await m.tx.accession.updateMany({
    where: { id: t.accessionId, version: t.version, status: { in: [...from] } },
    data: { ...t.data, status: to, version: { increment: 1 } },
  });
  if (updated.count !== 1) throw new AppError('CONFLICT', 'accession.alreadyHandled');
  await m.tx.accessionEvent.create({ data: { accessionId: t.accessionId, type: to, reason: t.reason ?? null, actorId: m.actor.id } });
  await m.audit({
    action: AUDIT_OF[to],
    subjectType: 'Accession',
    subjectId: t.accessionId,
    municipalityId: t.municipalityId,
    before: { version: t.version },
    after: { status: to, reason: t.reason ?? null },
  });
  await m.mail((tx) => enqueueAccessionMail(tx, { accessionId: t.accessionId, event: to, reason: t.reason }));
  m.invalidate('public');
  return { id: t.accessionId, status: to, version: t.version + 1 };
}

import 'server-only';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { requirePermission, type Actor } from '@/lib/authz';
import { findCurrentTerm } from '@/lib/municipalities/queries';
import type { Prisma } from '@/lib/generated/prisma/client';
import { ACCESSION_WORKFLOW } from '@/lib/authz/workflow';
import { municipalityBySlug } from './common';

const accessionSelect = {
  id: true,
  status: true,
  version: true,
  councilBody: true,
  sessionDate: true,
  sessionYearInferred: true,
  sessionType: true,
  decisionNumber: true,
  agendaItem: true,
  signatoryName: true,
  signatoryRole: true,
  returnReason: true,
  withdrawalReason: true,
  source: true,
  isDemo: true,
  submittedAt: true,
  verifiedAt: true,
  withdrawnAt: true,
  municipalityId: true,
  termId: true,
  documents: {
    orderBy: { createdAt: 'asc' },
    select: { id: true, kind: true, sha256: true, sizeBytes: true, mediaType: true, originalName: true, inspection: true, createdAt: true },
  },
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

/** Submissions awaiting verification, oldest first (staff). */
export async function listVerificationQueue({ actor }: { actor: Actor | null }) {
  requirePermission(actor, 'accession.verify');
  return db().accession.findMany({
    where: { status: { in: [...ACCESSION_WORKFLOW.sets.awaitingStaff] } },
    orderBy: { submittedAt: 'asc' },
    select: {
      id: true,
      submittedAt: true,
      version: true,
      municipality: { select: { nameLv: true, slug: true } },
      term: { select: { startYear: true, endYear: true } },
      _count: { select: { documents: true } },
    },
  });
}

/** One accession in full for staff review. */
export async function findAccessionForReview({ actor, accessionId }: { actor: Actor | null; accessionId: string }) {
  requirePermission(actor, 'accession.verify');
  const a = await db().accession.findUnique({
    where: { id: accessionId },
    select: {
      ...accessionSelect,
      municipality: { select: { nameLv: true, slug: true } },
      term: { select: { startYear: true, endYear: true, startsOn: true, endsOn: true, electionDay: true } },
    },
  });
  if (!a) throw new AppError('NOT_FOUND');
  return a;
}

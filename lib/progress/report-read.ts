import 'server-only';
import { db, type Tx } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { requirePermission, type Actor, type Permission } from '@/lib/authz';
import { ACCESSION_WORKFLOW, REPORT_WORKFLOW } from '@/lib/authz/workflow';
import type { Prisma } from '@/lib/generated/prisma/client';
import { now as clockNow } from '@/lib/clock';
import { owedPeriodsOf } from './deadlines';
import { periodsForYear, reportPeriodState, termOfYear } from './report-period';

/**
 * Progress reports, reading: the report's shape ({@link reportSelect}), the
 * reporting period a municipality reports on, and the reads for its
 * secretary and for staff review. Writing is in ./report-draft (the
 * editor), ./report-review (submit, return, accept) and ./report-evidence.
 */

/** The municipality of a slug (NOT_FOUND when unknown). */
export async function municipalityBySlug(municipalitySlug: string) {
  const municipality = await db().municipality.findUnique({ where: { slug: municipalitySlug }, select: { id: true } });
  if (!municipality) throw new AppError('NOT_FOUND');
  return municipality;
}

/** A municipality may report only for a term in which its membership is verified. */
export async function requireSignatory(tx: Tx | ReturnType<typeof db>, municipalityId: string, termId: string): Promise<void> {
  const verified = await tx.accession.count({ where: { municipalityId, termId, status: { in: [...ACCESSION_WORKFLOW.sets.member] } } });
  if (verified === 0) throw new AppError('FORBIDDEN', 'progress.notSignatory');
}

/** A period as lib/progress/period-label names it (year, dates, term). */
const periodRefSelect = { year: true, startsOn: true, endsOn: true, term: { select: { slug: true } } } as const;

/** What every read and write of a report returns. */
export const reportSelect = {
  id: true,
  municipalityId: true,
  periodId: true,
  revision: true,
  status: true,
  version: true,
  returnComment: true,
  submittedAt: true,
  acceptedAt: true,
  isDemo: true,
  typedDraft: true,
  submittedSnapshot: true,
  priorSnapshot: true,
  commitments: { select: { commitmentKey: true, status: true, narrative: true } },
  actions: {
    orderBy: [{ commitmentKey: 'asc' }, { position: 'asc' }],
    select: { commitmentKey: true, position: true, title: true, status: true, plannedOn: true, doneOn: true, budgetEur: true },
  },
  indicators: { select: { key: true, numberValue: true, boolValue: true, textValue: true } },
  documents: { orderBy: { createdAt: 'asc' }, select: { id: true, kind: true, sha256: true, sizeBytes: true, originalName: true, inspection: true } },
} as const satisfies Prisma.ProgressReportSelect;

/** Where a report is addressed (ADR 0215): a municipality's period `year` of `termSlug` (without a term, the one term the year names). */
export type ReportAddress = { actor: Actor | null; municipalitySlug: string; termSlug?: string; year: number };

/** The municipality (the actor holding `permission` on it) and the state of the addressed period (lib/progress/report-period). */
export async function addressedPeriod({ actor, municipalitySlug, termSlug, year }: ReportAddress, permission: Permission) {
  const municipality = await municipalityBySlug(municipalitySlug);
  requirePermission(actor, permission, { municipalityId: municipality.id });
  const state = await reportPeriodState(municipality.id, termSlug ?? (await termOfYear(municipality.id, year)), year);
  return { municipality, state };
}

/**
 * The latest revision of a municipality's report for `year` of `termSlug` (ADR 0215; without a term, the one
 * term the year names, lib/progress/report-period) with the period's state, for its secretary or staff.
 */
export async function findLatestReport(address: ReportAddress) {
  const { municipality, state } = await addressedPeriod(address, 'progress.view-draft');
  if (state.kind !== 'open') return { state, report: null };
  const report = await db().progressReport.findFirst({
    where: { municipalityId: municipality.id, periodId: state.period.id },
    orderBy: { revision: 'desc' },
    select: reportSelect,
  });
  return { state, report };
}

/**
 * The reporting periods of the terms in which the municipality's membership is verified, with the latest report's state
 * and whether the period is owed and overdue (lib/progress/deadlines, the one rule; a period not owed is offered for a
 * voluntary report, never as due): for its secretary or staff.
 */
export async function listSignatoryPeriods({ actor, municipalityId, now = clockNow() }: { actor: Actor | null; municipalityId: string; now?: Date }) {
  requirePermission(actor, 'progress.view-draft', { municipalityId });
  const [periods, owed] = await Promise.all([
    db().reportingPeriod.findMany({
      where: { term: { openedAt: { not: null }, accessions: { some: { municipalityId, status: { in: [...ACCESSION_WORKFLOW.sets.member] } } } } },
      orderBy: [{ year: 'asc' }, { startsOn: 'asc' }],
      select: {
        id: true,
        year: true,
        dueOn: true,
        startsOn: true,
        endsOn: true,
        term: { select: { slug: true } },
        reports: { where: { municipalityId }, orderBy: { revision: 'desc' }, take: 1, select: { status: true, revision: true } },
      },
    }),
    owedPeriodsOf({ municipalityId, now }),
  ]);
  return periods.map(({ id, term, ...p }) => ({ ...p, termSlug: term.slug, owed: owed.duty.has(id), overdue: owed.overdue.has(id) }));
}

/** Submitted reports awaiting review, oldest first (staff). */
export async function listReportsForReview({ actor }: { actor: Actor | null }) {
  requirePermission(actor, 'progress.review');
  return db().progressReport.findMany({
    where: { status: { in: [...REPORT_WORKFLOW.sets.awaitingStaff] } },
    orderBy: { submittedAt: 'asc' },
    select: { id: true, revision: true, submittedAt: true, municipality: { select: { nameLv: true, slug: true } }, period: { select: periodRefSelect } },
  });
}

/** One report in full for staff review, with the revision before it (null for the first), to show what changed. */
export async function findReportForReview({ actor, reportId }: { actor: Actor | null; reportId: string }) {
  requirePermission(actor, 'progress.review');
  const report = await db().progressReport.findUnique({
    where: { id: reportId },
    select: { ...reportSelect, municipality: { select: { nameLv: true, slug: true } }, period: { select: periodRefSelect } },
  });
  if (!report) throw new AppError('NOT_FOUND');
  const period = { year: report.period.year, startsOn: report.period.startsOn, endsOn: report.period.endsOn, termSlug: report.period.term.slug };
  const previous =
    report.revision > 1
      ? await db().progressReport.findUnique({
          where: { municipalityId_periodId_revision: { municipalityId: report.municipalityId, periodId: report.periodId, revision: report.revision - 1 } },
          select: reportSelect,
        })
      : null;
  return { ...report, period, previous };
}

/** The municipality a report belongs to (for authorising before reading an upload); unknown reports are a 404. */
export async function municipalityIdOfReport(reportId: string): Promise<string> {
  const report = await db().progressReport.findUnique({ where: { id: reportId }, select: { municipalityId: true } });
  if (!report) throw new AppError('NOT_FOUND');
  return report.municipalityId;
}

/** The periods a bare year names for the municipality (the old address …/reports/2025, ADR 0215), for its secretary or staff. */
export async function findPeriodsOfYear({ actor, municipalitySlug, year }: { actor: Actor | null; municipalitySlug: string; year: number }) {
  const municipality = await municipalityBySlug(municipalitySlug);
  requirePermission(actor, 'progress.view-draft', { municipalityId: municipality.id });
  return periodsForYear(municipality.id, year);
}

import 'server-only';
import { db, type Tx } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { requirePermission, type Actor } from '@/lib/authz';
import { writeAudit } from '@/lib/audit';
import { invalidateCaches } from '@/lib/cache-bus/notify';
import { Prisma } from '@/lib/generated/prisma/client';
import { COMMITMENT_KEYS, indicatorByKey } from './indicators';
import { findNormInForce, perThousand, type NormDto } from './norms';
import { overdueOf, reportDeadlines } from './deadlines';
import type { TReportDraft } from '@/lib/schemas/progress';
import { rm } from 'node:fs/promises';
import type { ReceivedFile } from '@/lib/storage';
import { storeCheckedUpload, type UploadOutcome } from '@/lib/documents/store';
import { utcDay } from '@/lib/dates';
import { now as clockNow } from '@/lib/clock';


async function signatoryPeriod(municipalitySlug: string, year: number) {
  const municipality = await db().municipality.findUnique({ where: { slug: municipalitySlug }, select: { id: true } });
  if (!municipality) throw new AppError('NOT_FOUND');
  const period = await db().reportingPeriod.findFirst({
    where: { year, term: { openedAt: { not: null }, accessions: { some: { municipalityId: municipality.id } } } },
    orderBy: { term: { startYear: 'desc' } },
    select: { id: true, year: true, dueOn: true, termId: true },
  });
  return { municipality, period };
}

/** A municipality may report only for a term in which its membership is verified. */
async function requireSignatory(tx: Tx | ReturnType<typeof db>, municipalityId: string, termId: string): Promise<void> {
  const verified = await tx.accession.count({ where: { municipalityId, termId, status: 'VERIFIED' } });
  if (verified === 0) throw new AppError('FORBIDDEN', 'progress.notSignatory');
}

const reportSelect = {
  id: true, municipalityId: true, periodId: true, revision: true, status: true, version: true, returnComment: true, submittedAt: true, acceptedAt: true, isDemo: true,
  commitments: { select: { commitmentKey: true, status: true, narrative: true } },
  actions: { orderBy: [{ commitmentKey: 'asc' }, { position: 'asc' }], select: { commitmentKey: true, position: true, title: true, status: true, plannedOn: true, doneOn: true, budgetEur: true } },
  indicators: { select: { key: true, numberValue: true, boolValue: true, textValue: true } },
  documents: { orderBy: { createdAt: 'asc' }, select: { id: true, kind: true, sha256: true, sizeBytes: true, originalName: true, inspection: true } },
} as const satisfies Prisma.ProgressReportSelect;

/**
 * Opens the municipality's report for a year: the latest revision, or a new
 * draft. After acceptance, opening for a change starts a new revision that
 * copies the accepted one; earlier revisions stay readable.
 */
export async function openReportForEditing({ actor, municipalitySlug, year }: { actor: Actor | null; municipalitySlug: string; year: number }) {
  const { municipality, period } = await signatoryPeriod(municipalitySlug, year);
  const who = requirePermission(actor, 'progress.edit', { municipalityId: municipality.id });
  if (!period) {
    const exists = await db().reportingPeriod.count({ where: { year, term: { openedAt: { not: null } } } });
    throw exists ? new AppError('FORBIDDEN', 'progress.notSignatory') : new AppError('NOT_FOUND');
  }
  return db().$transaction(async (tx) => {
    const term = await tx.reportingPeriod.findUniqueOrThrow({ where: { id: period.id }, select: { termId: true } });
    await requireSignatory(tx, municipality.id, term.termId);
    const latest = await tx.progressReport.findFirst({ where: { municipalityId: municipality.id, periodId: period.id }, orderBy: { revision: 'desc' }, select: reportSelect });
    if (latest && latest.status !== 'ACCEPTED') return latest;
    const revision = (latest?.revision ?? 0) + 1;
    const created = await tx.progressReport.create({
      data: {
        municipalityId: municipality.id, periodId: period.id, revision, status: 'DRAFT',
        commitments: { create: COMMITMENT_KEYS.map((key) => { const old = latest?.commitments.find((c) => c.commitmentKey === key); return { commitmentKey: key, status: old?.status ?? 'NOT_STARTED', narrative: old?.narrative ?? null }; }) },
        actions: { create: (latest?.actions ?? []).map((a) => ({ ...a })) },
        indicators: { create: (latest?.indicators ?? []).map((i) => ({ ...i })) },
      },
      select: reportSelect,
    });
    if (latest) await tx.progressReport.update({ where: { id: latest.id }, data: { supersededAt: new Date() } });
    await writeAudit(tx, { actor: who, action: 'progress.open', subjectType: 'ProgressReport', subjectId: created.id, municipalityId: municipality.id, after: { year, revision } });
    return created;
  });
}

/** Saves the whole draft (autosave): only a draft or returned report, only at its current version. */
export async function saveReportDraft({ actor, reportId, input }: { actor: Actor | null; reportId: string; input: TReportDraft }) {
  const report = await db().progressReport.findUnique({ where: { id: reportId }, select: { id: true, municipalityId: true, status: true } });
  if (!report) throw new AppError('NOT_FOUND');
  const who = requirePermission(actor, 'progress.edit', { municipalityId: report.municipalityId });
  if (report.status !== 'DRAFT' && report.status !== 'RETURNED') throw new AppError('CONFLICT', 'progress.notEditable');
  return db().$transaction(async (tx) => {
    const bumped = await tx.progressReport.updateMany({ where: { id: reportId, version: input.version, status: { in: ['DRAFT', 'RETURNED'] } }, data: { version: { increment: 1 } } });
    if (bumped.count !== 1) throw new AppError('CONFLICT', 'progress.stale');
    for (const key of COMMITMENT_KEYS) {
      const section = input.commitments[key];
      await tx.reportCommitment.update({ where: { reportId_commitmentKey: { reportId, commitmentKey: key } }, data: { status: section.status, narrative: section.narrative ?? null } });
    }
    await tx.reportAction.deleteMany({ where: { reportId } });
    await tx.reportAction.createMany({
      data: COMMITMENT_KEYS.flatMap((key) => input.commitments[key].actions.map((a, position) => ({
        reportId, commitmentKey: key, position, title: a.title, status: a.status,
        plannedOn: a.plannedOn ? utcDay(a.plannedOn) : null, doneOn: a.doneOn ? utcDay(a.doneOn) : null,
        budgetEur: a.budgetEur === null || a.budgetEur === undefined ? null : new Prisma.Decimal(a.budgetEur),
      }))),
    });
    await tx.reportIndicator.deleteMany({ where: { reportId } });
    await tx.reportIndicator.createMany({ data: indicatorRows(reportId, input.indicators) });
    await writeAudit(tx, { actor: who, action: 'progress.save', subjectType: 'ProgressReport', subjectId: reportId, municipalityId: report.municipalityId, after: { version: input.version + 1 } });
    return { id: reportId, version: input.version + 1 };
  });
}

function indicatorRows(reportId: string, values: TReportDraft['indicators']): Prisma.ReportIndicatorCreateManyInput[] {
  return Object.entries(values).flatMap(([key, value]): Prisma.ReportIndicatorCreateManyInput[] => {
    const def = indicatorByKey.get(key);
    if (!def || value === null || value === undefined) return [];
    if (def.kind === 'boolean') return [{ reportId, key, boolValue: value as boolean }];
    if (def.kind === 'text') return [{ reportId, key, textValue: value as string }];
    return [{ reportId, key, numberValue: new Prisma.Decimal(value as number) }];
  });
}

type ReportStatus = 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'ACCEPTED';

async function transition(t: { actor: Actor | null; reportId: string; version: number; permission: 'progress.edit' | 'progress.review'; from: ReportStatus[]; to: ReportStatus; action: string; data?: Prisma.ProgressReportUpdateManyMutationInput }) {
  const report = await db().progressReport.findUnique({ where: { id: t.reportId }, select: { municipalityId: true } });
  if (!report) throw new AppError('NOT_FOUND');
  const who = requirePermission(t.actor, t.permission, { municipalityId: report.municipalityId });
  return db().$transaction(async (tx) => {
    const updated = await tx.progressReport.updateMany({ where: { id: t.reportId, version: t.version, status: { in: t.from } }, data: { ...t.data, status: t.to, version: { increment: 1 } } });
    if (updated.count !== 1) throw new AppError('CONFLICT', 'progress.stale');
    await writeAudit(tx, { actor: who, action: t.action, subjectType: 'ProgressReport', subjectId: t.reportId, municipalityId: report.municipalityId, after: { status: t.to } });
    // Accepted reports are public; a submitted or returned one moves only staff figures.
    await invalidateCaches(tx, t.to === 'ACCEPTED' ? 'public' : 'staff');
    return { id: t.reportId, status: t.to, version: t.version + 1 };
  });
}

/** The secretary submits a draft or returned report. */
export const submitReport = ({ actor, reportId, version }: { actor: Actor | null; reportId: string; version: number }) =>
  transition({ actor, reportId, version, permission: 'progress.edit', from: ['DRAFT', 'RETURNED'], to: 'SUBMITTED', action: 'progress.submit', data: { submittedAt: new Date(), returnComment: null } });

/** Staff return a submitted report with comments. */
export const returnReport = ({ actor, reportId, version, comment }: { actor: Actor | null; reportId: string; version: number; comment: string }) =>
  transition({ actor, reportId, version, permission: 'progress.review', from: ['SUBMITTED'], to: 'RETURNED', action: 'progress.return', data: { returnComment: comment } });

/** Staff accept a submitted report; accepted reports are public. */
export const acceptReport = ({ actor, reportId, version }: { actor: Actor | null; reportId: string; version: number }) =>
  transition({ actor, reportId, version, permission: 'progress.review', from: ['SUBMITTED'], to: 'ACCEPTED', action: 'progress.accept', data: { acceptedAt: new Date() } });

export type SpecialistRatio = { perThousand: number | null; population: number | null; populationSource: string | null; norm: NormDto | null; meetsNorm: boolean | null };

/**
 * Social work specialists per 1 000 residents for a report, from the
 * municipality's population for the period's year (blank when unknown) and
 * the legal minimum in force at the end of the period (dated data).
 */
export async function specialistsPerThousand(reportId: string): Promise<SpecialistRatio> {
  const report = await db().progressReport.findUnique({
    where: { id: reportId },
    select: { municipalityId: true, period: { select: { year: true, endsOn: true } }, indicators: { where: { key: 'social_work_specialists_fte' }, select: { numberValue: true } } },
  });
  if (!report) throw new AppError('NOT_FOUND');
  const [figure, norm] = await Promise.all([
    db().populationFigure.findUnique({ where: { municipalityId_year: { municipalityId: report.municipalityId, year: report.period.year } }, select: { value: true, source: true } }),
    findNormInForce(report.period.endsOn),
  ]);
  const fte = report.indicators[0]?.numberValue ? Number(report.indicators[0].numberValue) : null;
  const ratio = perThousand(fte, figure?.value ?? null);
  return {
    perThousand: ratio,
    population: figure?.value ?? null,
    populationSource: figure?.source ?? null,
    norm,
    meetsNorm: ratio !== null && norm ? ratio >= norm.value : null,
  };
}

/** The latest revision of a municipality's report for a year (or null), for its secretary or staff. */
export async function findLatestReport({ actor, municipalitySlug, year }: { actor: Actor | null; municipalitySlug: string; year: number }) {
  const { municipality, period } = await signatoryPeriod(municipalitySlug, year);
  requirePermission(actor, 'progress.view-draft', { municipalityId: municipality.id });
  if (!period) return { period: null, report: null };
  const report = await db().progressReport.findFirst({ where: { municipalityId: municipality.id, periodId: period.id }, orderBy: { revision: 'desc' }, select: reportSelect });
  return { period, report };
}

/** The reporting periods of the term in which the municipality's membership is verified (latest term first). */
export async function listSignatoryPeriods(municipalityId: string) {
  return db().reportingPeriod.findMany({
    where: { term: { openedAt: { not: null }, accessions: { some: { municipalityId, status: 'VERIFIED' } } } },
    orderBy: [{ year: 'asc' }],
    select: { year: true, dueOn: true, term: { select: { slug: true } }, reports: { where: { municipalityId }, orderBy: { revision: 'desc' }, take: 1, select: { status: true, revision: true } } },
  });
}

/** Submitted reports awaiting review, oldest first (staff). */
export async function listReportsForReview({ actor }: { actor: Actor | null }) {
  requirePermission(actor, 'progress.review');
  return db().progressReport.findMany({
    where: { status: 'SUBMITTED' },
    orderBy: { submittedAt: 'asc' },
    select: { id: true, revision: true, submittedAt: true, municipality: { select: { nameLv: true, slug: true } }, period: { select: { year: true } } },
  });
}

/** One report in full for staff review. */
export async function findReportForReview({ actor, reportId }: { actor: Actor | null; reportId: string }) {
  requirePermission(actor, 'progress.review');
  const report = await db().progressReport.findUnique({ where: { id: reportId }, select: { ...reportSelect, municipality: { select: { nameLv: true, slug: true } }, period: { select: { year: true } } } });
  if (!report) throw new AppError('NOT_FOUND');
  return report;
}

/**
 * Overdue reports (staff): for each verified signatory of the current opened
 * term, the periods past their due date with no report submitted or
 * accepted (the one definition in ./deadlines).
 */
export async function listOverdueReports({ actor, now = clockNow() }: { actor: Actor | null; now?: Date }) {
  requirePermission(actor, 'progress.review');
  return overdueOf(await reportDeadlines({ now })).map((d) => ({ year: d.year, dueOn: d.dueOn, municipality: d.municipality }));
}

/** Attaches an evidence document to a draft or returned report, through the one upload pipeline. */
export async function addReportEvidence({ actor, reportId, originalName, file }: { actor: Actor | null; reportId: string; originalName: string; file: ReceivedFile }): Promise<UploadOutcome> {
  try {
    const report = await db().progressReport.findUnique({ where: { id: reportId }, select: { municipalityId: true, status: true } });
    if (!report) throw new AppError('NOT_FOUND');
    const who = requirePermission(actor, 'progress.edit', { municipalityId: report.municipalityId });
    if (report.status !== 'DRAFT' && report.status !== 'RETURNED') throw new AppError('CONFLICT', 'progress.notEditable');
    return await storeCheckedUpload({
      actor: who, municipalityId: report.municipalityId, file, originalName, kind: 'EVIDENCE', link: { reportId },
      // Note: the report's version is not bumped, so the open editor's autosave stays valid.
      guard: async (tx) => {
        const current = await tx.progressReport.findUniqueOrThrow({ where: { id: reportId }, select: { status: true } });
        if (current.status !== 'DRAFT' && current.status !== 'RETURNED') throw new AppError('CONFLICT', 'progress.notEditable');
      },
    });
  } catch (error) {
    await rm(file.tempPath, { force: true });
    throw error;
  }
}

/** The municipality a report belongs to (for authorising before reading an upload); unknown reports are a 404. */
export async function municipalityIdOfReport(reportId: string): Promise<string> {
  const report = await db().progressReport.findUnique({ where: { id: reportId }, select: { municipalityId: true } });
  if (!report) throw new AppError('NOT_FOUND');
  return report.municipalityId;
}

import 'server-only';
import { db, type Tx } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { requirePermission, type Actor } from '@/lib/authz';
import { mutate } from '@/lib/mutations';
import { ACCESSION_WORKFLOW, REPORT_WORKFLOW, reportIs, type ReportTransition } from '@/lib/authz/workflow';
import { Prisma } from '@/lib/generated/prisma/client';
import { COMMITMENT_KEYS, indicatorByKey } from './indicators';
import { ZReportDraftSchema, type TReportDraft, type TReportTypedDraft } from '@/lib/schemas/progress';
import { fieldErrorsOf, type FieldErrors } from '@/lib/schemas/common';
import { rm } from 'node:fs/promises';
import type { ReceivedFile } from '@/lib/storage';
import { deleteStoredIfUnreferenced, storeCheckedUpload, type UploadOutcome } from '@/lib/documents/store';
import { utcDay } from '@/lib/dates';
import { notifyStaffOfSubmission } from '@/lib/mail/staff';

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
  const verified = await tx.accession.count({ where: { municipalityId, termId, status: { in: [...ACCESSION_WORKFLOW.sets.member] } } });
  if (verified === 0) throw new AppError('FORBIDDEN', 'progress.notSignatory');
}

const reportSelect = {
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

/**
 * Opens the municipality's report for a year: the latest revision, or a new
 * draft. After acceptance, opening for a change starts a new revision that
 * copies the accepted one; earlier revisions stay readable.
 */
export async function openReportForEditing({ actor, municipalitySlug, year }: { actor: Actor | null; municipalitySlug: string; year: number }) {
  const { municipality, period } = await signatoryPeriod(municipalitySlug, year);
  requirePermission(actor, 'progress.edit', { municipalityId: municipality.id });
  if (!period) {
    const exists = await db().reportingPeriod.count({ where: { year, term: { openedAt: { not: null } } } });
    throw exists ? new AppError('FORBIDDEN', 'progress.notSignatory') : new AppError('NOT_FOUND');
  }
  return mutate({ actor, permission: 'progress.edit', target: { municipalityId: municipality.id } }, async ({ tx, audit, unchanged }) => {
    const term = await tx.reportingPeriod.findUniqueOrThrow({ where: { id: period.id }, select: { termId: true } });
    await requireSignatory(tx, municipality.id, term.termId);
    const latest = await tx.progressReport.findFirst({
      where: { municipalityId: municipality.id, periodId: period.id },
      orderBy: { revision: 'desc' },
      select: reportSelect,
    });
    if (latest && !reportIs('reopens', latest.status)) {
      unchanged();
      return latest;
    } // already open: nothing to audit
    const revision = (latest?.revision ?? 0) + 1;
    const created = await tx.progressReport.create({
      data: {
        municipalityId: municipality.id,
        periodId: period.id,
        revision,
        status: REPORT_WORKFLOW.initial,
        commitments: {
          create: COMMITMENT_KEYS.map((key) => {
            const old = latest?.commitments.find((c) => c.commitmentKey === key);
            return { commitmentKey: key, status: old?.status ?? 'NOT_STARTED', narrative: old?.narrative ?? null };
          }),
        },
        actions: { create: (latest?.actions ?? []).map((a) => ({ ...a })) },
        indicators: { create: (latest?.indicators ?? []).map((i) => ({ ...i })) },
      },
      select: reportSelect,
    });
    if (latest) await tx.progressReport.update({ where: { id: latest.id }, data: { supersededAt: new Date() } });
    await audit({ action: 'progress.open', subjectType: 'ProgressReport', subjectId: created.id, municipalityId: municipality.id, after: { year, revision } });
    return created;
  });
}

/** Saves the whole draft (autosave): only a draft or returned report, only at its current version. */
export async function saveReportDraft({ actor, reportId, input }: { actor: Actor | null; reportId: string; input: TReportDraft }) {
  return writeDraft({ actor, reportId, version: input.version, valid: input, typed: null });
}

/** A typed draft (strings) checked by the report's own rules: the valid draft, or the errors per field ('commitments.staff.actions.0.title'). */
export function checkTypedDraft(
  typed: Omit<TReportTypedDraft, 'version'>,
  version = 1,
): { valid: TReportDraft; fieldErrors: FieldErrors } | { valid: null; fieldErrors: FieldErrors } {
  const parsed = ZReportDraftSchema.safeParse({ ...typed, version });
  return parsed.success ? { valid: parsed.data, fieldErrors: {} } : { valid: null, fieldErrors: fieldErrorsOf(parsed.error) };
}

/**
 * Saves the editor's state exactly as typed (autosave), even when some
 * fields are invalid: the typed draft is kept with the report and the
 * answer carries the errors per field. When every field is valid the
 * normalised rows are written too (what submission, review, the PDF and the
 * public page read). Only a draft or returned report, only at its version.
 */
export async function saveTypedReportDraft({ actor, reportId, typed }: { actor: Actor | null; reportId: string; typed: TReportTypedDraft }) {
  const { version, ...state } = typed;
  const checked = checkTypedDraft(state, version);
  const saved = await writeDraft({ actor, reportId, version, valid: checked.valid, typed: state });
  return { ...saved, fieldErrors: checked.fieldErrors };
}

async function writeDraft({
  actor,
  reportId,
  version,
  valid,
  typed,
}: {
  actor: Actor | null;
  reportId: string;
  version: number;
  valid: TReportDraft | null;
  typed: Omit<TReportTypedDraft, 'version'> | null;
}) {
  const report = await db().progressReport.findUnique({ where: { id: reportId }, select: { id: true, municipalityId: true, status: true } });
  if (!report) throw new AppError('NOT_FOUND');
  requirePermission(actor, 'progress.edit', { municipalityId: report.municipalityId });
  if (!reportIs('editable', report.status)) throw new AppError('CONFLICT', 'progress.notEditable');
  return mutate({ actor, permission: 'progress.edit', target: { municipalityId: report.municipalityId } }, async ({ tx, audit }) => {
    const bumped = await tx.progressReport.updateMany({
      where: { id: reportId, version, status: { in: [...REPORT_WORKFLOW.sets.editable] } },
      // Note: a valid save of typed input keeps the typed text (the person's own writing, '1 234,5');
      // a program's typed-less save makes the rows the whole truth again.
      data: { version: { increment: 1 }, typedDraft: typed === null ? Prisma.DbNull : (typed as Prisma.InputJsonValue) },
    });
    if (bumped.count !== 1) throw new AppError('CONFLICT', 'progress.stale');
    if (valid) {
      for (const key of COMMITMENT_KEYS) {
        const section = valid.commitments[key];
        await tx.reportCommitment.update({
          where: { reportId_commitmentKey: { reportId, commitmentKey: key } },
          data: { status: section.status, narrative: section.narrative ?? null },
        });
      }
      await tx.reportAction.deleteMany({ where: { reportId } });
      await tx.reportAction.createMany({
        data: COMMITMENT_KEYS.flatMap((key) =>
          valid.commitments[key].actions.map((a, position) => ({
            reportId,
            commitmentKey: key,
            position,
            title: a.title,
            status: a.status,
            plannedOn: a.plannedOn ? utcDay(a.plannedOn) : null,
            doneOn: a.doneOn ? utcDay(a.doneOn) : null,
            budgetEur: a.budgetEur === null || a.budgetEur === undefined ? null : new Prisma.Decimal(a.budgetEur),
          })),
        ),
      });
      await tx.reportIndicator.deleteMany({ where: { reportId } });
      await tx.reportIndicator.createMany({ data: indicatorRows(reportId, valid.indicators) });
    }
    await audit({
      action: 'progress.save',
      subjectType: 'ProgressReport',
      subjectId: reportId,
      municipalityId: report.municipalityId,
      after: { version: version + 1, complete: valid !== null },
    });
    return { id: reportId, version: version + 1 };
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

/**
 * A report's state change as the workflow table (lib/authz/workflow) declares it: its permission, from its states only, at the
 * expected version (compare-and-set), audited; accepted reports are public, a submitted or returned one moves only staff figures.
 */
async function transition(t: {
  actor: Actor | null;
  reportId: string;
  version: number;
  name: ReportTransition;
  data?: Prisma.ProgressReportUpdateManyMutationInput;
  inTx?: (tx: Tx, mail: <T>(write: (tx: Tx) => Promise<T>) => Promise<T>) => Promise<void>;
}) {
  const { from, to, permission } = REPORT_WORKFLOW.transitions[t.name];
  const report = await db().progressReport.findUnique({ where: { id: t.reportId }, select: { municipalityId: true } });
  if (!report) throw new AppError('NOT_FOUND');
  return mutate({ actor: t.actor, permission, target: { municipalityId: report.municipalityId } }, async ({ tx, audit, invalidate, mail }) => {
    const updated = await tx.progressReport.updateMany({
      where: { id: t.reportId, version: t.version, status: { in: [...from] } },
      data: { ...t.data, status: to, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new AppError('CONFLICT', 'progress.stale');
    await t.inTx?.(tx, mail);
    await audit({
      action: `progress.${t.name}`,
      subjectType: 'ProgressReport',
      subjectId: t.reportId,
      municipalityId: report.municipalityId,
      after: { status: to },
    });
    invalidate(reportIs('published', to) ? 'public' : 'staff');
    return { id: t.reportId, status: to, version: t.version + 1 };
  });
}

/**
 * The secretary submits a draft or returned report. A typed draft with a
 * field still invalid is refused (422 with the errors per field): what is
 * submitted is exactly the rows its last valid save wrote.
 */
export async function submitReport({ actor, reportId, version }: { actor: Actor | null; reportId: string; version: number }) {
  const report = await db().progressReport.findUnique({ where: { id: reportId }, select: { municipalityId: true, typedDraft: true, version: true } });
  if (report?.typedDraft && report.version === version) {
    requirePermission(actor, 'progress.edit', { municipalityId: report.municipalityId });
    const checked = checkTypedDraft(report.typedDraft as Omit<TReportTypedDraft, 'version'>);
    if (!checked.valid) throw new AppError('UNPROCESSABLE', 'secretaryYear.draftInvalid', { fieldErrors: checked.fieldErrors });
  }
  return transition({
    actor,
    reportId,
    version,
    name: 'submit',
    data: { submittedAt: new Date(), returnComment: null },
    // What was sent is kept as sent, and the previous submission beside it (what changed, for staff).
    inTx: async (tx, mail) => {
      const current = await tx.progressReport.findUniqueOrThrow({
        where: { id: reportId },
        select: { submittedSnapshot: true, commitments: reportSelect.commitments, actions: reportSelect.actions, indicators: reportSelect.indicators },
      });
      const snapshot: ReportSnapshot = {
        commitments: current.commitments.map((c) => ({ commitmentKey: c.commitmentKey, status: c.status, narrative: c.narrative })),
        actions: current.actions.map((a) => ({
          commitmentKey: a.commitmentKey,
          title: a.title,
          status: a.status,
          plannedOn: a.plannedOn?.toISOString().slice(0, 10) ?? null,
          doneOn: a.doneOn?.toISOString().slice(0, 10) ?? null,
          budgetEur: a.budgetEur?.toString() ?? null,
        })),
        indicators: current.indicators.map((i) => ({
          key: i.key,
          numberValue: i.numberValue?.toString() ?? null,
          boolValue: i.boolValue,
          textValue: i.textValue,
        })),
      };
      await tx.progressReport.update({
        where: { id: reportId },
        data: { submittedSnapshot: snapshot, priorSnapshot: current.submittedSnapshot ?? Prisma.DbNull },
      });
      const about = await tx.progressReport.findUniqueOrThrow({
        where: { id: reportId },
        select: { municipalityId: true, municipality: { select: { nameLv: true } }, period: { select: { year: true } } },
      });
      await mail((tx) =>
        notifyStaffOfSubmission(tx, {
          municipalityId: about.municipalityId,
          municipality: about.municipality.nameLv,
          path: `/staff/reports/${reportId}`,
          submission: { kind: 'report', year: about.period.year },
          resubmission: current.submittedSnapshot !== null,
        }),
      );
    },
  });
}

/** A report's content as JSON (dates 'YYYY-MM-DD', decimals as text): what was sent at a submission. */
export type ReportSnapshot = {
  commitments: { commitmentKey: string; status: 'NOT_STARTED' | 'IN_PROGRESS' | 'ACHIEVED'; narrative: string | null }[];
  actions: {
    commitmentKey: string;
    title: string;
    status: 'PLANNED' | 'IN_PROGRESS' | 'DONE' | 'CANCELLED';
    plannedOn: string | null;
    doneOn: string | null;
    budgetEur: string | null;
  }[];
  indicators: { key: string; numberValue: string | null; boolValue: boolean | null; textValue: string | null }[];
};

/** A snapshot in the shape the read-only view takes (dates back to Date). */
export function viewOfSnapshot(s: ReportSnapshot) {
  return { ...s, actions: s.actions.map((a) => ({ ...a, plannedOn: a.plannedOn ? utcDay(a.plannedOn) : null, doneOn: a.doneOn ? utcDay(a.doneOn) : null })) };
}

/** Staff return a submitted report with comments. */
export const returnReport = ({ actor, reportId, version, comment }: { actor: Actor | null; reportId: string; version: number; comment: string }) =>
  transition({ actor, reportId, version, name: 'return', data: { returnComment: comment } });

/** Staff accept a submitted report; accepted reports are public. */
export const acceptReport = ({ actor, reportId, version }: { actor: Actor | null; reportId: string; version: number }) =>
  transition({ actor, reportId, version, name: 'accept', data: { acceptedAt: new Date() } });

/** The latest revision of a municipality's report for a year (or null), for its secretary or staff. */
export async function findLatestReport({ actor, municipalitySlug, year }: { actor: Actor | null; municipalitySlug: string; year: number }) {
  const { municipality, period } = await signatoryPeriod(municipalitySlug, year);
  requirePermission(actor, 'progress.view-draft', { municipalityId: municipality.id });
  if (!period) return { period: null, report: null };
  const report = await db().progressReport.findFirst({
    where: { municipalityId: municipality.id, periodId: period.id },
    orderBy: { revision: 'desc' },
    select: reportSelect,
  });
  return { period, report };
}

/** The reporting periods of the term in which the municipality's membership is verified (latest term first), with the latest report's state: for its secretary or staff. */
export async function listSignatoryPeriods({ actor, municipalityId }: { actor: Actor | null; municipalityId: string }) {
  requirePermission(actor, 'progress.view-draft', { municipalityId });
  return db().reportingPeriod.findMany({
    where: { term: { openedAt: { not: null }, accessions: { some: { municipalityId, status: { in: [...ACCESSION_WORKFLOW.sets.member] } } } } },
    orderBy: [{ year: 'asc' }],
    select: {
      year: true,
      dueOn: true,
      term: { select: { slug: true } },
      reports: { where: { municipalityId }, orderBy: { revision: 'desc' }, take: 1, select: { status: true, revision: true } },
    },
  });
}

/** Submitted reports awaiting review, oldest first (staff). */
export async function listReportsForReview({ actor }: { actor: Actor | null }) {
  requirePermission(actor, 'progress.review');
  return db().progressReport.findMany({
    where: { status: { in: [...REPORT_WORKFLOW.sets.awaitingStaff] } },
    orderBy: { submittedAt: 'asc' },
    select: { id: true, revision: true, submittedAt: true, municipality: { select: { nameLv: true, slug: true } }, period: { select: { year: true } } },
  });
}

/** One report in full for staff review, with the revision before it (null for the first), to show what changed. */
export async function findReportForReview({ actor, reportId }: { actor: Actor | null; reportId: string }) {
  requirePermission(actor, 'progress.review');
  const report = await db().progressReport.findUnique({
    where: { id: reportId },
    select: { ...reportSelect, municipality: { select: { nameLv: true, slug: true } }, period: { select: { year: true } } },
  });
  if (!report) throw new AppError('NOT_FOUND');
  const previous =
    report.revision > 1
      ? await db().progressReport.findUnique({
          where: { municipalityId_periodId_revision: { municipalityId: report.municipalityId, periodId: report.periodId, revision: report.revision - 1 } },
          select: reportSelect,
        })
      : null;
  return { ...report, previous };
}

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

/** The municipality a report belongs to (for authorising before reading an upload); unknown reports are a 404. */
export async function municipalityIdOfReport(reportId: string): Promise<string> {
  const report = await db().progressReport.findUnique({ where: { id: reportId }, select: { municipalityId: true } });
  if (!report) throw new AppError('NOT_FOUND');
  return report.municipalityId;
}

import 'server-only';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { requirePermission, type Actor } from '@/lib/authz';
import { mutate } from '@/lib/mutations';
import { REPORT_WORKFLOW, reportIs } from '@/lib/authz/workflow';
import { Prisma } from '@/lib/generated/prisma/client';
import { COMMITMENT_KEYS, indicatorByKey } from './indicators';
import { ZReportDraftSchema, type TReportDraft, type TReportTypedDraft } from '@/lib/schemas/progress';
import { fieldErrorsOf, type FieldErrors } from '@/lib/schemas/common';
import { utcDay } from '@/lib/dates';
import { addressedPeriod, reportSelect, requireSignatory, type ReportAddress } from './report-read';

/** Progress reports, the secretary's editor: opening a year's report (a new revision after acceptance) and saving its draft. */

/**
 * Opens the municipality's report for `year` of `termSlug` (ADR 0215; without a term, the one term the year
 * names, else CONFLICT): the latest revision, or a new draft. After acceptance, opening for a change starts
 * a new revision that copies the accepted one; earlier revisions stay readable. A period not owed may be
 * reported on voluntarily; a term whose reporting staff have not set up yet is a CONFLICT ('reports.notOpenYet').
 */
export async function openReportForEditing(address: ReportAddress) {
  const { actor, year } = address;
  const { municipality, state } = await addressedPeriod(address, 'progress.edit');
  if (state.kind === 'not-member') throw new AppError('FORBIDDEN', 'progress.notSignatory');
  if (state.kind === 'not-open') throw new AppError('CONFLICT', 'reports.notOpenYet');
  const { period } = state;
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
    await audit({
      action: 'progress.open',
      subjectType: 'ProgressReport',
      subjectId: created.id,
      municipalityId: municipality.id,
      after: { term: period.termSlug, year, revision },
    });
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

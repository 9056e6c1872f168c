import 'server-only';
import { db, type Tx } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { requirePermission, type Actor } from '@/lib/authz';
import { mutate } from '@/lib/mutations';
import { REPORT_WORKFLOW, reportIs, type ReportTransition } from '@/lib/authz/workflow';
import { Prisma } from '@/lib/generated/prisma/client';
import type { TReportTypedDraft } from '@/lib/schemas/progress';
import { utcDay } from '@/lib/dates';
import { notifyStaffOfSubmission } from '@/lib/mail/staff';
import { enqueueReportMail } from '@/lib/mail/reports';
import { checkTypedDraft } from './report-draft';
import { reportSelect } from './report-read';

/** Progress reports, the workflow's transitions (lib/authz/workflow REPORT_WORKFLOW): submit, return, accept, and what a submission keeps. */

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
  /** Staff's comment on a return (it goes to the secretaries too). */
  comment?: string;
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
    // The secretaries hear of every transition of their report (received, returned with the comment, accepted).
    await mail((tx) => enqueueReportMail(tx, { reportId: t.reportId, transition: t.name, comment: t.comment }));
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
  transition({ actor, reportId, version, name: 'return', data: { returnComment: comment }, comment });

/** Staff accept a submitted report; accepted reports are public. */
export const acceptReport = ({ actor, reportId, version }: { actor: Actor | null; reportId: string; version: number }) =>
  transition({ actor, reportId, version, name: 'accept', data: { acceptedAt: new Date() } });

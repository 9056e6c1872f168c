import type { AccessionStatus, ReportStatus } from '@/lib/generated/prisma/enums';
import { can, type Actor, type Permission } from './index';

/**
 * The two workflows of the portal as tables, declared once beside the
 * permission table (docs/adr/0154-workflows-as-tables.md): their states,
 * the allowed transitions with the permission each needs, and the named
 * sets of states the rest of the code asks about (editable, public, owed…).
 * Domain modules, pages and SQL read these instead of repeating
 * `status === 'DRAFT' || …`.
 */
type Transition<S extends string> = { from: readonly S[]; to: S; permission: Permission };

function workflow<S extends string, T extends string, Sets extends string>(w: {
  states: readonly S[];
  initial: S;
  transitions: Record<T, Transition<S>>;
  sets: Record<Sets, readonly S[]>;
}) {
  return w;
}

/** The joining workflow (lib/accessions/workflow.ts): draft → submitted → returned / verified → withdrawn. */
export const ACCESSION_WORKFLOW = workflow({
  states: ['DRAFT', 'SUBMITTED', 'RETURNED', 'VERIFIED', 'WITHDRAWN'] as const satisfies readonly AccessionStatus[],
  initial: 'DRAFT',
  transitions: {
    submit: { from: ['DRAFT', 'RETURNED'], to: 'SUBMITTED', permission: 'accession.submit' },
    verify: { from: ['SUBMITTED'], to: 'VERIFIED', permission: 'accession.verify' },
    return: { from: ['SUBMITTED'], to: 'RETURNED', permission: 'accession.return' },
    withdraw: { from: ['VERIFIED'], to: 'WITHDRAWN', permission: 'accession.withdraw' },
  },
  sets: {
    /** The secretary may change the facts and documents (and submit). */
    editable: ['DRAFT', 'RETURNED'],
    /** A member of the memorandum in the term: reports are owed, the map shows it joined. */
    member: ['VERIFIED'],
    /** The decision and its documents are public (also after a withdrawal: it stays in the history). */
    published: ['VERIFIED', 'WITHDRAWN'],
    /** Shown on the public map and pages (a submission shows as "awaiting verification", without its facts). */
    shown: ['VERIFIED', 'WITHDRAWN', 'SUBMITTED'],
    /** Waiting for staff. */
    awaitingStaff: ['SUBMITTED'],
  },
});

/** The yearly progress report (lib/progress/reports.ts): draft → submitted → returned / accepted; a change after acceptance is a new revision. */
export const REPORT_WORKFLOW = workflow({
  states: ['DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED'] as const satisfies readonly ReportStatus[],
  initial: 'DRAFT',
  transitions: {
    submit: { from: ['DRAFT', 'RETURNED'], to: 'SUBMITTED', permission: 'progress.edit' },
    return: { from: ['SUBMITTED'], to: 'RETURNED', permission: 'progress.review' },
    accept: { from: ['SUBMITTED'], to: 'ACCEPTED', permission: 'progress.review' },
  },
  sets: {
    /** The secretary may save the draft, add or remove evidence, and submit. */
    editable: ['DRAFT', 'RETURNED'],
    /** The period's duty is met (the report is no longer owed). */
    delivered: ['SUBMITTED', 'ACCEPTED'],
    /** Public, in open data and on the municipality's page. */
    published: ['ACCEPTED'],
    /** Opening the report for a change starts a new revision. */
    reopens: ['ACCEPTED'],
    /** Waiting for staff. */
    awaitingStaff: ['SUBMITTED'],
  },
});

export type AccessionState = (typeof ACCESSION_WORKFLOW.states)[number];
export type ReportState = (typeof REPORT_WORKFLOW.states)[number];
export type AccessionWorkflow = typeof ACCESSION_WORKFLOW;
export type ReportWorkflow = typeof REPORT_WORKFLOW;
export type AccessionTransition = keyof AccessionWorkflow['transitions'];
export type ReportTransition = keyof ReportWorkflow['transitions'];
export type AccessionSet = keyof AccessionWorkflow['sets'];
export type ReportSet = keyof ReportWorkflow['sets'];

/** Whether an accession status is in one of the named sets (`editable`, `published`…). */
export function accessionIs(set: AccessionSet, status: string | null | undefined): boolean {
  return status != null && (ACCESSION_WORKFLOW.sets[set] as readonly string[]).includes(status);
}

/** Whether a report status is in one of the named sets (`editable`, `delivered`…). */
export function reportIs(set: ReportSet, status: string | null | undefined): boolean {
  return status != null && (REPORT_WORKFLOW.sets[set] as readonly string[]).includes(status);
}

/**
 * Whether `actor` may make the transition `name` of `wf` from `status` (for
 * the municipality `target`, when the permission is own-only): the
 * permission table and the workflow table together. For the UI; the domain
 * modules enforce the same through the mutation pipeline and a
 * compare-and-set on the status.
 */
export function canTransition<W extends AccessionWorkflow | ReportWorkflow>(
  actor: Actor | null,
  wf: W,
  name: keyof W['transitions'],
  status: string | null | undefined,
  target?: { municipalityId?: string | null },
): boolean {
  const t = (wf.transitions as Record<string, Transition<string>>)[name as string];
  return !!t && status != null && t.from.includes(status) && can(actor, t.permission, target);
}

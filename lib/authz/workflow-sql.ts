import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { ACCESSION_WORKFLOW, REPORT_WORKFLOW, type AccessionSet, type ReportSet } from './workflow';

/**
 * Note: the states are constants of the workflow tables (enum labels, checked
 * below), written as SQL literals rather than bound parameters so that the
 * comparison stays enum = enum (the planner keeps using the status indexes,
 * and no text→enum cast is needed).
 */
function literals(states: readonly string[]): Prisma.Sql {
  for (const s of states) if (!/^[A-Z_]+$/.test(s)) throw new Error(`not a status label: ${s}`);
  return Prisma.raw(states.map((s) => `'${s}'`).join(', '));
}

/** The states of an accession set as a SQL list for `IN (…)`, e.g. Prisma.sql`a."status" IN (${accessionStatesSql('published')})`. */
export function accessionStatesSql(set: AccessionSet): Prisma.Sql {
  return literals(ACCESSION_WORKFLOW.sets[set]);
}

/** The states of a report set as a SQL list for `IN (…)`, e.g. Prisma.sql`r."status" IN (${reportStatesSql('delivered')})`. */
export function reportStatesSql(set: ReportSet): Prisma.Sql {
  return literals(REPORT_WORKFLOW.sets[set]);
}

import 'server-only';
import { db } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import { utcDay } from '@/lib/dates';
import { LV_COLLATOR } from '@/lib/municipalities/queries';

/**
 * Report deadlines: the one definition of "overdue" and "due within N days"
 * (staff dashboard, overdue list, e-mail reminders). A report is owed by
 * every municipality whose membership in the current opened term is
 * VERIFIED, for every reporting period of that term, until a revision of it
 * is SUBMITTED or ACCEPTED. Days count in Latvian calendar days: a report
 * due on 31 March is on time all of 31 March (daysRemaining 0) and overdue
 * from 1 April (daysRemaining -1).
 */

export type DeadlineMunicipality = { id: string; slug: string; nameLv: string };

export type ReportDeadline = {
  municipality: DeadlineMunicipality;
  termSlug: string;
  periodId: string;
  year: number;
  dueOn: Date;
  /** Whole calendar days from today (Riga) to the due date; negative once overdue. */
  daysRemaining: number;
  overdue: boolean;
};

/** What {@link computeReportDeadlines} needs: the term's signatories and periods with who has already reported. */
export type DeadlineInput = {
  termSlug: string;
  signatories: DeadlineMunicipality[];
  periods: { id: string; year: number; dueOn: Date; reportedMunicipalityIds: readonly string[] }[];
};

const DAY_MS = 86_400_000;
const RIGA_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date in Latvia as a UTC-midnight Date (how DATE columns are read). */
export function rigaDay(at: Date): Date {
  const parts = Object.fromEntries(RIGA_DATE.formatToParts(at).map((p) => [p.type, p.value]));
  return utcDay(`${parts.year}-${parts.month}-${parts.day}`);
}

/** Whole calendar days from `now` (in Latvia) to the DATE `dueOn`; 0 on the due day, negative after it. */
export function daysUntil(dueOn: Date, now: Date): number {
  return Math.round((utcDay(dueOn.toISOString().slice(0, 10)).getTime() - rigaDay(now).getTime()) / DAY_MS);
}

/** Past the due date (the due day itself still counts as on time). */
export function isOverdue(dueOn: Date, now: Date): boolean {
  return daysUntil(dueOn, now) < 0;
}

/** Pure: every owed report of the term with its days remaining, earliest due first, then by name. */
export function computeReportDeadlines(input: DeadlineInput, now: Date): ReportDeadline[] {
  const out: ReportDeadline[] = [];
  for (const p of input.periods) {
    const reported = new Set(p.reportedMunicipalityIds);
    const daysRemaining = daysUntil(p.dueOn, now);
    for (const m of input.signatories) {
      if (reported.has(m.id)) continue;
      out.push({ municipality: m, termSlug: input.termSlug, periodId: p.id, year: p.year, dueOn: p.dueOn, daysRemaining, overdue: daysRemaining < 0 });
    }
  }
  return out.sort((a, b) => a.dueOn.getTime() - b.dueOn.getTime() || LV_COLLATOR.compare(a.municipality.nameLv, b.municipality.nameLv));
}

/** The overdue ones. */
export function overdueOf(deadlines: readonly ReportDeadline[]): ReportDeadline[] {
  return deadlines.filter((d) => d.overdue);
}

/** Not yet overdue and due within `days` days (today included). */
export function dueWithin(deadlines: readonly ReportDeadline[], days: number): ReportDeadline[] {
  return deadlines.filter((d) => d.daysRemaining >= 0 && d.daysRemaining <= days);
}

/**
 * Loads {@link DeadlineInput} for the current opened term (or the opened
 * term `termSlug`) in one query and computes the deadlines; [] when no term
 * is opened. No authorization here: callers check their own permission.
 */
export async function reportDeadlines({ now = new Date(), termSlug }: { now?: Date; termSlug?: string } = {}): Promise<ReportDeadline[]> {
  const term = await db().councilTerm.findFirst({
    where: { openedAt: { not: null }, ...(termSlug ? { slug: termSlug } : {}) },
    orderBy: { startYear: 'desc' },
    select: {
      slug: true,
      accessions: { where: { status: 'VERIFIED' }, select: { municipality: { select: { id: true, slug: true, nameLv: true } } } },
      periods: {
        orderBy: { year: 'asc' },
        select: { id: true, year: true, dueOn: true, reports: { where: { status: { in: ['SUBMITTED', 'ACCEPTED'] } }, select: { municipalityId: true } } },
      },
    },
  });
  if (!term) return [];
  return computeReportDeadlines({
    termSlug: term.slug,
    signatories: term.accessions.map((a) => a.municipality),
    periods: term.periods.map((p) => ({ id: p.id, year: p.year, dueOn: p.dueOn, reportedMunicipalityIds: p.reports.map((r) => r.municipalityId) })),
  }, now);
}

/**
 * The same owed reports as {@link reportDeadlines}, as a SQL CTE `owed`
 * (municipality id, periodId, year, dueOn; join "Municipality" for names) over a CTE `t` the
 * caller defines (the current opened term): for counting and paging in the
 * database instead of loading every owed report.
 */
export const OWED_CTE = Prisma.sql`
  owed AS (
    SELECT a."municipalityId" AS "id", p."id" AS "periodId", p."year", p."dueOn"
    FROM t JOIN "Accession" a ON a."termId" = t."id" AND a."status" = 'VERIFIED'
    JOIN "ReportingPeriod" p ON p."termId" = t."id"
    WHERE NOT EXISTS (
      SELECT 1 FROM "ProgressReport" r
      WHERE r."municipalityId" = a."municipalityId" AND r."periodId" = p."id" AND r."status" IN ('SUBMITTED', 'ACCEPTED')
    )
  )`;

/** Today in Latvia as 'YYYY-MM-DD' (the SQL parameter for "overdue": dueOn before it). */
export const rigaToday = (now: Date): string => rigaDay(now).toISOString().slice(0, 10);

/** A row of {@link OWED_CTE} as a {@link ReportDeadline}. */
export function owedToDeadline(row: { id: string; slug: string; nameLv: string; periodId: string; year: number; dueOn: Date }, termSlug: string, now: Date): ReportDeadline {
  const daysRemaining = daysUntil(row.dueOn, now);
  return { municipality: { id: row.id, slug: row.slug, nameLv: row.nameLv }, termSlug, periodId: row.periodId, year: row.year, dueOn: row.dueOn, daysRemaining, overdue: daysRemaining < 0 };
}

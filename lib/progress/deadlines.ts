import 'server-only';
import { accessionStatesSql, reportStatesSql } from '@/lib/authz/workflow-sql';
import { db } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import { RIGA_TIME_ZONE, rigaDay, rigaIsoDay, utcDay } from '@/lib/dates';
import { LV_COLLATOR } from '@/lib/municipalities/queries';
import { now as clockNow } from '@/lib/clock';

/**
 * Report deadlines: the one definition of "owed", "overdue" and "due within
 * N days" (staff dashboard, overdue list, e-mail reminders, the public
 * page). A report is owed by every municipality whose membership in the
 * current term (by the calendar, lib/terms/calendar) is VERIFIED, when staff
 * have set up reporting for that term, for every reporting period of the
 * term that begins after the decision date ({@link OWED_PERIOD_SQL}: the
 * duty starts at joining), until a revision of it is SUBMITTED or ACCEPTED.
 * Days count in Latvian calendar days: a report due on 31 March is on time
 * all of 31 March (daysRemaining 0) and overdue from 1 April (-1).
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

const DAY_MS = 86_400_000;
/** Whole calendar days from `now` (in Latvia) to the DATE `dueOn`; 0 on the due day, negative after it. */
export function daysUntil(dueOn: Date, now: Date): number {
  return Math.round((utcDay(dueOn.toISOString().slice(0, 10)).getTime() - rigaDay(now).getTime()) / DAY_MS);
}

/** Past the due date (the due day itself still counts as on time). */
export function isOverdue(dueOn: Date, now: Date): boolean {
  return daysUntil(dueOn, now) < 0;
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
 * The reporting-duty rule, written once (SQL over a period `p` and the
 * accession `a` that made the municipality a signatory): a period is owed
 * when it begins after the decision date, i.e. from the first reporting
 * year after joining. Jēkabpils novads (decision 15 June 2021) owes 2021
 * (its period begins 1 July 2021); Liepāja (22 July 2021) owes from 2022; a
 * municipality that joined in March 2025 owes nothing in 2021–2025. Without
 * a decision date the day of verification stands in.
 */
export const OWED_PERIOD_SQL = Prisma.sql`p."startsOn" > COALESCE(a."sessionDate", (a."verifiedAt" AT TIME ZONE 'UTC' AT TIME ZONE ${RIGA_TIME_ZONE}::text)::date)`;

/** The current term by the calendar as CTE `t` for `today` ('YYYY-MM-DD', Riga): the term containing it, else the latest started. */
export const currentTermCte = (today: string) => Prisma.sql`
  t AS (
    SELECT "id", "slug", "startYear", "endYear", "startsOn", "endsOn", "openedAt" FROM "CouncilTerm"
    WHERE "startsOn" <= ${today}::date ORDER BY "startsOn" DESC LIMIT 1
  )`;

/**
 * Every owed report of the current term (or of the term `termSlug`) with
 * its days remaining, earliest due first, then by name; [] when reporting
 * is not set up for the term. The same SQL ({@link OWED_CTE}) as the
 * dashboard counts. No authorization here: callers check their own permission.
 */
export async function reportDeadlines({ now = clockNow(), termSlug }: { now?: Date; termSlug?: string } = {}): Promise<ReportDeadline[]> {
  const term = termSlug ? Prisma.sql`t AS (SELECT "id", "slug", "openedAt" FROM "CouncilTerm" WHERE "slug" = ${termSlug})` : currentTermCte(rigaIsoDay(now));
  const rows = await db().$queryRaw<{ id: string; slug: string; nameLv: string; periodId: string; year: number; dueOn: Date; termSlug: string }[]>`
    WITH ${term}, ${OWED_CTE}
    SELECT owed."id", m."slug", m."nameLv", owed."periodId", owed."year", owed."dueOn", (SELECT "slug" FROM t) AS "termSlug"
    FROM owed JOIN "Municipality" m ON m."id" = owed."id"`;
  return rows
    .map((r) => owedToDeadline(r, r.termSlug, now))
    .sort((a, b) => a.dueOn.getTime() - b.dueOn.getTime() || LV_COLLATOR.compare(a.municipality.nameLv, b.municipality.nameLv));
}

/**
 * The owed reports as a SQL CTE `owed` (municipality id, periodId, year,
 * dueOn; join "Municipality" for names) over a CTE `t` the caller defines
 * (the current term, {@link currentTermCte}): for counting and paging in
 * the database instead of loading every owed report. Nothing is owed for a
 * term whose reporting staff have not set up.
 */
export const OWED_CTE = Prisma.sql`
  owed AS (
    SELECT a."municipalityId" AS "id", p."id" AS "periodId", p."year", p."dueOn"
    FROM t JOIN "Accession" a ON a."termId" = t."id" AND a."status" IN (${accessionStatesSql('member')})
    JOIN "ReportingPeriod" p ON p."termId" = t."id"
    WHERE t."openedAt" IS NOT NULL AND ${OWED_PERIOD_SQL}
      AND NOT EXISTS (
        SELECT 1 FROM "ProgressReport" r
        WHERE r."municipalityId" = a."municipalityId" AND r."periodId" = p."id" AND r."status" IN (${reportStatesSql('delivered')})
      )
  )`;

/** A row of {@link OWED_CTE} as a {@link ReportDeadline}. */
export function owedToDeadline(
  row: { id: string; slug: string; nameLv: string; periodId: string; year: number; dueOn: Date },
  termSlug: string,
  now: Date,
): ReportDeadline {
  const daysRemaining = daysUntil(row.dueOn, now);
  return {
    municipality: { id: row.id, slug: row.slug, nameLv: row.nameLv },
    termSlug,
    periodId: row.periodId,
    year: row.year,
    dueOn: row.dueOn,
    daysRemaining,
    overdue: daysRemaining < 0,
  };
}

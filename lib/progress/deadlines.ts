import 'server-only';
import { accessionStatesSql, reportStatesSql } from '@/lib/authz/workflow-sql';
import { db } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import { RIGA_TIME_ZONE, rigaIsoDay } from '@/lib/dates';
import { LV_COLLATOR } from '@/lib/municipalities/queries';
import { now as clockNow } from '@/lib/clock';

/**
 * Report deadlines: the one definition of "owed", "overdue" and "due within
 * N days" (staff dashboard, overdue list, e-mail reminders, the public
 * page). A report is owed by every municipality whose membership in the
 * current term (by the calendar, lib/terms/calendar) is VERIFIED, when staff
 * have set up reporting for that term, for every reporting period of the
 * term that begins after the decision date ({@link owedCte}: the
 * duty starts at joining), until a revision of it is SUBMITTED or ACCEPTED.
 * Days count in Latvian calendar days: a report due on 31 March is on time
 * all of 31 March (daysRemaining 0) and overdue from 1 April (-1).
 * The rule is written once, in SQL ({@link owedCte}, ADR 0192); every
 * caller, in SQL or TypeScript, reads its columns and decides nothing itself.
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

/** The overdue ones. */
export function overdueOf(deadlines: readonly ReportDeadline[]): ReportDeadline[] {
  return deadlines.filter((d) => d.overdue);
}

/** Not yet overdue and due within `days` days (today included). */
export function dueWithin(deadlines: readonly ReportDeadline[], days: number): ReportDeadline[] {
  return deadlines.filter((d) => d.daysRemaining >= 0 && d.daysRemaining <= days);
}

/** The current term by the calendar as CTE `t` for `today` ('YYYY-MM-DD', Riga): the term containing it, else the latest started. */
export const currentTermCte = (today: string) => Prisma.sql`
  t AS (
    SELECT "id", "slug", "startYear", "endYear", "startsOn", "endsOn", "openedAt" FROM "CouncilTerm"
    WHERE "startsOn" <= ${today}::date ORDER BY "startsOn" DESC LIMIT 1
  )`;

/**
 * Every owed report of the current term (or of the term `termSlug`) with
 * its days remaining, earliest due first, then by name; [] when reporting
 * is not set up for the term. The same SQL ({@link owedCte}) as the
 * dashboard counts. No authorization here: callers check their own permission.
 */
export async function reportDeadlines({ now = clockNow(), termSlug }: { now?: Date; termSlug?: string } = {}): Promise<ReportDeadline[]> {
  const term = termSlug ? Prisma.sql`t AS (SELECT "id", "slug", "openedAt" FROM "CouncilTerm" WHERE "slug" = ${termSlug})` : currentTermCte(rigaIsoDay(now));
  const rows = await db().$queryRaw<
    { id: string; slug: string; nameLv: string; periodId: string; year: number; dueOn: Date; daysRemaining: number; overdue: boolean; termSlug: string }[]
  >`
    WITH ${term}, ${owedCte(rigaIsoDay(now))}
    SELECT owed."id", m."slug", m."nameLv", owed."periodId", owed."year", owed."dueOn", owed."daysRemaining", owed."overdue", (SELECT "slug" FROM t) AS "termSlug"
    FROM owed JOIN "Municipality" m ON m."id" = owed."id"`;
  return rows
    .map((r) => owedToDeadline(r, r.termSlug))
    .sort((a, b) => a.dueOn.getTime() - b.dueOn.getTime() || LV_COLLATOR.compare(a.municipality.nameLv, b.municipality.nameLv));
}

/**
 * The reporting duty, the one definition (ADR 0192), as two SQL CTEs over a
 * CTE `t` of terms the caller defines (the current term, {@link currentTermCte},
 * or every term) for `today` ('YYYY-MM-DD', Riga):
 * - `duty`: each (municipality `id`, `periodId`, `year`, `dueOn`) a
 *   municipality must report on: its membership in the term is verified,
 *   staff have set up reporting for the term, and the period begins after
 *   the decision date, i.e. from the first reporting year after joining
 *   (Jēkabpils novads, decision 15 June 2021, owes 2021, its period beginning
 *   1 July 2021; Liepāja, 22 July 2021, from 2022; without a decision date the
 *   day of verification stands in);
 * - `owed`: the duty not yet delivered (no revision SUBMITTED or ACCEPTED),
 *   with `daysRemaining` (due date minus today: 0 on the due day) and
 *   `overdue` (past the due date).
 * `municipalityId` narrows both to one municipality.
 */
export const owedCte = (today: string, municipalityId?: string) => Prisma.sql`
  duty AS (
    SELECT a."municipalityId" AS "id", p."id" AS "periodId", p."year", p."dueOn"
    FROM t JOIN "Accession" a ON a."termId" = t."id" AND a."status" IN (${accessionStatesSql('member')})
    JOIN "ReportingPeriod" p ON p."termId" = t."id"
    WHERE t."openedAt" IS NOT NULL
      AND p."startsOn" > COALESCE(a."sessionDate", (a."verifiedAt" AT TIME ZONE 'UTC' AT TIME ZONE ${RIGA_TIME_ZONE}::text)::date)
      ${municipalityId === undefined ? Prisma.empty : Prisma.sql`AND a."municipalityId" = ${municipalityId}`}
  ),
  owed AS (
    SELECT d.*, (d."dueOn" - ${today}::date) AS "daysRemaining", d."dueOn" < ${today}::date AS "overdue"
    FROM duty d
    WHERE NOT EXISTS (
      SELECT 1 FROM "ProgressReport" r
      WHERE r."municipalityId" = d."id" AND r."periodId" = d."periodId" AND r."status" IN (${reportStatesSql('delivered')})
    )
  )`;

/**
 * One municipality's owed periods in every term (for its public page and its
 * secretary's list of reports): the duty and what of it is outstanding.
 */
export async function owedPeriodsOf({ municipalityId, now = clockNow() }: { municipalityId: string; now?: Date }) {
  const rows = await db().$queryRaw<{ periodId: string; owed: boolean; overdue: boolean }[]>`
    WITH t AS (SELECT "id", "openedAt" FROM "CouncilTerm"), ${owedCte(rigaIsoDay(now), municipalityId)}
    SELECT d."periodId", o."periodId" IS NOT NULL AS "owed", COALESCE(o."overdue", false) AS "overdue"
    FROM duty d LEFT JOIN owed o ON o."periodId" = d."periodId"`;
  return {
    /** Periods the municipality must report on (delivered or not). */
    duty: new Set(rows.map((r) => r.periodId)),
    /** Periods past their due date with nothing submitted or accepted. */
    overdue: new Set(rows.filter((r) => r.overdue).map((r) => r.periodId)),
  };
}

/** A row of {@link owedCte} `owed` as a {@link ReportDeadline} (days and overdue as the SQL computed them). */
export function owedToDeadline(
  row: { id: string; slug: string; nameLv: string; periodId: string; year: number; dueOn: Date; daysRemaining: number; overdue: boolean },
  termSlug: string,
): ReportDeadline {
  return {
    municipality: { id: row.id, slug: row.slug, nameLv: row.nameLv },
    termSlug,
    periodId: row.periodId,
    year: row.year,
    dueOn: row.dueOn,
    daysRemaining: row.daysRemaining,
    overdue: row.overdue,
  };
}

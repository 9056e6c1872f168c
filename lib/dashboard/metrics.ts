import 'server-only';
import { accessionStatesSql } from '@/lib/authz/workflow-sql';
import { RIGA_TIME_ZONE } from '@/lib/dates';
import { countOverview, MAP_STATUSES, type MapStatus, type OverviewCounts, type OverviewRow, type OverviewTerm } from '@/lib/municipalities/overview';
import { Prisma } from '@/lib/generated/prisma/client';
import type { JoinsSeries } from './joins';

/**
 * THE headline counters of the portal, defined once: the public home page
 * and the staff dashboard both take their numbers from here.
 *
 * - joined / total: municipalities of the term with a VERIFIED accession / all municipalities of the term;
 * - population share: population of the joined ones over the population of
 *   those whose population is known (null when none is known), with how
 *   many are known and unknown;
 * - awaiting: municipalities of the term whose accession awaits verification (SUBMITTED);
 * - overdue / due soon: owed reports (lib/progress/deadlines) past due / due within {@link DUE_SOON_DAYS} days.
 */

export const DUE_SOON_DAYS = 30;

export type PublicHeadline = {
  joined: number;
  total: number;
  awaiting: number;
  /** 0…1, or null when no municipality of the term has a known population. */
  populationShare: number | null;
  populationKnown: number;
  populationUnknown: number;
  /** The per-status counts behind these numbers (map legend). */
  counts: OverviewCounts;
};

export type HeadlineMetrics = PublicHeadline & { term: OverviewTerm; overdue: number; dueSoon: number; dueSoonDays: number };

/** Pure: the headline from the per-status counts (lib/municipalities/overview `countOverview`, or the same counts made in SQL by {@link HEADLINE_COLUMNS}). */
export function headlineFromCounts(counts: OverviewCounts): PublicHeadline {
  return {
    joined: counts.byStatus.VERIFIED,
    total: counts.total,
    awaiting: counts.byStatus.SUBMITTED,
    populationShare: counts.populationJoinedShare,
    populationKnown: counts.populationKnown,
    populationUnknown: counts.populationUnknown,
    counts,
  };
}

/** Pure: the public headline of a term from its overview rows (lib/municipalities/overview). */
export function publicHeadline(rows: OverviewRow[]): PublicHeadline {
  return headlineFromCounts(countOverview(rows));
}

/** The join dates of the term's verified signatories (CTE `j`, after ./sql `termCtes`). */
export const JOINS_CTE = Prisma.sql`
    j AS (
      SELECT COALESCE(to_char(tm."sessionDate", 'YYYY-MM-DD'), to_char((tm."verifiedAt" AT TIME ZONE 'UTC') AT TIME ZONE ${RIGA_TIME_ZONE}::text, 'YYYY-MM-DD')) AS "d"
      FROM tm WHERE tm."status" IN (${accessionStatesSql('member')})
    )`;

/**
 * The headline's columns (prefixed h…) over `t`, `tm` and `j`: the counts
 * of {@link countOverview} made in SQL (per public status, population known
 * / joined) and the joins per date. Added to another query's SELECT (the
 * dashboard's matrix, lib/dashboard/matrix `loadMatrixQuery`).
 */
export const HEADLINE_COLUMNS = Prisma.sql`
      t."slug" AS "hSlug", t."startYear" AS "hStartYear", t."endYear" AS "hEndYear",
      to_char(t."startsOn", 'YYYY-MM-DD') AS "hStartsOn", to_char(t."endsOn", 'YYYY-MM-DD') AS "hEndsOn",
      (SELECT json_object_agg(s."status", s."n") FROM (SELECT "status", count(*)::int AS "n" FROM tm GROUP BY "status") s) AS "hByStatus",
      (SELECT count(*) FROM tm)::int AS "hTotal",
      (SELECT count(*) FROM tm WHERE "population" IS NOT NULL)::int AS "hPopulationKnown",
      (SELECT COALESCE(sum("population"), 0) FROM tm)::float8 AS "hPopulationSum",
      (SELECT COALESCE(sum("population"), 0) FROM tm WHERE "status" IN (${accessionStatesSql('member')}))::float8 AS "hPopulationJoined",
      (SELECT count(*) FROM j WHERE "d" IS NULL)::int AS "hUndated",
      (SELECT COALESCE(json_agg(json_build_object('date', g."d", 'added', g."n") ORDER BY g."d"), '[]'::json)
        FROM (SELECT "d", count(*)::int AS "n" FROM j WHERE "d" IS NOT NULL GROUP BY "d") g) AS "hJoins"`;

export type HeadlineSqlRow = {
  hSlug: string | null;
  hStartYear: number;
  hEndYear: number;
  hStartsOn: string;
  hEndsOn: string;
  hByStatus: Partial<Record<MapStatus, number>> | null;
  hTotal: number;
  hPopulationKnown: number;
  hPopulationSum: number;
  hPopulationJoined: number;
  hUndated: number;
  hJoins: { date: string; added: number }[] | null;
};

/** Pure: {@link HEADLINE_COLUMNS} with the owed-report counts as the headline and the joins series; nulls without a term. */
export function headlineFromRow(
  row: HeadlineSqlRow | undefined,
  owed: { overdue: number; dueSoon: number },
): { metrics: HeadlineMetrics | null; joins: JoinsSeries | null } {
  if (!row || row.hSlug === null) return { metrics: null, joins: null };
  const byStatus = Object.fromEntries(MAP_STATUSES.map((s) => [s, row.hByStatus?.[s] ?? 0])) as Record<MapStatus, number>;
  const counts: OverviewCounts = {
    total: row.hTotal,
    byStatus,
    populationKnown: row.hPopulationKnown,
    populationUnknown: row.hTotal - row.hPopulationKnown,
    populationJoinedShare: row.hPopulationSum > 0 ? row.hPopulationJoined / row.hPopulationSum : null,
  };
  const term: OverviewTerm = { slug: row.hSlug, label: `${row.hStartYear}–${row.hEndYear}`, startYear: row.hStartYear, endYear: row.hEndYear };
  let count = 0;
  const points = (row.hJoins ?? []).map((p) => ({ date: p.date, count: (count += p.added), added: p.added }));
  return {
    metrics: { ...headlineFromCounts(counts), term, overdue: owed.overdue, dueSoon: owed.dueSoon, dueSoonDays: DUE_SOON_DAYS },
    joins: {
      term: { slug: row.hSlug, label: term.label, startsOn: row.hStartsOn, endsOn: row.hEndsOn },
      points,
      total: byStatus.VERIFIED,
      undated: row.hUndated,
    },
  };
}

import 'server-only';
import { accessionStatesSql, reportStatesSql } from '@/lib/authz/workflow-sql';
import { db } from '@/lib/db/client';

/** The key under which the derived ratio (specialists per 1 000 residents) is returned beside the reported indicators. */
export const RATIO_KEY = 'specialists_per_1000';
/** Fewer reporting municipalities than this: no median is shown (it would single out one or two councils). */
export const MIN_MEDIAN_N = 3;

export type YearMedian = { median: number; n: number };
/** indicator key → year → median over the municipalities reporting that indicator that year. */
export type MedianTable = Map<string, Map<number, YearMedian>>;

/**
 * The median of every numeric indicator (and of the derived ratio of
 * specialists per 1 000 residents) per year, over all municipalities whose
 * latest ACCEPTED report for that year is public (the municipality's accession
 * for that term is verified). One query for all `years`; a (key, year) with
 * fewer than MIN_MEDIAN_N known values is left out. Drafts, submitted and
 * returned reports never count; unknown (blank) values are not zeros.
 */
export async function findYearMedians(years: number[]): Promise<MedianTable> {
  const out: MedianTable = new Map();
  if (years.length === 0) return out;
  const rows = await db().$queryRaw<{ key: string; year: number; median: number; n: number }[]>`
    WITH latest AS (
      SELECT DISTINCT ON (r."municipalityId", p."year") r."id", r."municipalityId", p."year"
        FROM "ProgressReport" r JOIN "ReportingPeriod" p ON p."id" = r."periodId"
       WHERE r."status" IN (${reportStatesSql('published')}) AND p."year" = ANY(${years}::int[])
         AND EXISTS (SELECT 1 FROM "Accession" a WHERE a."termId" = p."termId" AND a."municipalityId" = r."municipalityId" AND a."status" IN (${accessionStatesSql('member')}))
       ORDER BY r."municipalityId", p."year", p."startsOn" DESC, r."revision" DESC
    ), vals AS (
      SELECT l."year", i."key", i."numberValue"::float8 AS v
        FROM latest l JOIN "ReportIndicator" i ON i."reportId" = l."id"
       WHERE i."numberValue" IS NOT NULL
      UNION ALL
      SELECT l."year", ${RATIO_KEY}::text AS "key", i."numberValue"::float8 / f."value" * 1000 AS v
        FROM latest l
        JOIN "ReportIndicator" i ON i."reportId" = l."id" AND i."key" = 'social_work_specialists_fte' AND i."numberValue" IS NOT NULL
        JOIN "PopulationFigure" f ON f."municipalityId" = l."municipalityId" AND f."year" = l."year" AND f."value" > 0
    )
    SELECT "key", "year", percentile_cont(0.5) WITHIN GROUP (ORDER BY v) AS "median", count(*)::int AS "n"
      FROM vals GROUP BY "key", "year" HAVING count(*) >= ${MIN_MEDIAN_N}`;
  for (const r of rows) {
    const byYear = out.get(r.key) ?? new Map<number, YearMedian>();
    byYear.set(Number(r.year), { median: Number(r.median), n: Number(r.n) });
    out.set(r.key, byYear);
  }
  return out;
}

import 'server-only';
import { accessionStatesSql } from '@/lib/authz/workflow-sql';
import { now as clockNow } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { requirePermission, type Actor } from '@/lib/authz';
import type { MapStatus, OverviewTerm } from '@/lib/municipalities/overview';
import { perThousand, SPECIALIST_NORM_KEY, type NormDto } from '@/lib/progress/norms';
import { rigaIsoDay } from '@/lib/dates';
import { HAS_PAY_INDICATOR, PAY_KEY, SPECIALISTS_KEY } from './accepted';
import { byName, hasAccepted, latestLateral, PAGE_SIZE, STATUS_EXPR, termCtes, TERM_MUNICIPALITIES } from './sql';
import { termLabel } from '@/lib/municipalities/queries';

/** Why the ratio is unknown: no accepted report, its specialist count is blank, or no population figure for the report's year. */
export type RatioUnknownReason = 'NO_REPORT' | 'NO_SPECIALISTS' | 'NO_POPULATION';
export type NormComparison = 'BELOW' | 'AT' | 'ABOVE';
/** Why there is no comparison: the ratio is unknown, or no legal minimum is recorded for the date. */
export type ComparisonUnknownReason = 'NO_RATIO' | 'NO_NORM';

export type IndicatorRow = {
  slug: string;
  nameLv: string;
  status: MapStatus;
  /** The accepted report the figures come from. */
  report: { id: string; year: number; revision: number } | null;
  specialistsFte: number | null;
  population: number | null;
  populationSource: string | null;
  perThousand: number | null;
  ratioUnknown: RatioUnknownReason | null;
  /** The legal minimum in force at the end of the report's period (today's when there is no report). */
  norm: NormDto | null;
  comparison: NormComparison | null;
  comparisonUnknown: ComparisonUnknownReason | null;
  avgPayEur: number | null;
};

export type IndicatorComparison = {
  term: OverviewTerm;
  hasPayIndicator: boolean;
  /** The rows of the page (all when not paged). */
  rows: IndicatorRow[];
  /** Rows in all; the page (1-based) and its size (null = all rows). */
  matched?: number;
  page?: number;
  pageSize?: number | null;
};

const EPSILON = 1e-9;

/** Pure: below / at / above the minimum (at or above meets it). */
export function compareToNorm(
  ratio: number | null,
  norm: NormDto | null,
): { comparison: NormComparison | null; comparisonUnknown: ComparisonUnknownReason | null } {
  if (ratio === null) return { comparison: null, comparisonUnknown: 'NO_RATIO' };
  if (!norm) return { comparison: null, comparisonUnknown: 'NO_NORM' };
  const d = ratio - norm.value;
  return { comparison: d < -EPSILON ? 'BELOW' : d > EPSILON ? 'ABOVE' : 'AT', comparisonUnknown: null };
}

type IndicatorSqlRow = {
  term: { slug: string; startYear: number; endYear: number };
  matched: number;
  rows: {
    id: string;
    slug: string;
    nameLv: string;
    status: MapStatus;
    reportId: string | null;
    year: number | null;
    revision: number | null;
    fte: number | null;
    pay: number | null;
    population: number | null;
    populationSource: string | null;
    norm: NormDto | null;
  }[];
};

/**
 * Indicator comparison of the current term (staff): specialists per 1 000
 * residents against the legal minimum in force, and average gross pay.
 * ONE query: the rows (verified signatories and municipalities with an
 * accepted report, in Latvian name order) are counted and paged in SQL; the
 * two indicator values, the population figure and the norm in force are
 * looked up only for the page's rows. `pageSize: null` gives every row (the exports).
 */
export async function loadIndicatorComparison({
  actor,
  now = clockNow(),
  page = 1,
  pageSize = PAGE_SIZE,
}: {
  actor: Actor | null;
  now?: Date;
  page?: number;
  pageSize?: number | null;
}): Promise<IndicatorComparison | null> {
  requirePermission(actor, 'staff.view');
  const limit = pageSize === null ? null : Math.max(1, Math.floor(pageSize));
  const offset = limit === null ? 0 : (Math.max(1, Math.floor(page)) - 1) * limit;
  const today = rigaIsoDay(now);
  const [row] = await db().$queryRaw<IndicatorSqlRow[]>`
    WITH ${termCtes(today)},
    f AS (SELECT tm."id", tm."slug", tm."nameLv", tm."status" FROM tm WHERE tm."status" IN (${accessionStatesSql('member')}) OR ${hasAccepted('tm')}),
    pg0 AS (
      SELECT m."id", m."slug", m."nameLv", ${STATUS_EXPR} AS "status" FROM ${TERM_MUNICIPALITIES} AND (a."status" IN (${accessionStatesSql('member')}) OR ${hasAccepted('m')})
      ORDER BY ${byName('m')} LIMIT ${limit}::bigint OFFSET ${offset}::bigint
    ),
    pg AS (SELECT pg0.*, l."id" AS "reportId", l."year", l."revision", l."endsOn" FROM pg0 ${latestLateral('pg0')})
    SELECT json_build_object('slug', t."slug", 'startYear', t."startYear", 'endYear', t."endYear") AS "term",
      (SELECT count(*) FROM f)::int AS "matched",
      (SELECT COALESCE(json_agg(json_build_object(
          'id', pg."id", 'slug', pg."slug", 'nameLv', pg."nameLv", 'status', pg."status",
          'reportId', pg."reportId", 'year', pg."year", 'revision', pg."revision",
          'fte', (SELECT ri."numberValue" FROM "ReportIndicator" ri WHERE ri."reportId" = pg."reportId" AND ri."key" = ${SPECIALISTS_KEY}),
          'pay', (SELECT ri."numberValue" FROM "ReportIndicator" ri WHERE ri."reportId" = pg."reportId" AND ri."key" = ${PAY_KEY}),
          'population', pf."value", 'populationSource', pf."source",
          'norm', (SELECT json_build_object('value', n."value", 'citation', n."citation", 'sourceUrl', n."sourceUrl") FROM "LegalNorm" n
            WHERE n."key" = ${SPECIALIST_NORM_KEY} AND n."validFrom" <= COALESCE(pg."endsOn", ${today}::date)
              AND (n."validTo" IS NULL OR n."validTo" >= COALESCE(pg."endsOn", ${today}::date))
            ORDER BY n."validFrom" DESC LIMIT 1)
        ) ORDER BY ${byName('pg')}), '[]'::json)
        FROM pg LEFT JOIN "PopulationFigure" pf ON pf."municipalityId" = pg."id" AND pf."year" = pg."year") AS "rows"
    FROM t`;
  if (!row) return null;
  const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
  const rows = row.rows.map((r): IndicatorRow => {
    const fte = num(r.fte);
    const population = num(r.population);
    const ratio = r.reportId ? perThousand(fte, population) : null;
    const ratioUnknown: RatioUnknownReason | null = ratio !== null ? null : !r.reportId ? 'NO_REPORT' : fte === null ? 'NO_SPECIALISTS' : 'NO_POPULATION';
    const norm = r.norm ? { value: Number(r.norm.value), citation: r.norm.citation, sourceUrl: r.norm.sourceUrl } : null;
    return {
      slug: r.slug,
      nameLv: r.nameLv,
      status: r.status,
      report: r.reportId ? { id: r.reportId, year: r.year!, revision: r.revision! } : null,
      specialistsFte: r.reportId ? fte : null,
      population: r.reportId ? population : null,
      populationSource: r.reportId ? r.populationSource : null,
      perThousand: ratio,
      ratioUnknown,
      norm,
      ...compareToNorm(ratio, norm),
      avgPayEur: HAS_PAY_INDICATOR && r.reportId ? num(r.pay) : null,
    };
  });
  return {
    term: { slug: row.term.slug, label: termLabel(row.term), startYear: row.term.startYear, endYear: row.term.endYear },
    hasPayIndicator: HAS_PAY_INDICATOR,
    rows,
    matched: row.matched,
    page: limit === null ? 1 : offset / limit + 1,
    pageSize: limit,
  };
}

import 'server-only';
import { now as clockNow } from '@/lib/clock';
import { rigaIsoDay } from '@/lib/dates';
import { db } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import { requirePermission, type Actor } from '@/lib/authz';
import type { MapStatus, OverviewTerm } from '@/lib/municipalities/overview';
import { DEFAULT_DASHBOARD_QUERY, MATRIX_SORTS, type TDashboardQuery } from '@/lib/schemas/dashboard';
import type { CommitmentStatus } from './accepted';
import { HEADLINE_COLUMNS, JOINS_CTE, type HeadlineSqlRow } from './metrics';
import { byName, LATEST_CTE, latestLateral, PAGE_SIZE, STATUS_EXPR, termCtes, TERM_MUNICIPALITIES } from './sql';
import { termLabel } from '@/lib/municipalities/queries';

export type CommitmentColumn = { key: string; position: number; shortLv: string; shortEn: string };

export type MatrixRow = {
  slug: string;
  nameLv: string;
  type: 'STATE_CITY' | 'MUNICIPALITY';
  /** Public status in the term (lib/municipalities/overview). */
  status: MapStatus;
  isDemo: boolean;
  /** The accepted report the cells come from, or null when there is none. */
  report: { id: string; year: number; revision: number } | null;
  /** Latest accepted status per commitment key; null = no accepted report. */
  cells: Record<string, CommitmentStatus | null>;
};

export type CommitmentMatrix = {
  term: OverviewTerm;
  commitments: CommitmentColumn[];
  /** The rows of the page (all rows when not paged). */
  rows: MatrixRow[];
  /** Municipalities of the term / those matching the filters; the page (1-based) and its size (null = all rows). */
  total?: number;
  matched?: number;
  page?: number;
  pageSize?: number | null;
};

/** Heat order of a cell: no accepted report < not started < in progress < achieved. */
export const CELL_RANK: Record<CommitmentStatus | 'NONE', number> = { NONE: 0, NOT_STARTED: 1, IN_PROGRESS: 2, ACHIEVED: 3 };

type MatrixSqlRow = {
  term: { slug: string; startYear: number; endYear: number };
  total: number;
  matched: number;
  commitments: CommitmentColumn[] | null;
  rows: {
    slug: string;
    nameLv: string;
    type: MatrixRow['type'];
    status: MapStatus;
    isDemo: boolean;
    reportId: string | null;
    year: number | null;
    revision: number | null;
    cells: Record<string, CommitmentStatus> | null;
  }[];
};

const DIRECTION = { asc: 'ASC', desc: 'DESC' } as const;

/** ORDER BY of the matrix from the whitelisted sort and direction (never user text in SQL). */
function matrixOrder(q: Pick<TDashboardQuery, 'sort' | 'dir'>, alias: string): Prisma.Sql {
  const dir = DIRECTION[q.dir === 'desc' ? 'desc' : 'asc'];
  const f = Prisma.raw(alias);
  if (q.sort === 'name' || !MATRIX_SORTS.includes(q.sort)) return byName(alias, dir);
  const key =
    q.sort === 'status'
      ? Prisma.sql`array_position(ARRAY['VERIFIED', 'SUBMITTED', 'WITHDRAWN', 'PREVIOUS', 'NONE']::text[], ${f}."status")`
      : Prisma.sql`CASE ${f}."cells" ->> (SELECT cols."key" FROM cols ORDER BY cols."position" OFFSET ${Number(q.sort.slice(1)) - 1} LIMIT 1)
        WHEN 'NOT_STARTED' THEN ${CELL_RANK.NOT_STARTED}::int WHEN 'IN_PROGRESS' THEN ${CELL_RANK.IN_PROGRESS}::int WHEN 'ACHIEVED' THEN ${CELL_RANK.ACHIEVED}::int ELSE ${CELL_RANK.NONE}::int END`;
  return Prisma.sql`${key} ${Prisma.raw(dir)}, ${byName(alias)}`;
}

/**
 * The commitments × municipalities matrix of the current term (staff),
 * filtered, sorted and paged in ONE query (the term's municipalities, their
 * latest accepted report by DISTINCT ON and its commitment statuses, the
 * memorandum's commitments, the counts); null when no term is opened.
 * `pageSize: null` gives every matching row (the exports).
 */
export async function loadCommitmentMatrix(args: {
  actor: Actor | null;
  query?: TDashboardQuery;
  page?: number;
  pageSize?: number | null;
}): Promise<CommitmentMatrix | null> {
  return (await loadMatrixQuery(args)).matrix;
}

/**
 * {@link loadCommitmentMatrix}; with `headline`, the same query also returns
 * lib/dashboard/metrics `HEADLINE_COLUMNS` (the dashboard's headline and
 * joins, from the term's rows the matrix counts anyway).
 */
export async function loadMatrixQuery({
  actor,
  query = DEFAULT_DASHBOARD_QUERY,
  page = 1,
  pageSize = PAGE_SIZE,
  headline = false,
}: {
  actor: Actor | null;
  query?: TDashboardQuery;
  page?: number;
  pageSize?: number | null;
  headline?: boolean;
}): Promise<{ matrix: CommitmentMatrix | null; headline?: HeadlineSqlRow }> {
  requirePermission(actor, 'staff.view');
  const limit = pageSize === null ? null : Math.max(1, Math.floor(pageSize));
  const offset = limit === null ? 0 : (Math.max(1, Math.floor(page)) - 1) * limit;
  const type = query.type ?? null;
  const status = query.status ?? null;
  const progress =
    query.progress === 'NONE'
      ? Prisma.sql`c."reportId" IS NULL`
      : query.progress
        ? Prisma.sql`EXISTS (SELECT 1 FROM jsonb_each_text(c."cells") e WHERE e."value" = ${query.progress})`
        : Prisma.sql`TRUE`;
  const filters = Prisma.sql`(${type}::text IS NULL OR tm."type" = ${type}::text) AND (${status}::text IS NULL OR tm."status" = ${status}::text)`;
  // Sorting by a commitment or filtering on progress needs every row's latest report; otherwise only the page's.
  const needsCells = Boolean(query.progress) || (query.sort !== 'name' && query.sort !== 'status');
  const cellsOf = (reportId: Prisma.Sql) =>
    Prisma.sql`(SELECT COALESCE(jsonb_object_agg(rc."commitmentKey", rc."status"::text), '{}'::jsonb) FROM "ReportCommitment" rc WHERE rc."reportId" = ${reportId})`;
  const rowsCtes = needsCells
    ? Prisma.sql`${LATEST_CTE},
    f AS (
      SELECT tm."id", tm."slug", tm."nameLv", tm."type", tm."status", tm."isDemo", l."id" AS "reportId", l."year", l."revision",
        CASE WHEN l."id" IS NULL THEN NULL ELSE ${cellsOf(Prisma.sql`l."id"`)} END AS "cells"
      FROM tm LEFT JOIN latest l ON l."municipalityId" = tm."id"
      WHERE ${filters}
    ),
    f2 AS (SELECT * FROM f c WHERE ${progress}),
    pg AS (SELECT * FROM f2 ORDER BY ${matrixOrder(query, 'f2')} LIMIT ${limit}::bigint OFFSET ${offset}::bigint)`
    : Prisma.sql`
    f2 AS (SELECT tm."id", tm."slug", tm."nameLv", tm."type", tm."status", tm."isDemo" FROM tm WHERE ${filters}),
    pg0 AS (${
      query.sort === 'name'
        ? // By name: straight from the name index (lv_sort_key), no sort of every row.
          Prisma.sql`SELECT m."id", m."slug", m."nameLv", m."type"::text AS "type", ${STATUS_EXPR} AS "status", COALESCE(a."isDemo", false) AS "isDemo"
        FROM ${TERM_MUNICIPALITIES}
          AND (${type}::text IS NULL OR m."type"::text = ${type}::text) AND (${status}::text IS NULL OR ${STATUS_EXPR} = ${status}::text)
        ORDER BY ${byName('m', DIRECTION[query.dir === 'desc' ? 'desc' : 'asc'])}`
        : Prisma.sql`SELECT * FROM f2 ORDER BY ${matrixOrder(query, 'f2')}`
    } LIMIT ${limit}::bigint OFFSET ${offset}::bigint),
    pg AS (
      SELECT pg0.*, l."id" AS "reportId", l."year", l."revision", CASE WHEN l."id" IS NULL THEN NULL ELSE ${cellsOf(Prisma.sql`l."id"`)} END AS "cells"
      FROM pg0 ${latestLateral('pg0')}
    )`;
  const [row] = await db().$queryRaw<(MatrixSqlRow & Partial<HeadlineSqlRow>)[]>`
    WITH ${termCtes(rigaIsoDay(clockNow()))},${headline ? Prisma.sql` ${JOINS_CTE},` : Prisma.empty}
    cols AS (
      SELECT c."key", c."position", c."shortLv", c."shortEn" FROM "Commitment" c
      WHERE c."memorandumId" = (SELECT "id" FROM "Memorandum" ORDER BY "version" DESC LIMIT 1)
    ),
    ${rowsCtes}
    SELECT json_build_object('slug', t."slug", 'startYear', t."startYear", 'endYear', t."endYear") AS "term",
      (SELECT count(*) FROM tm)::int AS "total",
      (SELECT count(*) FROM f2)::int AS "matched",
      (SELECT json_agg(json_build_object('key', cols."key", 'position', cols."position", 'shortLv', cols."shortLv", 'shortEn', cols."shortEn") ORDER BY cols."position") FROM cols) AS "commitments",
      (SELECT COALESCE(json_agg(json_build_object('slug', pg."slug", 'nameLv', pg."nameLv", 'type', pg."type", 'status', pg."status", 'isDemo', pg."isDemo",
          'reportId', pg."reportId", 'year', pg."year", 'revision', pg."revision", 'cells', pg."cells") ORDER BY ${matrixOrder(query, 'pg')}), '[]'::json) FROM pg) AS "rows"
      ${headline ? Prisma.sql`, ${HEADLINE_COLUMNS}` : Prisma.empty}
    FROM t`;
  if (!row) return { matrix: null };
  const columns = row.commitments ?? [];
  const matrix: CommitmentMatrix = {
    term: { slug: row.term.slug, label: termLabel(row.term), startYear: row.term.startYear, endYear: row.term.endYear },
    commitments: columns,
    rows: row.rows.map((r): MatrixRow => ({
      slug: r.slug,
      nameLv: r.nameLv,
      type: r.type,
      status: r.status,
      isDemo: r.isDemo,
      report: r.reportId ? { id: r.reportId, year: r.year!, revision: r.revision! } : null,
      cells: Object.fromEntries(columns.map((c) => [c.key, r.reportId ? (r.cells?.[c.key] ?? null) : null])),
    })),
    total: row.total,
    matched: row.matched,
    page: limit === null ? 1 : offset / limit + 1,
    pageSize: limit,
  };
  return { matrix, ...(headline ? { headline: row as HeadlineSqlRow } : {}) };
}

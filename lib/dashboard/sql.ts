import 'server-only';
import { accessionStatesSql, reportStatesSql } from '@/lib/authz/workflow-sql';
import { Prisma } from '@/lib/generated/prisma/client';
import { currentTermCte } from '@/lib/progress/deadlines';

/**
 * The municipalities of the term `t` (alias `m`) with their accession of the
 * term that counts publicly (alias `a`): FROM … WHERE, for adding
 * conditions with AND and an ORDER BY that the name index
 * "Municipality_lv_sort_idx" answers (a page without sorting every row).
 */
export const TERM_MUNICIPALITIES = Prisma.sql`"Municipality" m CROSS JOIN t
    LEFT JOIN "Accession" a ON a."municipalityId" = m."id" AND a."termId" = t."id" AND a."status" IN (${accessionStatesSql('shown')})
    WHERE m."validFrom" <= t."endsOn" AND (m."validTo" IS NULL OR m."validTo" >= t."startsOn")`;

/** The public status of `m` in `t` from its accession `a` (see {@link termCtes}). */
export const STATUS_EXPR = Prisma.sql`CASE WHEN a."status" IS NOT NULL THEN a."status"::text
        WHEN EXISTS (SELECT 1 FROM "Accession" pa JOIN prev ON pa."termId" = prev."id" WHERE pa."municipalityId" = m."id" AND pa."status" IN (${accessionStatesSql('member')})) THEN 'PREVIOUS'
        ELSE 'NONE' END`;

/**
 * SQL building blocks shared by the dashboard's queries (each query derives
 * what it needs in CTEs, so the whole page is a handful of statements
 * whatever the number of municipalities). Only constants and parameters go
 * into them; never user text.
 *
 * - `t`: the current term by the calendar on `today` (Riga; lib/terms/calendar);
 * - `prev`: the term before it;
 * - `tm`: every municipality of `t` with its public status (the same rules
 *   as lib/municipalities/overview: VERIFIED / SUBMITTED / WITHDRAWN from the
 *   accession of the term, PREVIOUS when verified in `prev`, else NONE);
 * - `latest`: each municipality's latest ACCEPTED report of `t` (latest
 *   period year, then highest revision) by DISTINCT ON over the index
 *   ProgressReport(status, municipalityId, periodId, revision).
 */
export const termCtes = (today: string) => Prisma.sql`${currentTermCte(today)},
  prev AS (
    SELECT c."id" FROM "CouncilTerm" c, t
    WHERE c."startsOn" < t."startsOn" ORDER BY c."startsOn" DESC LIMIT 1
  ),
  tm AS (
    SELECT m."id", m."slug", m."nameLv", m."type"::text AS "type", m."population", COALESCE(a."isDemo", false) AS "isDemo",
      a."sessionDate", a."verifiedAt", ${STATUS_EXPR} AS "status"
    FROM ${TERM_MUNICIPALITIES}
  )`;

export const LATEST_CTE = Prisma.sql`
  latest AS (
    SELECT DISTINCT ON (r."municipalityId") r."municipalityId", r."id", r."revision", p."year", p."endsOn"
    FROM "ProgressReport" r JOIN "ReportingPeriod" p ON p."id" = r."periodId" JOIN t ON p."termId" = t."id"
    WHERE r."status" IN (${reportStatesSql('published')})
    ORDER BY r."municipalityId", p."year" DESC, r."revision" DESC
  )`;

/**
 * `LEFT JOIN LATERAL` of the latest ACCEPTED report of the term `t` (as
 * `l`: id, revision, year, endsOn) for the municipality `${alias}."id"`: for
 * a page's rows only (an index lookup each).
 */
export const latestLateral = (alias: string) => Prisma.sql`
  LEFT JOIN LATERAL (
    SELECT r."id", r."revision", p."year", p."endsOn"
    FROM "ProgressReport" r JOIN "ReportingPeriod" p ON p."id" = r."periodId"
    WHERE r."status" IN (${reportStatesSql('published')}) AND r."municipalityId" = ${Prisma.raw(alias)}."id" AND p."termId" = (SELECT "id" FROM t)
    ORDER BY p."year" DESC, r."revision" DESC LIMIT 1
  ) l ON TRUE`;

/** Has the municipality `${alias}."id"` an ACCEPTED report in the term `t`? */
export const hasAccepted = (alias: string) => Prisma.sql`EXISTS (
    SELECT 1 FROM "ProgressReport" r JOIN "ReportingPeriod" p ON p."id" = r."periodId"
    WHERE r."status" IN (${reportStatesSql('published')}) AND r."municipalityId" = ${Prisma.raw(alias)}."id" AND p."termId" = (SELECT "id" FROM t))`;

/**
 * Latvian alphabetical order in SQL: `lv_sort_key` (migration 0005) maps
 * each Latvian letter to one byte in alphabet order (Ā after A, Ķ after K),
 * compared bytewise; ties by the name itself, then the slug. (The server's
 * ICU may be older than the app's and treat Ā as a variant of A.)
 */
export const byName = (alias: string, dir: 'ASC' | 'DESC' = 'ASC') => {
  const a = Prisma.raw(alias);
  const d = Prisma.raw(dir);
  return Prisma.sql`lv_sort_key(${a}."nameLv") COLLATE "C" ${d}, ${a}."nameLv" COLLATE "C" ${d}, ${a}."slug" ${d}`;
};

/** Rows per page of the matrix and the indicator table. */
export const PAGE_SIZE = 50;

/** A timestamp without time zone as JSON text ("2025-01-01T10:00:00.123") → Date (UTC, as Prisma reads it). */
export const utcTimestamp = (s: string | null): Date | null => (s === null ? null : new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s}Z`));
/** A DATE as JSON text ("2025-03-31") → UTC midnight. */
export const utcDate = (s: string): Date => new Date(`${s.slice(0, 10)}T00:00:00Z`);

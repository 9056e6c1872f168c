import 'server-only';
import { accessionStatesSql, reportStatesSql } from '@/lib/authz/workflow-sql';
import { now as clockNow } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import { requirePermission, type Actor } from '@/lib/authz';
import { currentTermCte, owedCte, owedToDeadline, type ReportDeadline } from '@/lib/progress/deadlines';
import { rigaIsoDay } from '@/lib/dates';
import { DUE_SOON_DAYS } from './metrics';
import { byName, utcDate, utcTimestamp } from './sql';

/** How many items of each queue the dashboard lists (the total is shown beside it). */
export const QUEUE_LIMIT = 20;

/** Something staff returned to a secretary that has not come back yet. */
export type ReturnedItem = {
  kind: 'ACCESSION' | 'REPORT';
  id: string;
  municipality: { slug: string; nameLv: string };
  /** The term (accessions) or the reporting year (reports). */
  termLabel: string | null;
  year: number | null;
  reason: string | null;
  /** Last change of the item (the secretary may be editing it). */
  updatedAt: Date;
};

export type VerificationItem = {
  id: string;
  submittedAt: Date | null;
  municipality: { slug: string; nameLv: string };
  _count: { documents: number };
  /** Demo data (npm run demo): labelled in the queue. */
  isDemo: boolean;
};
export type ReviewItem = {
  id: string;
  revision: number;
  submittedAt: Date | null;
  municipality: { slug: string; nameLv: string };
  period: { year: number; termSlug: string; startsOn: Date; endsOn: Date };
  isDemo: boolean;
};

/** Each queue: its first {@link QUEUE_LIMIT} items (oldest / earliest first) and how many there are in all. */
export type WorkQueues = {
  verifications: VerificationItem[];
  reviews: ReviewItem[];
  returned: ReturnedItem[];
  dueSoon: ReportDeadline[];
  overdue: ReportDeadline[];
  totals: { verifications: number; reviews: number; returned: number; dueSoon: number; overdue: number };
  limit: number;
};

type Json<T> = T;
export type QueueSqlRow = {
  termSlug: string | null;
  verificationsTotal: number;
  reviewsTotal: number;
  returnedTotal: number;
  dueSoonTotal: number;
  overdueTotal: number;
  verifications: Json<{ id: string; submittedAt: string | null; slug: string; nameLv: string; documents: number; isDemo: boolean }[]>;
  reviews: Json<
    {
      id: string;
      revision: number;
      submittedAt: string | null;
      slug: string;
      nameLv: string;
      year: number;
      termSlug: string;
      startsOn: string;
      endsOn: string;
      isDemo: boolean;
    }[]
  >;
  returned: Json<
    {
      kind: 'ACCESSION' | 'REPORT';
      id: string;
      slug: string;
      nameLv: string;
      startYear: number | null;
      endYear: number | null;
      year: number | null;
      reason: string | null;
      updatedAt: string;
    }[]
  >;
  dueSoon: Json<{ id: string; slug: string; nameLv: string; periodId: string; year: number; dueOn: string; daysRemaining: number; overdue: boolean }[]>;
  overdue: Json<{ id: string; slug: string; nameLv: string; periodId: string; year: number; dueOn: string; daysRemaining: number; overdue: boolean }[]>;
};

/** The queues' CTEs (after `t` and lib/progress/deadlines `owedCte`, whose columns say what is overdue): returned items, owed reports due soon and overdue. */
export function queueCtes(): Prisma.Sql {
  return Prisma.sql`
    ret AS (
      SELECT 'ACCESSION' AS "kind", a."id", m."slug", m."nameLv", ct."startYear", ct."endYear", NULL::int AS "year", a."returnReason" AS "reason", a."updatedAt"
      FROM "Accession" a JOIN "CouncilTerm" ct ON ct."id" = a."termId" JOIN "Municipality" m ON m."id" = a."municipalityId"
      WHERE a."status" = 'RETURNED'
      UNION ALL
      SELECT 'REPORT', r."id", m."slug", m."nameLv", NULL, NULL, p."year", r."returnComment", r."updatedAt"
      FROM "ProgressReport" r JOIN "ReportingPeriod" p ON p."id" = r."periodId" JOIN "CouncilTerm" ct ON ct."id" = p."termId" AND ct."openedAt" IS NOT NULL
      JOIN "Municipality" m ON m."id" = r."municipalityId"
      WHERE r."status" = 'RETURNED'
    ),
    due AS (SELECT * FROM owed WHERE NOT "overdue" AND "daysRemaining" <= ${DUE_SOON_DAYS}::int),
    late AS (SELECT * FROM owed WHERE "overdue")`;
}

/** The queues' columns: each queue's first `n` items as JSON and its total. */
export function queueColumns(n: number): Prisma.Sql {
  const owedPage = (cte: string) => Prisma.sql`(SELECT COALESCE(json_agg(x), '[]'::json) FROM (
      SELECT m."id", m."slug", m."nameLv", o."periodId", o."year", o."dueOn", o."daysRemaining", o."overdue"
      FROM ${Prisma.raw(cte)} o JOIN "Municipality" m ON m."id" = o."id"
      -- Only the rows due no later than the n-th earliest need their names ordered.
      WHERE o."dueOn" <= COALESCE((SELECT c."dueOn" FROM ${Prisma.raw(cte)} c ORDER BY c."dueOn" OFFSET ${n - 1}::int LIMIT 1), 'infinity'::date)
      ORDER BY o."dueOn", ${byName('m')} LIMIT ${n}::int) x)`;
  return Prisma.sql`
      (SELECT count(*) FROM "Accession" WHERE "status" IN (${accessionStatesSql('awaitingStaff')}))::int AS "verificationsTotal",
      (SELECT count(*) FROM "ProgressReport" WHERE "status" IN (${reportStatesSql('awaitingStaff')}))::int AS "reviewsTotal",
      (SELECT count(*) FROM ret)::int AS "returnedTotal",
      (SELECT count(*) FROM due)::int AS "dueSoonTotal",
      (SELECT count(*) FROM late)::int AS "overdueTotal",
      (SELECT COALESCE(json_agg(x), '[]'::json) FROM (
        SELECT a."id", a."submittedAt", m."slug", m."nameLv", (SELECT count(*) FROM "Document" d WHERE d."accessionId" = a."id")::int AS "documents", a."isDemo"
        FROM "Accession" a JOIN "Municipality" m ON m."id" = a."municipalityId"
        WHERE a."status" IN (${accessionStatesSql('awaitingStaff')}) ORDER BY a."submittedAt" ASC NULLS LAST, a."id" LIMIT ${n}::int) x) AS "verifications",
      (SELECT COALESCE(json_agg(x), '[]'::json) FROM (
        SELECT r."id", r."revision", r."submittedAt", m."slug", m."nameLv", p."year", pt."slug" AS "termSlug", p."startsOn", p."endsOn", r."isDemo"
        FROM "ProgressReport" r JOIN "Municipality" m ON m."id" = r."municipalityId" JOIN "ReportingPeriod" p ON p."id" = r."periodId"
        JOIN "CouncilTerm" pt ON pt."id" = p."termId"
        WHERE r."status" IN (${reportStatesSql('awaitingStaff')}) ORDER BY r."submittedAt" ASC NULLS LAST, r."id" LIMIT ${n}::int) x) AS "reviews",
      (SELECT COALESCE(json_agg(x), '[]'::json) FROM (SELECT * FROM ret ORDER BY "updatedAt", "id" LIMIT ${n}::int) x) AS "returned",
      ${owedPage('due')} AS "dueSoon",
      ${owedPage('late')} AS "overdue"`;
}

/** Pure: {@link queueColumns} as {@link WorkQueues}. */
export function toWorkQueues(r: QueueSqlRow, n: number): WorkQueues {
  const deadline = (d: QueueSqlRow['dueSoon'][number]) => owedToDeadline({ ...d, dueOn: utcDate(d.dueOn) }, r.termSlug ?? '');
  return {
    verifications: r.verifications.map((v) => ({
      id: v.id,
      submittedAt: utcTimestamp(v.submittedAt),
      municipality: { slug: v.slug, nameLv: v.nameLv },
      _count: { documents: v.documents },
      isDemo: Boolean(v.isDemo),
    })),
    reviews: r.reviews.map((v) => ({
      id: v.id,
      revision: v.revision,
      submittedAt: utcTimestamp(v.submittedAt),
      municipality: { slug: v.slug, nameLv: v.nameLv },
      period: { year: v.year, termSlug: v.termSlug, startsOn: utcDate(v.startsOn), endsOn: utcDate(v.endsOn) },
      isDemo: Boolean(v.isDemo),
    })),
    returned: r.returned.map((v): ReturnedItem => ({
      kind: v.kind,
      id: v.id,
      municipality: { slug: v.slug, nameLv: v.nameLv },
      termLabel: v.kind === 'ACCESSION' ? `${v.startYear}–${v.endYear}` : null,
      year: v.kind === 'REPORT' ? v.year : null,
      reason: v.reason,
      updatedAt: utcTimestamp(v.updatedAt)!,
    })),
    dueSoon: r.dueSoon.map(deadline),
    overdue: r.overdue.map(deadline),
    totals: { verifications: r.verificationsTotal, reviews: r.reviewsTotal, returned: r.returnedTotal, dueSoon: r.dueSoonTotal, overdue: r.overdueTotal },
    limit: n,
  };
}

/** Staff may see the queues (the dashboard, verification and review permissions). */
export function requireQueuePermissions(actor: Actor | null): void {
  requirePermission(actor, 'staff.view');
  requirePermission(actor, 'accession.verify');
  requirePermission(actor, 'progress.review');
}

/**
 * The staff work queues in ONE query: submissions awaiting verification,
 * reports awaiting review, returned items (accessions and reports of opened
 * terms, oldest change first), reports due within {@link DUE_SOON_DAYS}
 * days and overdue reports (lib/progress/deadlines, the same definition as
 * the headline), each limited to `limit` items with its total count (the
 * dashboard's headline takes its overdue / due-soon counts from these totals).
 */
export async function loadWorkQueues({
  actor,
  now = clockNow(),
  limit = QUEUE_LIMIT,
}: {
  actor: Actor | null;
  now?: Date;
  limit?: number;
}): Promise<WorkQueues> {
  requireQueuePermissions(actor);
  const n = Math.max(1, Math.floor(limit));
  const [row] = await db().$queryRaw<QueueSqlRow[]>`
    WITH ${currentTermCte(rigaIsoDay(now))}, ${owedCte(rigaIsoDay(now))}, ${queueCtes()}
    SELECT (SELECT "slug" FROM t) AS "termSlug", ${queueColumns(n)}`;
  return toWorkQueues(row!, n);
}

/**
 * The synthetic reports and documents of bench/seed-scale.ts (set-based SQL
 * on its connection, inside its transaction, after the accessions in the
 * temporary table `syn_acc`): 5 reporting years of reports of the verified
 * signatories, their commitments, actions and indicators (≥ ROW_TARGET rows),
 * and DOCUMENTS document rows pointing at one stored PDF. All labelled synthetic.
 */
import type pg from 'pg';
import { INDICATORS } from '../lib/progress/indicators';
import { BENCH_MUNICIPALITY } from './scale-db';

export type Step = (label: string, sql: string, params?: unknown[]) => Promise<pg.QueryResult>;

/** Fills ProgressReport, ReportCommitment, ReportAction and ReportIndicator (temporary table `syn_rep`); returns the number of reports. */
export async function seedSyntheticReports({
  client,
  step,
  termId,
  rowTarget,
}: {
  client: pg.Client;
  step: Step;
  termId: string;
  rowTarget: number;
}): Promise<number> {
  // Reports of the verified signatories for every period of the term.
  await step(
    '(report plan)',
    `
    CREATE TEMP TABLE syn_rep AS
    WITH base AS (
      SELECT a.n, a.mid, p."id" AS period_id, p."year", p."dueOn",
        pg_temp.r('rep' || a.n || '-' || p."year") AS x, pg_temp.r('rev' || a.n || '-' || p."year") AS y
      FROM syn_acc a JOIN "ReportingPeriod" p ON p."termId" = $1
      WHERE a.status = 'VERIFIED'
    ), decided AS (
      SELECT *,
        CASE WHEN n = ${Number(BENCH_MUNICIPALITY.slice(-5))} THEN 'ACCEPTED'
             WHEN "year" < (SELECT max("year") FROM "ReportingPeriod" WHERE "termId" = $1) THEN
               CASE WHEN x < 0.04 THEN NULL WHEN x < 0.06 THEN 'SUBMITTED' WHEN x < 0.08 THEN 'RETURNED' ELSE 'ACCEPTED' END
             ELSE CASE WHEN x < 0.15 THEN NULL WHEN x < 0.25 THEN 'DRAFT' WHEN x < 0.35 THEN 'SUBMITTED' ELSE 'ACCEPTED' END
        END AS final_status,
        (n = ${Number(BENCH_MUNICIPALITY.slice(-5))} OR y < 0.10) AS revised
      FROM base
    )
    SELECT row_number() OVER (ORDER BY n, "year", rev) AS ord, n, mid, period_id, "year", "dueOn", rev,
      CASE WHEN revised AND rev = 1 THEN 'ACCEPTED' ELSE final_status END AS status,
      (revised AND rev = 1) AS superseded,
      ("dueOn" - (20 + (x * 60)::int) + (rev - 1) * 30)::timestamp + INTERVAL '10 hours' AS submitted_at
    FROM decided CROSS JOIN LATERAL generate_series(1, CASE WHEN revised THEN 2 ELSE 1 END) rev
    WHERE final_status IS NOT NULL`,
    [termId],
  );
  await client.query(`ALTER TABLE syn_rep ADD COLUMN id text; UPDATE syn_rep SET id = 'synr' || lpad(ord::text, 7, '0'); CREATE INDEX ON syn_rep (ord)`);
  await step(
    'ProgressReport',
    `
    INSERT INTO "ProgressReport" ("id", "municipalityId", "periodId", "revision", "status", "isDemo", "submittedAt", "acceptedAt", "supersededAt", "returnComment", "createdAt", "updatedAt")
    SELECT id, mid, period_id, rev, status::"ReportStatus", true,
      CASE WHEN status <> 'DRAFT' THEN submitted_at END,
      CASE WHEN status = 'ACCEPTED' THEN submitted_at + INTERVAL '10 days' END,
      CASE WHEN superseded THEN submitted_at + INTERVAL '20 days' END,
      CASE WHEN status = 'RETURNED' THEN 'Sintētisks komentārs.' END,
      submitted_at - INTERVAL '20 days', submitted_at + INTERVAL '10 days'
    FROM syn_rep`,
  );
  const reports = Number((await client.query<{ count: string }>('SELECT count(*) FROM syn_rep')).rows[0]!.count);
  const { rows: commitments } = await client.query<{ key: string; position: number }>(
    `SELECT c."key", c."position" FROM "Commitment" c JOIN "Memorandum" m ON m."id" = c."memorandumId" WHERE m."version" = 1 ORDER BY c."position"`,
  );
  await step(
    'ReportCommitment',
    `
    INSERT INTO "ReportCommitment" ("id", "reportId", "commitmentKey", "status", "narrative")
    SELECT r.id || '-' || c.position, r.id, c.key,
      (CASE (r.ord + c.position) % 3 WHEN 0 THEN 'NOT_STARTED' WHEN 1 THEN 'IN_PROGRESS' ELSE 'ACHIEVED' END)::"CommitmentStatus",
      'Sintētisks progresa apraksts (' || c.key || ', ' || r."year" || '). Synthetic benchmark text.'
    FROM syn_rep r CROSS JOIN (SELECT unnest($1::text[]) AS key, unnest($2::int[]) AS position) c`,
    [commitments.map((c) => c.key), commitments.map((c) => c.position)],
  );
  const indicatorRows = reports * INDICATORS.length;
  const perCommitment = Math.max(2, Math.ceil((rowTarget - indicatorRows) / (reports * commitments.length)));
  await step(
    `ReportIndicator (${INDICATORS.length}/report)`,
    `
    INSERT INTO "ReportIndicator" ("id", "reportId", "key", "numberValue", "boolValue", "textValue")
    SELECT r.id || '-' || i.ord, r.id, i.key,
      CASE i.kind
        WHEN 'money' THEN CASE WHEN i.key LIKE 'avg_%' THEN round((900 + h * 1500)::numeric, 2) ELSE round((20000 + h * 3000000)::numeric, 2) END
        WHEN 'fte' THEN round((0.5 + h * 40)::numeric, 2)
        WHEN 'hours' THEN round((h * 80)::numeric, 0)
        WHEN 'count' THEN round((h * 50)::numeric, 0)
      END,
      CASE WHEN i.kind = 'boolean' THEN h < 0.6 END,
      CASE WHEN i.kind = 'text' THEN 'Sintētisks teksts (synthetic benchmark data).' END
    FROM syn_rep r
    CROSS JOIN (SELECT unnest($1::text[]) AS key, unnest($2::text[]) AS kind, generate_series(1, $3::int) AS ord) i
    CROSS JOIN LATERAL (SELECT pg_temp.r(r.ord || i.key) AS h) hh`,
    [INDICATORS.map((i) => i.key), INDICATORS.map((i) => i.kind), INDICATORS.length],
  );
  await step(
    `ReportAction (${perCommitment}/commitment)`,
    `
    INSERT INTO "ReportAction" ("id", "reportId", "commitmentKey", "position", "title", "status", "plannedOn", "doneOn", "budgetEur")
    SELECT r.id || '-' || c.position || '-' || lpad(k::text, 2, '0'), r.id, c.key, k,
      'Sintētiska darbība ' || k || ' (' || c.key || ')',
      (CASE (r.ord + k + c.position) % 4 WHEN 0 THEN 'PLANNED' WHEN 1 THEN 'IN_PROGRESS' WHEN 2 THEN 'DONE' ELSE 'CANCELLED' END)::"ActionStatus",
      make_date(r."year", 1 + (k % 12), 1),
      CASE WHEN (r.ord + k + c.position) % 4 = 2 THEN make_date(r."year", 1 + (k % 12), 20) END,
      CASE WHEN k % 3 = 0 THEN NULL ELSE ((r.ord * 7919 + k * 104729) % 50000)::numeric END
    FROM syn_rep r CROSS JOIN (SELECT unnest($1::text[]) AS key, unnest($2::int[]) AS position) c CROSS JOIN generate_series(1, $3::int) k`,
    [commitments.map((c) => c.key), commitments.map((c) => c.position), perCommitment],
  );
  return reports;
}

/** Fills Document: decision (+ annex) of the accessions, the rest evidence of reports, all the same stored PDF. */
export async function seedSyntheticDocuments({
  client,
  step,
  file,
  documents,
  reports,
}: {
  client: pg.Client;
  step: Step;
  file: { sha256: string; size: number; storageKey: string };
  documents: number;
  reports: number;
}): Promise<void> {
  // Documents: decision + annex of each verified / withdrawn accession, the decision of each awaiting one, the rest evidence of reports.
  const docColumns = `"id", "accessionId", "reportId", "kind", "sha256", "sizeBytes", "mediaType", "storageKey", "originalName", "inspection", "createdAt"`;
  const inspection = JSON.stringify({ kind: 'pdf', warnings: [], signatures: [], synthetic: true });
  const docParams = [file.sha256, file.size, file.storageKey, inspection];
  await step(
    'Document (accessions)',
    `
    INSERT INTO "Document" (${docColumns})
    SELECT a.id || '-' || k.kind, a.id, NULL, k.kind::"DocumentKind", $1, $2, 'application/pdf', $3,
      'sintetisks-' || lower(k.kind) || '-' || lpad(a.n::text, 5, '0') || '.pdf', $4::jsonb, a.submitted_at - INTERVAL '1 hour'
    FROM syn_acc a JOIN (VALUES ('DECISION', ARRAY['VERIFIED', 'WITHDRAWN', 'SUBMITTED']), ('ANNEX', ARRAY['VERIFIED', 'WITHDRAWN'])) k(kind, statuses)
      ON a.status = ANY (k.statuses)`,
    docParams,
  );
  const accessionDocs = Number((await client.query<{ count: string }>(`SELECT count(*) FROM "Document" WHERE "id" LIKE 'syna%'`)).rows[0]!.count);
  await step(
    'Document (report evidence)',
    `
    INSERT INTO "Document" (${docColumns})
    SELECT 'synd' || lpad(g::text, 6, '0'), NULL, r.id, 'EVIDENCE', $1, $2, 'application/pdf', $3,
      'sintetisks-pierādījums-' || lpad(g::text, 6, '0') || '.pdf', $4::jsonb, r.submitted_at - INTERVAL '2 days'
    FROM generate_series(1, $5::int) g JOIN syn_rep r ON r.ord = ((g - 1) % $6) + 1`,
    [...docParams, Math.max(0, documents - accessionDocs), reports],
  );
}

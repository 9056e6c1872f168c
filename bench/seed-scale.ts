/**
 * Scale benchmark dataset (issue 7): a SEPARATE database `memorands_scale`,
 * dropped and recreated on every run, migrated, seeded with the reference
 * data (the real memorandum, commitments, terms and 43 municipalities), then
 * filled with synthetic data by set-based SQL (INSERT … SELECT
 * generate_series), all labelled: slugs `synthetic-NNNNN`, names
 * "Sintētiska pašvaldība NNNNN", statusNote / source "SYNTHETIC BENCHMARK
 * DATA", accessions and reports isDemo = true, documents' inspection
 * {synthetic: true}.
 *
 *   10 000 municipalities (a grid of small squares over Latvia's bounding box
 *          as boundaries, population and 5 yearly population figures)
 *   ~70 % with an accession in the current opened term (mixed statuses)
 *   5 reporting years of reports of the verified ones (mostly ACCEPTED, some
 *          revisions, some submitted / returned / draft / missing = overdue)
 *   3 ReportCommitment per report; ReportAction + ReportIndicator ≥ 1 000 000 rows
 *   50 000 Document rows, all pointing at one small stored PDF
 *   bench users (password below): staff, admin, and a secretary of synthetic-04242
 *
 * Database: on DATABASE_URL's server when set, else a persistent embedded
 * PostgreSQL under .data/scale-pg (bench/run.ts starts the same one). The
 * app's own database is never touched.
 *
 * Usage: npm run bench:seed-scale   [-- --municipalities 10000]
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import bcrypt from 'bcryptjs';
import pg from 'pg';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { ensureDatabase, runningEmbeddedPostgres, startEmbeddedPostgres } from '../lib/db/embedded';

export const SCALE_DB = 'memorands_scale';
export const SCALE_PG_DIR = path.resolve('.data/scale-pg');
export const SCALE_STORAGE_DIR = '.data/scale-storage';
export const BENCH_PASSWORD = 'synthetic-bench-password';
export const BENCH_USERS = {
  staff: 'bench-staff@synthetic.invalid',
  admin: 'bench-admin@synthetic.invalid',
  secretary: 'bench-secretary@synthetic.invalid',
} as const;
/** The synthetic municipality the bench opens (always verified, every year reported, one revision). */
export const BENCH_MUNICIPALITY = 'synthetic-04242';
export const LABEL = 'SYNTHETIC BENCHMARK DATA';

/** The scale database's server: DATABASE_URL's, else the persistent embedded one under .data/scale-pg. */
export async function openScaleServer(): Promise<{ baseUrl: string; stop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (url) return { baseUrl: url, stop: () => Promise.resolve() };
  // Note: another bench process may have it running already: share it, and leave stopping it to that process.
  const running = await runningEmbeddedPostgres(SCALE_PG_DIR);
  if (running) return { baseUrl: running, stop: () => Promise.resolve() };
  const server = await startEmbeddedPostgres({ dataDir: SCALE_PG_DIR, persistent: true });
  return { baseUrl: server.baseUrl, stop: server.stop };
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

async function sharedPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.setTitle('SYNTHETIC BENCHMARK DOCUMENT');
  doc.setCreationDate(new Date('2025-01-01T00:00:00Z'));
  doc.setModificationDate(new Date('2025-01-01T00:00:00Z'));
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText('SYNTHETIC BENCHMARK DOCUMENT - not a real decision (bench/seed-scale.ts)', { x: 40, y: 800, size: 11, font });
  return Buffer.from(await doc.save());
}

async function main() {
  const started = performance.now();
  const MUNICIPALITIES = arg('municipalities', 10_000);
  const DOCUMENTS = arg('documents', 50_000);
  const ROW_TARGET = arg('rows', 1_000_000);
  if (!(MUNICIPALITIES >= 1 && MUNICIPALITIES <= 99_999)) throw new Error('--municipalities must be 1…99999');

  const server = await openScaleServer();
  try {
    const url = await ensureDatabase(server.baseUrl, SCALE_DB, { fresh: true });
    console.log(`Database ${SCALE_DB} recreated on ${new URL(url).host}.`);
    process.env.DATABASE_URL = url;

    const { migrate } = await import('../lib/db/migrate');
    const { db, disconnectDb } = await import('../lib/db/client');
    const { seedReference } = await import('../lib/seed/reference');
    const { INDICATORS } = await import('../lib/progress/indicators');
    const migrated = await migrate(url);
    await seedReference(db());
    await disconnectDb();
    console.log(`Migrated (${migrated.applied.join(', ')}) and seeded the reference data in ${((performance.now() - started) / 1000).toFixed(1)} s.`);

    // The one stored file every synthetic document points at.
    const pdf = await sharedPdf();
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const storageKey = `sha256/${sha256.slice(0, 2)}/${sha256}`;
    // Note: never the app's STORAGE_DIR; bench/run.ts serves this folder.
    const storageDir = path.resolve(SCALE_STORAGE_DIR);
    await mkdir(path.dirname(path.join(storageDir, storageKey)), { recursive: true });
    await writeFile(path.join(storageDir, storageKey), pdf);

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const step = async (label: string, sql: string, params: unknown[] = []) => {
      const t = performance.now();
      const result = await client.query(sql, params);
      console.log(`  ${label.padEnd(34)} ${String(result.rowCount ?? '').padStart(9)} rows  ${((performance.now() - t) / 1000).toFixed(1).padStart(5)} s`);
      return result;
    };
    try {
      await client.query(`SET synchronous_commit = off; SET work_mem = '64MB'; SET maintenance_work_mem = '256MB'`);
      // Note: FK triggers off for the bulk load (superuser only); every id below is generated consistently.
      await client.query(`SET session_replication_role = replica`).catch(() => console.log('  (not a superuser: foreign keys are checked row by row, slower)'));
      // A deterministic pseudo-random number in [0, 1) from a text seed: the dataset is the same on every run.
      await client.query(
        `CREATE FUNCTION pg_temp.r(text) RETURNS float8 LANGUAGE sql IMMUTABLE AS $$ SELECT (hashtext($1)::bigint + 2147483648)::float8 / 4294967296 $$`,
      );
      const {
        rows: [term],
      } = await client.query<{ id: string }>(`SELECT "id" FROM "CouncilTerm" WHERE "openedAt" IS NOT NULL ORDER BY "startYear" DESC LIMIT 1`);
      if (!term) throw new Error('no opened council term after the reference seed');
      const pad = `lpad(n::text, 5, '0')`;

      await client.query('BEGIN');
      // 10 000 municipalities on a grid of squares over Latvia's bounding box (20.97–28.24°E, 55.67–58.09°N).
      const cols = Math.ceil(Math.sqrt(MUNICIPALITIES));
      await step(
        'Municipality',
        `
        INSERT INTO "Municipality" ("id", "slug", "nameLv", "officialNameLv", "type", "population", "populationYear", "populationSource",
          "areaKm2Geometry", "boundary", "validFrom", "statusNote", "createdAt", "updatedAt")
        SELECT 'synm' || ${pad}, 'synthetic-' || ${pad}, 'Sintētiska pašvaldība ' || ${pad}, 'Sintētiska pašvaldība ' || ${pad} || ' (sintētiski dati)',
          (CASE WHEN n % 20 = 0 THEN 'STATE_CITY' ELSE 'MUNICIPALITY' END)::"MunicipalityType",
          (800 + pow(pg_temp.r('pop' || n), 3) * 250000)::int, 2024, '${LABEL}',
          round((dx * 0.9 * 111.32 * cos(radians(lat0)) * dy * 0.9 * 111.32)::numeric, 1)::float8,
          jsonb_build_object('type', 'Polygon', 'coordinates', jsonb_build_array(jsonb_build_array(
            jsonb_build_array(round(lon0::numeric, 4), round(lat0::numeric, 4)),
            jsonb_build_array(round((lon0 + dx * 0.9)::numeric, 4), round(lat0::numeric, 4)),
            jsonb_build_array(round((lon0 + dx * 0.9)::numeric, 4), round((lat0 + dy * 0.9)::numeric, 4)),
            jsonb_build_array(round(lon0::numeric, 4), round((lat0 + dy * 0.9)::numeric, 4)),
            jsonb_build_array(round(lon0::numeric, 4), round(lat0::numeric, 4))))),
          DATE '2021-07-01', '${LABEL}', now(), now()
        FROM (
          SELECT n, dx, dy, 20.97 + ((n - 1) % $1::int) * dx AS lon0, 55.67 + ((n - 1) / $1::int) * dy AS lat0
          FROM generate_series(1, $2::int) n, (SELECT (28.24 - 20.97) / $1::float8 AS dx, (58.09 - 55.67) / $1::float8 AS dy) g
        ) s`,
        [cols, MUNICIPALITIES],
      );
      await step(
        'PopulationFigure',
        `
        INSERT INTO "PopulationFigure" ("id", "municipalityId", "year", "value", "source")
        SELECT 'synp' || ${pad} || y, 'synm' || ${pad}, y, (m."population" * (0.96 + 0.01 * (y - 2021)))::int, '${LABEL}'
        FROM generate_series(1, $1::int) n CROSS JOIN generate_series(2021, 2025) y JOIN "Municipality" m ON m."id" = 'synm' || ${pad}`,
        [MUNICIPALITIES],
      );

      // Accessions in the current term for ~70 %: 80 % verified, 8 % awaiting, 4 % withdrawn, 3 % returned, 5 % draft.
      await step(
        '(accession plan)',
        `
        CREATE TEMP TABLE syn_acc AS
        SELECT n, 'synm' || ${pad} AS mid, 'syna' || ${pad} AS id,
          CASE WHEN n = ${Number(BENCH_MUNICIPALITY.slice(-5))} THEN 'VERIFIED'
               WHEN s < 0.80 THEN 'VERIFIED' WHEN s < 0.88 THEN 'SUBMITTED' WHEN s < 0.92 THEN 'WITHDRAWN' WHEN s < 0.95 THEN 'RETURNED' ELSE 'DRAFT' END AS status,
          (TIMESTAMP '2021-08-02 09:00' + (pg_temp.r('day' || n) * 600) * INTERVAL '1 day') AS submitted_at
        FROM (SELECT n, pg_temp.r('acc' || n) AS a, pg_temp.r('st' || n) AS s FROM generate_series(1, $1::int) n) x
        WHERE a < 0.70 OR n = ${Number(BENCH_MUNICIPALITY.slice(-5))}`,
        [MUNICIPALITIES],
      );
      await step(
        'Accession',
        `
        INSERT INTO "Accession" ("id", "municipalityId", "termId", "status", "councilBody", "sessionDate", "sessionType", "decisionNumber", "agendaItem",
          "signatoryName", "signatoryRole", "source", "sourceNote", "isDemo", "returnReason", "withdrawalReason", "submittedAt", "verifiedAt", "withdrawnAt", "createdAt", "updatedAt")
        SELECT a.id, a.mid, $1, a.status::"AccessionStatus", 'Sintētiskās pašvaldības ' || ${pad} || ' dome', (a.submitted_at - INTERVAL '7 days')::date,
          (CASE WHEN n % 5 = 0 THEN 'EXTRAORDINARY' ELSE 'REGULAR' END)::"SessionType", (n % 40 + 1) || '/' || (n % 17 + 1), ((n % 30) + 1)::text,
          'Sintētisks Parakstītājs ' || ${pad}, 'domes priekšsēdētājs', '${LABEL}', 'Synthetic benchmark data (bench/seed-scale.ts), not a real decision.', true,
          CASE WHEN a.status = 'RETURNED' THEN 'Sintētisks atgriešanas iemesls.' END,
          CASE WHEN a.status = 'WITHDRAWN' THEN 'Sintētisks izstāšanās iemesls.' END,
          CASE WHEN a.status <> 'DRAFT' THEN a.submitted_at END,
          CASE WHEN a.status IN ('VERIFIED', 'WITHDRAWN') THEN a.submitted_at + INTERVAL '5 days' END,
          CASE WHEN a.status = 'WITHDRAWN' THEN a.submitted_at + INTERVAL '400 days' END,
          a.submitted_at - INTERVAL '3 days', a.submitted_at + INTERVAL '5 days'
        FROM syn_acc a`,
        [term.id],
      );
      await step(
        'AccessionEvent',
        `
        INSERT INTO "AccessionEvent" ("id", "accessionId", "type", "reason", "at")
        SELECT a.id || '-' || e.type, a.id, e.type::"AccessionEventType", e.reason, a.submitted_at + e.after
        FROM syn_acc a JOIN (VALUES
          ('SUBMITTED', NULL, INTERVAL '0', ARRAY['SUBMITTED', 'RETURNED', 'VERIFIED', 'WITHDRAWN']),
          ('RETURNED', 'Sintētisks atgriešanas iemesls.', INTERVAL '2 days', ARRAY['RETURNED']),
          ('VERIFIED', NULL, INTERVAL '5 days', ARRAY['VERIFIED', 'WITHDRAWN']),
          ('WITHDRAWN', 'Sintētisks izstāšanās iemesls.', INTERVAL '400 days', ARRAY['WITHDRAWN'])
        ) e(type, reason, after, statuses) ON a.status = ANY (e.statuses)`,
      );

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
        [term.id],
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
      const perCommitment = Math.max(2, Math.ceil((ROW_TARGET - indicatorRows) / (reports * commitments.length)));
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

      // Documents: decision + annex of each verified / withdrawn accession, the decision of each awaiting one, the rest evidence of reports.
      const docColumns = `"id", "accessionId", "reportId", "kind", "sha256", "sizeBytes", "mediaType", "storageKey", "originalName", "inspection", "createdAt"`;
      const inspection = JSON.stringify({ kind: 'pdf', warnings: [], signatures: [], synthetic: true });
      const docParams = [sha256, pdf.length, storageKey, inspection];
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
        [...docParams, Math.max(0, DOCUMENTS - accessionDocs), reports],
      );

      // Bench users with a known password.
      const hash = await bcrypt.hash(BENCH_PASSWORD, 10);
      await step(
        'User (bench)',
        `
        INSERT INTO "User" ("id", "email", "name", "role", "municipalityId", "passwordHash", "updatedAt")
        VALUES ('synu-staff', $1, 'Bench Staff (synthetic)', 'STAFF', NULL, $4, now()),
               ('synu-admin', $2, 'Bench Admin (synthetic)', 'ADMIN', NULL, $4, now()),
               ('synu-secretary', $3, 'Bench Secretary (synthetic)', 'SECRETARY', 'synm' || $5, $4, now())`,
        [BENCH_USERS.staff, BENCH_USERS.admin, BENCH_USERS.secretary, hash, BENCH_MUNICIPALITY.slice(-5)],
      );
      await client.query('COMMIT');
      await client.query('SET session_replication_role = DEFAULT').catch(() => undefined);

      // Materialised views (if a migration defines any) are filled now that the data is there.
      const { rows: views } = await client.query<{ name: string }>(
        `SELECT quote_ident(schemaname) || '.' || quote_ident(matviewname) AS name FROM pg_matviews WHERE schemaname = 'public'`,
      );
      for (const v of views) await step(`REFRESH ${v.name}`, `REFRESH MATERIALIZED VIEW ${v.name}`);
      await step('VACUUM ANALYZE', 'VACUUM (ANALYZE)');

      const { rows: counts } = await client.query<{ table: string; rows: string }>(`
        SELECT t AS "table", (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I', t), false, true, '')))[1]::text AS rows
        FROM unnest(ARRAY['Municipality', 'PopulationFigure', 'Accession', 'AccessionEvent', 'ProgressReport', 'ReportCommitment', 'ReportAction', 'ReportIndicator', 'Document', 'User']) t`);
      const byTable = Object.fromEntries(counts.map((c) => [c.table, Number(c.rows)]));
      const {
        rows: [size],
      } = await client.query<{ size: string }>(`SELECT pg_size_pretty(pg_database_size(current_database())) AS size`);
      console.log('\nRows (whole database, reference data included):');
      for (const [table, rows] of Object.entries(byTable)) console.log(`  ${table.padEnd(18)} ${String(rows).padStart(9)}`);
      console.log(`  action + indicator rows: ${(byTable.ReportAction ?? 0) + (byTable.ReportIndicator ?? 0)}; database size ${size?.size}`);
      console.log(`\nBench sign-in: ${BENCH_USERS.staff} / ${BENCH_PASSWORD} (also ${BENCH_USERS.admin}, ${BENCH_USERS.secretary})`);
      console.log(
        `Stored document: ${path.relative(process.cwd(), path.join(storageDir, storageKey))} (STORAGE_DIR=${path.relative(process.cwd(), storageDir)})`,
      );
      console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await client.end();
    }
  } finally {
    await server.stop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

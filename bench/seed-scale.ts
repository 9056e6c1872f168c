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
import { ensureDatabase } from '../lib/db/embedded';
import { BENCH_MUNICIPALITY, BENCH_PASSWORD, BENCH_USERS, LABEL, SCALE_DB, SCALE_STORAGE_DIR, openScaleServer } from './scale-db';
import { seedSyntheticDocuments, seedSyntheticReports } from './seed-scale-reports';

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

      const reports = await seedSyntheticReports({ client, step, termId: term.id, rowTarget: ROW_TARGET });
      await seedSyntheticDocuments({ client, step, file: { sha256, size: pdf.length, storageKey }, documents: DOCUMENTS, reports });

      await client.query('COMMIT');
      await client.query('SET session_replication_role = DEFAULT').catch(() => undefined);

      // Bench users with a known password, through the shared factories (lib/seed/factories): three rows, no set-based SQL needed.
      const { createUser } = await import('../lib/seed/factories');
      const passwordHash = await bcrypt.hash(BENCH_PASSWORD, 10);
      const users = [
        { role: 'STAFF', email: BENCH_USERS.staff, name: 'Bench Staff (synthetic)' },
        { role: 'ADMIN', email: BENCH_USERS.admin, name: 'Bench Admin (synthetic)' },
        { role: 'SECRETARY', email: BENCH_USERS.secretary, name: 'Bench Secretary (synthetic)', municipalityId: `synm${BENCH_MUNICIPALITY.slice(-5)}` },
      ] as const;
      for (const user of users) await createUser(db(), { ...user, passwordHash });
      await disconnectDb();

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

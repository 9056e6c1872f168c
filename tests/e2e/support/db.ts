import bcrypt from 'bcryptjs';
import path from 'node:path';
import pg from 'pg';
import { currentE2EWorker } from './workers';

let pool: pg.Pool | undefined;

/** This worker's own end-to-end database, the one its server serves (tests/e2e/support/workers.ts, ADR 0200). */
export function sql(): pg.Pool {
  pool ??= new pg.Pool({ connectionString: currentE2EWorker().databaseUrl, max: 2 });
  return pool;
}

let n = 0;
export type TestUser = { id: string; email: string; password: string; role: 'SECRETARY' | 'STAFF' | 'ADMIN'; municipalityId: string | null };

/**
 * Creates a user with a unique e-mail straight in the database (tests log in through the API): the one user
 * factory of the end-to-end specs, in the shared database or in a spec's own (`database`).
 */
export async function createUser(role: TestUser['role'], municipalitySlug?: string, database: pg.Pool = sql()): Promise<TestUser> {
  n += 1;
  const email = `${role.toLowerCase()}-${process.pid}-${n}-${Date.now()}@e2e.test`;
  const password = `pw-${role}-${n}-long-enough`;
  const municipalityId = municipalitySlug ? await municipalityIdOf(municipalitySlug, database) : null;
  const id = `e2e${process.pid}x${n}x${Date.now()}`;
  await database.query(
    `INSERT INTO "User" ("id", "email", "name", "role", "municipalityId", "passwordHash", "updatedAt") VALUES ($1, $2, $3, $4, $5, $6, now())`,
    [id, email, `E2E ${role} ${n}`, role, municipalityId, bcrypt.hashSync(password, 4)],
  );
  return { id, email, password, role, municipalityId };
}

/**
 * Tells the server's caches that the tests changed data behind its back, as
 * the app's own writes do (lib/cache-bus/notify.ts): without it a public page
 * another test already cached would be served stale. PostgreSQL delivers the
 * notification to the server's listener asynchronously; the short wait lets
 * it arrive before the next request.
 */
export async function announceChange(): Promise<void> {
  await sql().query(`SELECT pg_notify('memorands_cache', 'public')`);
  await new Promise((resolve) => setTimeout(resolve, 150));
}

export async function municipalityIdOf(slug: string, database: pg.Pool = sql()): Promise<string> {
  const { rows } = await database.query<{ id: string }>('SELECT "id" FROM "Municipality" WHERE "slug" = $1', [slug]);
  if (!rows[0]) throw new Error(`no municipality ${slug}`);
  return rows[0].id;
}

/** The highest audit event id now (ids only grow: a row written by a later request has a greater id). */
export async function lastAuditId(): Promise<string> {
  const { rows } = await sql().query<{ id: string }>('SELECT COALESCE(max("id"), 0)::text AS "id" FROM "AuditEvent"');
  return rows[0]!.id;
}

/**
 * The actions of the audit events written after `sinceId` by one actor or
 * naming one subject, oldest first: the rows of one request when the actor
 * (or subject) belongs to the calling test alone.
 */
export async function auditActionsSince(sinceId: string, by: { actorId: string } | { subjectId: string }): Promise<string[]> {
  const [column, value] = 'actorId' in by ? ['actorId', by.actorId] : ['subjectId', by.subjectId];
  const { rows } = await sql().query<{ action: string }>(`SELECT "action" FROM "AuditEvent" WHERE "id" > $1::bigint AND "${column}" = $2 ORDER BY "id"`, [
    sinceId,
    value,
  ]);
  return rows.map((r) => r.action);
}

/** The storage folder of this worker's server. */
export function e2eStorageDir(): string {
  return currentE2EWorker().storageDir;
}

/** The id of the current (2021–2025, as seeded) council term. */
export async function currentTermId(): Promise<string> {
  const { rows } = await sql().query<{ id: string }>(`SELECT "id" FROM "CouncilTerm" WHERE "openedAt" IS NOT NULL ORDER BY "startYear" DESC LIMIT 1`);
  return rows[0]!.id;
}

/**
 * Puts a municipality's accession for the current term into `status` with
 * complete decision facts and no documents; returns its id and version.
 */
export async function resetAccession(
  slug: string,
  status: 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'VERIFIED' | 'WITHDRAWN',
): Promise<{ id: string; version: number }> {
  const municipalityId = await municipalityIdOf(slug);
  const termId = await currentTermId();
  const id = `acc${municipalityId.slice(-8)}${termId.slice(-6)}`;
  await sql().query(`DELETE FROM "Document" WHERE "accessionId" IN (SELECT "id" FROM "Accession" WHERE "municipalityId" = $1 AND "termId" = $2)`, [
    municipalityId,
    termId,
  ]);
  await sql().query(`DELETE FROM "Accession" WHERE "municipalityId" = $1 AND "termId" = $2`, [municipalityId, termId]);
  await sql().query(
    `INSERT INTO "Accession" ("id", "municipalityId", "termId", "status", "councilBody", "sessionDate", "sessionType", "decisionNumber", "signatoryName", "signatoryRole", "version", "updatedAt")
     VALUES ($1, $2, $3, $4, 'Testa dome', '2021-09-01', 'REGULAR', '1/1', 'Testa Parakstītājs', 'priekšsēdētājs', 3, now())`,
    [id, municipalityId, termId, status],
  );
  await announceChange();
  return { id, version: 3 };
}

/** Stores `bytes` as a document of the accession (file in the e2e storage folder and its row). */
export async function insertDocument(accessionId: string, bytes: Uint8Array, kind: 'DECISION' | 'ANNEX' = 'DECISION'): Promise<string> {
  const { createHash } = await import('node:crypto');
  const { mkdir, writeFile } = await import('node:fs/promises');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const key = `sha256/${sha256.slice(0, 2)}/${sha256}`;
  await mkdir(path.join(e2eStorageDir(), path.dirname(key)), { recursive: true });
  await writeFile(path.join(e2eStorageDir(), key), bytes);
  const id = `doc${Date.now()}${(n += 1)}`;
  await sql().query(
    `INSERT INTO "Document" ("id", "accessionId", "kind", "sha256", "sizeBytes", "mediaType", "storageKey", "originalName", "inspection") VALUES ($1, $2, $3, $4, $5, 'application/pdf', $6, 'lēmums.pdf', $7)`,
    [id, accessionId, kind, sha256, bytes.length, key, JSON.stringify({ kind: 'pdf', warnings: [], signatures: [] })],
  );
  return id;
}

export async function documentCount(): Promise<number> {
  const { rows } = await sql().query<{ n: number }>('SELECT count(*)::int AS n FROM "Document"');
  return rows[0]!.n;
}

/**
 * Makes the municipality a verified signatory of the current term and puts
 * its report for `year` into `status` (revision 1, version 3, empty sections).
 */
export async function resetReport(
  slug: string,
  year: number,
  status: 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'ACCEPTED',
): Promise<{ id: string; version: number }> {
  await resetAccession(slug, 'VERIFIED');
  const municipalityId = await municipalityIdOf(slug);
  const { rows } = await sql().query<{ id: string }>(`SELECT p."id" FROM "ReportingPeriod" p WHERE p."year" = $1 AND p."termId" = $2`, [
    year,
    await currentTermId(),
  ]);
  const periodId = rows[0]!.id;
  await sql().query(`DELETE FROM "ProgressReport" WHERE "municipalityId" = $1`, [municipalityId]);
  const id = `rep${Date.now()}${(n += 1)}`;
  await sql().query(`INSERT INTO "ProgressReport" ("id", "municipalityId", "periodId", "status", "version", "updatedAt") VALUES ($1, $2, $3, $4, 3, now())`, [
    id,
    municipalityId,
    periodId,
    status,
  ]);
  for (const key of ['resources', 'staff', 'cooperation']) {
    await sql().query(`INSERT INTO "ReportCommitment" ("id", "reportId", "commitmentKey") VALUES ($1, $2, $3)`, [`${id}${key}`, id, key]);
  }
  await announceChange();
  return { id, version: 3 };
}

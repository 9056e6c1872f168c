import bcrypt from 'bcryptjs';
import path from 'node:path';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../../lib/generated/prisma/client';
import { localStorage } from '../../../lib/storage';
import { createAccession, createDocument, createReport, createUser as createUserRow, type Client } from '../../../lib/seed/factories';
import { currentE2EWorker } from './workers';

let pool: pg.Pool | undefined;
const clients = new Map<string, PrismaClient>();

/**
 * A Prisma client on the same database as `database` (one per connection string, two connections at most),
 * for the shared row factories (lib/seed/factories), as lib/db/client.ts builds the app's.
 */
function prismaOn(database: pg.Pool = sql()): Client {
  const url = database.options.connectionString!;
  let client = clients.get(url);
  if (!client) {
    client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }) });
    clients.set(url, client);
  }
  return client;
}

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
  const password = `pw-${role}-${n}-long-enough`;
  // Note: bcrypt at cost 4 here, as the e2e servers hash (BCRYPT_COST=4 in playwright.config.ts).
  const user = await createUserRow(prismaOn(database), {
    role,
    municipalitySlug,
    emailDomain: 'e2e.test',
    name: `E2E ${role} ${n}`,
    password,
    passwordHash: bcrypt.hashSync(password, 4),
  });
  return { id: user.id, email: user.email, password, role, municipalityId: user.municipalityId };
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

async function currentTermSlug(): Promise<string> {
  const { rows } = await sql().query<{ slug: string }>(`SELECT "slug" FROM "CouncilTerm" WHERE "openedAt" IS NOT NULL ORDER BY "startYear" DESC LIMIT 1`);
  return rows[0]!.slug;
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
  await sql().query(`DELETE FROM "Document" WHERE "accessionId" IN (SELECT "id" FROM "Accession" WHERE "municipalityId" = $1 AND "termId" = $2)`, [
    municipalityId,
    termId,
  ]);
  await sql().query(`DELETE FROM "Accession" WHERE "municipalityId" = $1 AND "termId" = $2`, [municipalityId, termId]);
  // Complete test facts (lib/seed/factories testDecisionFacts: session on 2021-09-01 in the 2021–2025 term), version 3.
  const { id, version } = await createAccession(prismaOn(), { municipalityId, termId, status, data: { version: 3 } });
  await announceChange();
  return { id, version };
}

/** Stores `bytes` as a document of the accession (file in the e2e storage folder and its row). */
export async function insertDocument(accessionId: string, bytes: Uint8Array, kind: 'DECISION' | 'ANNEX' = 'DECISION'): Promise<string> {
  const dir = e2eStorageDir();
  const store = { storage: localStorage(dir), tempFolder: path.join(dir, 'tmp') };
  return (await createDocument(prismaOn(), { accessionId, bytes, kind, store })).id;
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
  await sql().query(`DELETE FROM "ProgressReport" WHERE "municipalityId" = $1`, [municipalityId]);
  const { id, version } = await createReport(prismaOn(), { municipalityId, termSlug: await currentTermSlug(), year, status, data: { version: 3 } });
  await announceChange();
  return { id, version };
}

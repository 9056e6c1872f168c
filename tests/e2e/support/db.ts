import bcrypt from 'bcryptjs';
import pg from 'pg';

let pool: pg.Pool | undefined;

/** The end-to-end database (scripts/with-test-db.ts sets DATABASE_URL). */
export function sql(): pg.Pool {
  pool ??= new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  return pool;
}

let n = 0;
export type TestUser = { id: string; email: string; password: string; role: 'SECRETARY' | 'STAFF' | 'ADMIN'; municipalityId: string | null };

/** Creates a user with a unique e-mail straight in the database (tests log in through the API). */
export async function createUser(role: TestUser['role'], municipalitySlug?: string): Promise<TestUser> {
  n += 1;
  const email = `${role.toLowerCase()}-${process.pid}-${n}-${Date.now()}@e2e.test`;
  const password = `pw-${role}-${n}-long-enough`;
  const municipalityId = municipalitySlug ? await municipalityIdOf(municipalitySlug) : null;
  const id = `e2e${process.pid}x${n}x${Date.now()}`;
  await sql().query(
    `INSERT INTO "User" ("id", "email", "name", "role", "municipalityId", "passwordHash", "updatedAt") VALUES ($1, $2, $3, $4, $5, $6, now())`,
    [id, email, `E2E ${role} ${n}`, role, municipalityId, bcrypt.hashSync(password, 4)],
  );
  return { id, email, password, role, municipalityId };
}

export async function municipalityIdOf(slug: string): Promise<string> {
  const { rows } = await sql().query<{ id: string }>('SELECT "id" FROM "Municipality" WHERE "slug" = $1', [slug]);
  if (!rows[0]) throw new Error(`no municipality ${slug}`);
  return rows[0].id;
}

export async function auditCount(): Promise<number> {
  const { rows } = await sql().query<{ n: number }>('SELECT count(*)::int AS n FROM "AuditEvent"');
  return rows[0]!.n;
}

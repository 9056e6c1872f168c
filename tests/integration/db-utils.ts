import { db } from '@/lib/db/client';
import { seedReference } from '@/lib/seed/reference';
import { createUser as createUserRow } from '@/lib/seed/factories';
import type { Actor } from '@/lib/authz';

/** Empties every table but the migrations log, then seeds the reference data. */
export async function resetDatabase(): Promise<void> {
  const tables = await db().$queryRaw<{ tablename: string }[]>`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_migrations'`;
  if (tables.length) await db().$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`);
  await seedReference(db());
}

/** Creates a user with a unique e-mail (the shared factory, lib/seed/factories); a secretary is bound to `municipalitySlug`. */
export async function createUser(opts: { role: Actor['role']; municipalitySlug?: string; password?: string; isActive?: boolean }) {
  const { id, email, role, municipalityId } = await createUserRow(db(), opts);
  return { id, email, role, municipalityId };
}

export function actorOf(user: { id: string; role: Actor['role']; municipalityId: string | null }): Actor {
  return { id: user.id, role: user.role, municipalityId: user.municipalityId };
}

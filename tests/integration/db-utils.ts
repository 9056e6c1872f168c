import { db } from '@/lib/db/client';
import { hashPassword } from '@/lib/auth/password';
import { seedReference } from '@/lib/seed/reference';
import type { Actor } from '@/lib/authz';

/** Empties every table but the migrations log, then seeds the reference data. */
export async function resetDatabase(): Promise<void> {
  const tables = await db().$queryRaw<{ tablename: string }[]>`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_migrations'`;
  if (tables.length) await db().$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`);
  await seedReference(db());
}

let counter = 0;
/** Creates a user with a unique e-mail; a secretary is bound to `municipalitySlug`. */
export async function createUser(opts: { role: Actor['role']; municipalitySlug?: string; password?: string; isActive?: boolean }) {
  counter += 1;
  const municipality = opts.municipalitySlug
    ? await db().municipality.findUniqueOrThrow({ where: { slug: opts.municipalitySlug }, select: { id: true } })
    : null;
  const user = await db().user.create({
    data: {
      email: `${opts.role.toLowerCase()}-${counter}-${Date.now()}@example.test`,
      name: `Test ${opts.role} ${counter}`,
      role: opts.role,
      municipalityId: municipality?.id ?? null,
      passwordHash: await hashPassword(opts.password ?? 'correct horse battery'),
      isActive: opts.isActive ?? true,
    },
    select: { id: true, email: true, role: true, municipalityId: true },
  });
  return user;
}

export function actorOf(user: { id: string; role: Actor['role']; municipalityId: string | null }): Actor {
  return { id: user.id, role: user.role, municipalityId: user.municipalityId };
}

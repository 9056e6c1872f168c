import { randomBytes } from 'node:crypto';
import type { Db } from '@/lib/db/client';
import { hashPassword } from '@/lib/auth/password';
import { writeAudit } from '@/lib/audit';
import { rolesWith } from '@/lib/authz';

export const BOOTSTRAP_EMAIL = 'admin@memorands.local';

/**
 * Creates the first association account when none exists, with a random
 * password that is returned once (the caller prints and stores it).
 */
export async function ensureBootstrapAdmin(db: Db): Promise<{ email: string; password: string } | null> {
  const existing = await db.user.count({ where: { role: { in: [...rolesWith('staff.view')] } } });
  if (existing > 0) return null;
  const password = randomBytes(12).toString('base64url');
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email: BOOTSTRAP_EMAIL, name: 'Portāla administrators', role: 'ADMIN', passwordHash }, select: { id: true } });
    await writeAudit(tx, { actor: null, action: 'user.bootstrap', subjectType: 'User', subjectId: user.id, after: { email: BOOTSTRAP_EMAIL, role: 'ADMIN' } });
  });
  return { email: BOOTSTRAP_EMAIL, password };
}

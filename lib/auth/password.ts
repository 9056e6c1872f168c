import { randomBytes } from 'node:crypto';
import { env } from '@/lib/env';
import { bcryptCompare, bcryptHash } from './bcrypt-pool';

/** bcrypt hash of a password at the configured cost (in a worker thread, lib/auth/bcrypt-pool.ts). */
export function hashPassword(password: string): Promise<string> {
  return bcryptHash(password, env.BCRYPT_COST);
}

// Note: a real hash at the configured cost, made once. The former constant was
// 61 characters long, which bcryptjs refuses at once, so an unknown e-mail
// answered faster than a known one (and cost nothing to flood).
let dummyHash: Promise<string> | undefined;

/** Constant-time comparison against a stored hash; a missing hash still costs one compare at the same cost. */
export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  const ok = await bcryptCompare(password, hash ?? (await dummyHash));
  return Boolean(hash) && ok;
}

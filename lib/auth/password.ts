import bcrypt from 'bcryptjs';
import { env } from '@/lib/env';

/** bcrypt hash of a password at the configured cost. */
export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, env.BCRYPT_COST);
}

/** Constant-time comparison against a stored hash; a missing hash still costs one compare. */
export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  const ok = await bcrypt.compare(password, hash ?? '$2b$12$invalidinvalidinvalidinuJ3yVt4m9C0H1b3tAAAAAAAAAAAAAAA');
  return Boolean(hash) && ok;
}

import { db } from '@/lib/db/client';
import { writeAudit } from '@/lib/audit';
import { verifyPassword } from './password';
import { ACCOUNT_LIMIT, ADDRESS_LIMIT, accountKey, addressKey, clearFailures, lockedFor, recordFailure } from './throttle';

export type SignInOutcome =
  | { ok: true; user: { id: string; email: string; name: string; role: 'SECRETARY' | 'STAFF' | 'ADMIN'; sessionVersion: number } }
  | { ok: false; reason: 'invalid' | 'inactive' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks an e-mail and password. Refuses without checking the password while
 * the account or the address is locked; counts failures for both.
 */
export async function verifyCredentials(input: { email: string; password: string; ip: string }): Promise<SignInOutcome> {
  const email = normaliseEmail(input.email);
  const keys = [accountKey(email), addressKey(input.ip)];
  const database = db();
  const wait = await lockedFor(database, keys);
  if (wait > 0) return { ok: false, reason: 'throttled', retryAfterSeconds: wait };

  const user = await database.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, isActive: true, sessionVersion: true, passwordHash: true, municipalityId: true },
  });
  const passwordOk = await verifyPassword(input.password, user?.passwordHash ?? null);
  if (!user || !passwordOk) {
    await recordFailure(database, [{ key: keys[0]!, limit: ACCOUNT_LIMIT }, { key: keys[1]!, limit: ADDRESS_LIMIT }]);
    await database.$transaction((tx) => writeAudit(tx, { actor: null, action: 'auth.sign-in-failed', subjectType: 'User', subjectId: user?.id ?? null, after: { email } }));
    return { ok: false, reason: 'invalid' };
  }
  if (!user.isActive) return { ok: false, reason: 'inactive' };
  await clearFailures(database, keys[0]!);
  await database.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
    await writeAudit(tx, { actor: { id: user.id, role: user.role, municipalityId: user.municipalityId }, action: 'auth.sign-in', subjectType: 'User', subjectId: user.id, municipalityId: user.municipalityId });
  });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion } };
}

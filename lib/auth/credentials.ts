import { db } from '@/lib/db/client';
import type { RoleName } from '@/lib/authz';
import { mutate } from '@/lib/mutations';
import { verifyPassword } from './password';
import { clearAttempts, consumeAttempts, lockedFor, refundAttempt } from './throttle';

export type SignInOutcome =
  | { ok: true; user: { id: string; email: string; name: string; role: RoleName; sessionVersion: number } }
  | { ok: false; reason: 'invalid' | 'inactive' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The throttle keys of a sign-in attempt: the account and the client address. */
export function signInAttempts(email: string, ip: string) {
  return [
    { scope: 'sign-in-account' as const, key: normaliseEmail(email) },
    { scope: 'sign-in-address' as const, key: ip },
  ];
}

/** Seconds a sign-in for this account or from this address must wait (read only; 0: go ahead to verifyCredentials). */
export function signInLockedFor(email: string, ip: string): Promise<number> {
  return lockedFor(signInAttempts(email, ip));
}

/**
 * Checks an e-mail and password. Each attempt is counted per account and per
 * address before the password is hashed (atomically, so concurrent attempts
 * count exactly); over either limit it is refused without checking. A
 * success ends the account's count and gives the address its attempt back.
 */
export async function verifyCredentials(input: { email: string; password: string; ip: string }): Promise<SignInOutcome> {
  const email = normaliseEmail(input.email);
  const [account, address] = signInAttempts(email, input.ip) as [{ scope: 'sign-in-account'; key: string }, { scope: 'sign-in-address'; key: string }];
  const database = db();
  const allowed = await consumeAttempts([account, address]);
  if (!allowed.ok) return { ok: false, reason: 'throttled', retryAfterSeconds: allowed.retryAfterSeconds };

  const user = await database.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, isActive: true, sessionVersion: true, passwordHash: true, municipalityId: true },
  });
  const passwordOk = await verifyPassword(input.password, user?.passwordHash ?? null);
  if (!user || !passwordOk) {
    await mutate({ actor: null, permission: 'anyone' }, ({ audit }) =>
      audit({ action: 'auth.sign-in-failed', subjectType: 'User', subjectId: user?.id ?? null, after: { email } }),
    );
    return { ok: false, reason: 'invalid' };
  }
  await clearAttempts(account);
  await refundAttempt(address);
  if (!user.isActive) return { ok: false, reason: 'inactive' };
  await mutate({ actor: null, permission: 'anyone' }, async ({ tx, audit }) => {
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
    await audit({
      actor: { id: user.id, role: user.role, municipalityId: user.municipalityId },
      action: 'auth.sign-in',
      subjectType: 'User',
      subjectId: user.id,
      municipalityId: user.municipalityId,
    });
  });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion } };
}

import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { mutate } from '@/lib/mutations';
import { enqueueMail } from '@/lib/mail/outbox';
import { hashPassword } from './password';
import { consumeAttempts, THROTTLE_RULES } from './throttle';
import { normaliseEmail } from './credentials';
import type { TPasswordReset } from '@/lib/schemas/password-reset';

/** How long an e-mailed reset link works. */
export const RESET_TTL_MS = 60 * 60 * 1000;
/** Reset e-mails per account within its window (lib/auth/throttle's 'password-reset-account' rule). */
export const RESET_ACCOUNT_LIMIT = THROTTLE_RULES['password-reset-account'].limit;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Counts one reset request against the account and the client address and
 * refuses (429) while either is over its limit. Note: one call to the one
 * atomic throttle of lib/auth/throttle.ts (its password-reset scopes).
 */
async function throttleResetRequest(email: string, ip: string): Promise<void> {
  const outcome = await consumeAttempts([
    { scope: 'password-reset-account', key: email },
    { scope: 'password-reset-address', key: ip },
  ]);
  if (!outcome.ok) throw new AppError('TOO_MANY_REQUESTS', 'auth.throttled', { retryAfterSeconds: outcome.retryAfterSeconds });
}

/**
 * "Forgot password". The answer is the same whether or not the address
 * belongs to an active account (the caller always says "if the address is
 * registered, a link was sent"); only then is a single-use link valid for an
 * hour written to the outbox, in the user's language, and audited. Only the
 * token's sha256 is stored. Throttled per address and per client.
 */
export async function requestPasswordReset({ email: rawEmail, ip, now = new Date() }: { email: string; ip: string; now?: Date }): Promise<void> {
  const email = normaliseEmail(rawEmail);
  await throttleResetRequest(email, ip);
  const user = await db().user.findUnique({
    where: { email },
    select: { id: true, email: true, role: true, locale: true, isActive: true, municipalityId: true, passwordHash: true },
  });
  if (!user || !user.isActive || !user.passwordHash) return;
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + RESET_TTL_MS);
  await mutate({ actor: null, permission: 'anyone' }, async ({ tx, audit, mail }) => {
    const reset = await tx.passwordReset.create({ data: { userId: user.id, tokenHash: hashToken(token), expiresAt }, select: { id: true } });
    await mail((tx) =>
      enqueueMail(tx, {
        kind: 'password.reset',
        to: { email: user.email, userId: user.id, locale: user.locale },
        vars: { municipality: '', path: `/reset-password/${token}`, expiresAt: expiresAt.toISOString() },
      }),
    );
    await audit({
      action: 'auth.password-reset-requested',
      subjectType: 'User',
      subjectId: user.id,
      municipalityId: user.municipalityId,
      after: { resetId: reset.id },
    });
  });
}

/** Whether a reset link can still be used (for the page: valid, or used / expired / unknown, all told apart only as "not valid"). */
export async function isResetTokenUsable(token: string, now = new Date()): Promise<boolean> {
  if (token.length < 20 || token.length > 200) return false;
  const reset = await db().passwordReset.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { usedAt: true, expiresAt: true, user: { select: { isActive: true } } },
  });
  return Boolean(reset && !reset.usedAt && reset.expiresAt > now && reset.user.isActive);
}

/**
 * Sets a new password through an e-mailed link, exactly once: the link is
 * claimed by a compare-and-set in the same transaction as the new password;
 * every other open reset link of the user dies with it, and the session
 * version goes up, so every session of the user ends (as deactivation does).
 * A used, expired or unknown link is a 410.
 */
export async function resetPassword({ input, now = new Date() }: { input: TPasswordReset; now?: Date }): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  await mutate({ actor: null, permission: 'anyone' }, async ({ tx, audit, mail }) => {
    const reset = await tx.passwordReset.findUnique({
      where: { tokenHash: hashToken(input.token) },
      select: { id: true, userId: true, user: { select: { role: true, municipalityId: true, isActive: true, email: true, locale: true } } },
    });
    if (!reset || !reset.user.isActive) throw new AppError('GONE', 'secretaryYear.resetInvalid');
    const claimed = await tx.passwordReset.updateMany({ where: { id: reset.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (claimed.count !== 1) throw new AppError('GONE', 'secretaryYear.resetInvalid');
    await tx.passwordReset.updateMany({ where: { userId: reset.userId, usedAt: null }, data: { usedAt: now } });
    await tx.user.update({ where: { id: reset.userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    // The owner hears of every change of their password: a reset they did not make is then noticed.
    await mail((tx) =>
      enqueueMail(tx, {
        kind: 'password.changed',
        to: { email: reset.user.email, userId: reset.userId, locale: reset.user.locale },
        vars: { municipality: '', path: '/signin' },
      }),
    );
    await audit({
      actor: { id: reset.userId, role: reset.user.role, municipalityId: reset.user.municipalityId },
      action: 'auth.password-reset',
      subjectType: 'User',
      subjectId: reset.userId,
      municipalityId: reset.user.municipalityId,
      after: { resetId: reset.id, sessionsEnded: true },
    });
  });
}

import { db as defaultDb, type Db } from '@/lib/db/client';

/**
 * Attempt throttles (sign-in, invitation acceptance, password reset), kept
 * in the "SignInThrottle" table, one row per scope and key.
 *
 * Note: an attempt is counted *before* the expensive work (bcrypt), by one
 * row upsert that PostgreSQL serialises on the row: of 30 concurrent
 * attempts against a limit of 5, exactly 5 get through. Checking first and
 * counting after the work (as before issue 17) let concurrent attempts
 * through. A successful attempt gives its count back (refundAttempt) or ends
 * the throttle (clearAttempts).
 */
export type ThrottleScope = 'sign-in-account' | 'sign-in-address' | 'invitation-accept-address' | 'password-reset-account' | 'password-reset-address';

export type ThrottleRule = { limit: number; windowMs: number; lockMs: number };

const MINUTE = 60 * 1000;
/** Failed sign-ins allowed per account within the window before it locks. */
export const ACCOUNT_LIMIT = 5;
/** Per address the limit is higher: offices share one address. */
export const ADDRESS_LIMIT = 20;
export const WINDOW_MS = 15 * MINUTE;
export const LOCK_MS = 15 * MINUTE;

export const THROTTLE_RULES: Record<ThrottleScope, ThrottleRule> = {
  'sign-in-account': { limit: ACCOUNT_LIMIT, windowMs: WINDOW_MS, lockMs: LOCK_MS },
  'sign-in-address': { limit: ADDRESS_LIMIT, windowMs: WINDOW_MS, lockMs: LOCK_MS },
  // An invitee needs one or two tries; a flood of guessed tokens from one address stops at 20.
  'invitation-accept-address': { limit: 20, windowMs: WINDOW_MS, lockMs: LOCK_MS },
  'password-reset-account': { limit: 5, windowMs: 60 * MINUTE, lockMs: 60 * MINUTE },
  'password-reset-address': { limit: 20, windowMs: WINDOW_MS, lockMs: LOCK_MS },
};

export type AttemptOutcome = { ok: true } | { ok: false; retryAfterSeconds: number };

const rowKey = (scope: ThrottleScope, key: string) => `${scope}:${key}`;

/**
 * Counts one attempt for `key` in `scope` and says whether it may go ahead.
 * Atomic (one statement): concurrent attempts are counted exactly. The
 * attempt over the limit locks the key for the scope's lock time; while
 * locked nothing is counted. Call it before any expensive work.
 */
export async function consumeAttempt({
  scope,
  key,
  now = new Date(),
  database = defaultDb(),
}: {
  scope: ThrottleScope;
  key: string;
  now?: Date;
  database?: Db;
}): Promise<AttemptOutcome> {
  const { limit, windowMs, lockMs } = THROTTLE_RULES[scope];
  const windowStart = new Date(now.getTime() - windowMs);
  const lockUntil = new Date(now.getTime() + lockMs);
  const id = rowKey(scope, key);
  // Note: "t" is the row before the update; the CASEs compute the new count once (n) and lock when it passes the limit.
  const rows = await database.$queryRaw<{ lockedUntil: Date | null }[]>`
    INSERT INTO "SignInThrottle" AS t ("key", "failures", "windowStart")
    VALUES (${id}, 1, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE
        WHEN t."lockedUntil" > ${now} THEN t."failures"
        WHEN t."windowStart" < ${windowStart} THEN 1
        WHEN t."failures" + 1 > ${limit} THEN 0
        ELSE t."failures" + 1 END,
      "windowStart" = CASE
        WHEN t."lockedUntil" > ${now} THEN t."windowStart"
        WHEN t."windowStart" < ${windowStart} THEN ${now}
        WHEN t."failures" + 1 > ${limit} THEN ${now}
        ELSE t."windowStart" END,
      "lockedUntil" = CASE
        WHEN t."lockedUntil" > ${now} THEN t."lockedUntil"
        WHEN t."windowStart" >= ${windowStart} AND t."failures" + 1 > ${limit} THEN ${lockUntil}::timestamp
        ELSE NULL END
    RETURNING t."lockedUntil"`;
  const lockedUntil = rows[0]?.lockedUntil;
  if (lockedUntil && lockedUntil.getTime() > now.getTime())
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000)) };
  return { ok: true };
}

/**
 * Seconds until the first of `attempts` unlocks, or 0 when none is locked.
 * Read only: a cheap refusal before any work (Auth.js, bcrypt) while a key
 * is locked. It does not replace consumeAttempt, which alone counts.
 */
export async function lockedFor(attempts: { scope: ThrottleScope; key: string }[], now = new Date(), database: Db = defaultDb()): Promise<number> {
  const rows = await database.signInThrottle.findMany({
    where: { key: { in: attempts.map((a) => rowKey(a.scope, a.key)) }, lockedUntil: { gt: now } },
    select: { lockedUntil: true },
  });
  const until = Math.max(0, ...rows.map((r) => r.lockedUntil!.getTime()));
  return until > 0 ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

/** Counts attempts for several keys; if one refuses, the others get their count back (an attempt that never ran costs nothing). */
export async function consumeAttempts(
  attempts: { scope: ThrottleScope; key: string }[],
  now = new Date(),
  database: Db = defaultDb(),
): Promise<AttemptOutcome> {
  const taken: { scope: ThrottleScope; key: string }[] = [];
  for (const attempt of attempts) {
    const outcome = await consumeAttempt({ ...attempt, now, database });
    if (!outcome.ok) {
      for (const t of taken) await refundAttempt({ ...t, database });
      return outcome;
    }
    taken.push(attempt);
  }
  return { ok: true };
}

/** Gives back one counted attempt (it succeeded, or never ran). */
export async function refundAttempt({ scope, key, database = defaultDb() }: { scope: ThrottleScope; key: string; database?: Db }): Promise<void> {
  await database.$executeRaw`UPDATE "SignInThrottle" SET "failures" = "failures" - 1 WHERE "key" = ${rowKey(scope, key)} AND "failures" > 0 AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${new Date()})`;
}

/** Forgets every attempt of `key` in `scope` (an account after a successful sign-in). */
export async function clearAttempts({ scope, key, database = defaultDb() }: { scope: ThrottleScope; key: string; database?: Db }): Promise<void> {
  await database.$executeRaw`DELETE FROM "SignInThrottle" WHERE "key" = ${rowKey(scope, key)}`;
}

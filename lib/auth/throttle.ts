import type { Db } from '@/lib/db/client';

/** Failed sign-ins allowed per account within the window before it locks. */
export const ACCOUNT_LIMIT = 5;
/** Per address the limit is higher: offices share one address. */
export const ADDRESS_LIMIT = 20;
export const WINDOW_MS = 15 * 60 * 1000;
export const LOCK_MS = 15 * 60 * 1000;

export const accountKey = (email: string) => `account:${email}`;
export const addressKey = (ip: string) => `address:${ip}`;

/** Seconds until the first of `keys` unlocks, or 0 when none is locked. */
export async function lockedFor(db: Db, keys: string[], now = new Date()): Promise<number> {
  const rows = await db.signInThrottle.findMany({ where: { key: { in: keys }, lockedUntil: { gt: now } }, select: { lockedUntil: true } });
  const until = Math.max(0, ...rows.map((r) => r.lockedUntil!.getTime()));
  return until > 0 ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

/** Counts one failure for each key (atomically) and locks those over their limit. */
export async function recordFailure(db: Db, keys: { key: string; limit: number }[], now = new Date()): Promise<void> {
  const windowStart = new Date(now.getTime() - WINDOW_MS);
  const lockedUntil = new Date(now.getTime() + LOCK_MS);
  for (const { key, limit } of keys) {
    await db.$executeRaw`
      INSERT INTO "SignInThrottle" ("key", "failures", "windowStart")
      VALUES (${key}, 1, ${now})
      ON CONFLICT ("key") DO UPDATE SET
        "failures" = CASE WHEN "SignInThrottle"."windowStart" < ${windowStart} THEN 1 ELSE "SignInThrottle"."failures" + 1 END,
        "windowStart" = CASE WHEN "SignInThrottle"."windowStart" < ${windowStart} THEN ${now} ELSE "SignInThrottle"."windowStart" END`;
    await db.$executeRaw`
      UPDATE "SignInThrottle" SET "lockedUntil" = ${lockedUntil}, "failures" = 0, "windowStart" = ${now}
      WHERE "key" = ${key} AND "failures" >= ${limit}`;
  }
}

/** Forgets an account's failures after a successful sign-in. */
export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key } });
}

import { randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { verifyCredentials } from '@/lib/auth/credentials';
import { ACCOUNT_LIMIT, ADDRESS_LIMIT, THROTTLE_RULES, consumeAttempt } from '@/lib/auth/throttle';
import { acceptInvitation } from '@/lib/users/invitations';
import { hashPassword } from '@/lib/auth/password';
import { env } from '@/lib/env';
import { createUser, resetDatabase } from './db-utils';

/** Issue 17: "30 concurrent wrong passwords for one account got 15 checked (limit 5); 40 from one address got 25 through (limit 20)". */
describe('attempt throttles count concurrent attempts exactly', () => {
  beforeEach(resetDatabase);

  it(`30 concurrent wrong passwords for one account: exactly ${ACCOUNT_LIMIT} are checked`, async () => {
    const user = await createUser({ role: 'STAFF', password: 'the right password' });
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, (_, i) => verifyCredentials({ email: user.email, password: `wrong ${i}`, ip: `10.1.0.${i}` })),
    );
    expect(outcomes.filter((o) => !o.ok && o.reason === 'invalid')).toHaveLength(ACCOUNT_LIMIT);
    expect(outcomes.filter((o) => !o.ok && o.reason === 'throttled')).toHaveLength(30 - ACCOUNT_LIMIT);
    expect(await db().auditEvent.count({ where: { action: 'auth.sign-in-failed' } })).toBe(ACCOUNT_LIMIT);
    // locked: even the right password is refused now
    expect(await verifyCredentials({ email: user.email, password: 'the right password', ip: '10.1.1.1' })).toMatchObject({ ok: false, reason: 'throttled' });
  });

  it(`40 concurrent attempts from one address on different accounts: exactly ${ADDRESS_LIMIT} get through`, async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, (_, i) => verifyCredentials({ email: `nobody-${i}@example.test`, password: 'x', ip: '10.2.0.1' })),
    );
    expect(outcomes.filter((o) => !o.ok && o.reason === 'invalid')).toHaveLength(ADDRESS_LIMIT);
    expect(outcomes.filter((o) => !o.ok && o.reason === 'throttled')).toHaveLength(40 - ADDRESS_LIMIT);
  });

  it('a successful sign-in ends the account count and does not use up the address', async () => {
    const user = await createUser({ role: 'STAFF', password: 'the right password' });
    for (let i = 0; i < ACCOUNT_LIMIT - 1; i += 1) await verifyCredentials({ email: user.email, password: 'wrong', ip: '10.3.0.1' });
    expect(await verifyCredentials({ email: user.email, password: 'the right password', ip: '10.3.0.1' })).toMatchObject({ ok: true });
    for (let i = 0; i < ACCOUNT_LIMIT - 1; i += 1)
      expect(await verifyCredentials({ email: user.email, password: 'wrong', ip: '10.3.0.1' })).toMatchObject({ reason: 'invalid' });
    expect(await verifyCredentials({ email: user.email, password: 'the right password', ip: '10.3.0.1' })).toMatchObject({ ok: true });
  });

  it('consumeAttempt: the scope limit, then locked with a retry time; the window expires', async () => {
    const { limit, windowMs, lockMs } = THROTTLE_RULES['password-reset-account'];
    const t0 = new Date('2026-12-03T09:00:00Z');
    const results = await Promise.all(
      Array.from({ length: limit + 3 }, () => consumeAttempt({ scope: 'password-reset-account', key: 'a@example.test', now: t0 })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(limit);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, retryAfterSeconds: lockMs / 1000 });
    // other scopes and keys are separate
    expect(await consumeAttempt({ scope: 'password-reset-address', key: 'a@example.test', now: t0 })).toEqual({ ok: true });
    expect(await consumeAttempt({ scope: 'password-reset-account', key: 'b@example.test', now: t0 })).toEqual({ ok: true });
    const later = new Date(t0.getTime() + Math.max(windowMs, lockMs) + 1000);
    expect(await consumeAttempt({ scope: 'password-reset-account', key: 'a@example.test', now: later })).toEqual({ ok: true });
  });

  it('invitation acceptance: unknown tokens are 404 until the address is throttled (exactly at the limit)', async () => {
    const { limit } = THROTTLE_RULES['invitation-accept-address'];
    const accept = () =>
      acceptInvitation({
        input: { token: randomBytes(32).toString('base64url'), name: 'X', password: 'a long enough password', passwordConfirm: 'a long enough password' },
        ip: '10.4.0.1',
      });
    const results = await Promise.allSettled(Array.from({ length: limit + 10 }, accept));
    const codes = results.map((r) => (r.status === 'rejected' ? (r.reason as { code?: string }).code : 'ok'));
    expect(codes.filter((c) => c === 'NOT_FOUND')).toHaveLength(limit);
    expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(10);
  });

  it('invitation acceptance looks the token up before hashing: an unknown token costs no bcrypt, even at a high cost', async () => {
    const cost = env.BCRYPT_COST;
    env.BCRYPT_COST = 14; // a bcryptjs hash at cost 14 takes over a second of CPU
    // CPU time of this process, not wall-clock time: other processes' load on the machine does not change it.
    const cpuMs = async (run: () => Promise<unknown>) => {
      const before = process.cpuUsage();
      await run();
      const spent = process.cpuUsage(before);
      return (spent.user + spent.system) / 1000;
    };
    try {
      const oneHash = await cpuMs(() => hashPassword('a long enough password'));
      for (let i = 0; i < 3; i += 1) {
        const spent = await cpuMs(() =>
          expect(
            acceptInvitation({
              input: { token: randomBytes(32).toString('base64url'), name: 'X', password: 'a long enough password', passwordConfirm: 'a long enough password' },
              ip: '10.5.0.1',
            }),
          ).rejects.toMatchObject({ code: 'NOT_FOUND' }),
        );
        expect(spent, `an unknown token cost ${spent} ms of CPU, one hash ${oneHash} ms`).toBeLessThan(oneHash / 4);
      }
    } finally {
      env.BCRYPT_COST = cost;
    }
  });
});

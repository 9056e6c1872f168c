import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { verifyCredentials } from '@/lib/auth/credentials';
import { ACCOUNT_LIMIT, ADDRESS_LIMIT } from '@/lib/auth/throttle';
import { createUser, resetDatabase } from './db-utils';

describe('password sign-in', () => {
  beforeEach(resetDatabase);

  it('accepts the right password (e-mail case-insensitive) and audits it', async () => {
    const user = await createUser({ role: 'STAFF', password: 'the right password' });
    const outcome = await verifyCredentials({ email: user.email.toUpperCase(), password: 'the right password', ip: '10.0.0.1' });
    expect(outcome).toMatchObject({ ok: true, user: { id: user.id } });
    expect(await db().auditEvent.count({ where: { action: 'auth.sign-in', subjectId: user.id } })).toBe(1);
  });

  it(`locks an account after ${ACCOUNT_LIMIT} wrong passwords, even for the right one`, async () => {
    const user = await createUser({ role: 'STAFF', password: 'the right password' });
    for (let i = 0; i < ACCOUNT_LIMIT; i += 1) {
      expect(await verifyCredentials({ email: user.email, password: `wrong ${i}`, ip: `10.0.1.${i}` })).toEqual({ ok: false, reason: 'invalid' });
    }
    const sixth = await verifyCredentials({ email: user.email, password: 'the right password', ip: '10.0.2.1' });
    expect(sixth).toMatchObject({ ok: false, reason: 'throttled' });
    expect(sixth.ok === false && sixth.reason === 'throttled' && sixth.retryAfterSeconds).toBeGreaterThan(60);
  });

  it('locks an address that tries many accounts', async () => {
    for (let i = 0; i < ADDRESS_LIMIT; i += 1) await verifyCredentials({ email: `nobody${i}@example.test`, password: 'x', ip: '10.9.9.9' });
    const user = await createUser({ role: 'STAFF', password: 'the right password' });
    expect(await verifyCredentials({ email: user.email, password: 'the right password', ip: '10.9.9.9' })).toMatchObject({ reason: 'throttled' });
    expect(await verifyCredentials({ email: user.email, password: 'the right password', ip: '10.9.9.10' })).toMatchObject({ ok: true });
  });

  it('refuses a deactivated account', async () => {
    const user = await createUser({ role: 'SECRETARY', municipalitySlug: 'liepaja', password: 'the right password', isActive: false });
    expect(await verifyCredentials({ email: user.email, password: 'the right password', ip: '10.0.0.1' })).toEqual({ ok: false, reason: 'inactive' });
  });
});

/** User management: the audit log query (split from users.test.ts). */

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db/client';

import { listAuditActions, listAuditEvents } from '@/lib/audit/query';
import { rigaDayStart } from '@/lib/dates';

import { ZAuditFilterSchema } from '@/lib/schemas/users';

import { actorOf, createUser, resetDatabase } from './db-utils';
import { idOf } from './support/users';

// getSessionUser reads the Auth.js session; here the "cookie" is whatever this holder says.
const session = vi.hoisted(() => ({ current: null as null | { uid: string; sv: number } }));
vi.mock('@/lib/auth/next-auth', () => ({ auth: () => Promise.resolve(session.current), readSession: () => Promise.resolve(session.current) }));

describe('audit log query', () => {
  beforeEach(resetDatabase);

  async function seedEvents() {
    const alice = await createUser({ role: 'STAFF' });
    const bob = await createUser({ role: 'ADMIN' });
    const liepaja = await idOf('liepaja');
    const riga = await idOf('riga');
    await db().auditEvent.createMany({
      data: [
        {
          actorId: alice.id,
          actorRole: 'STAFF',
          action: 'user.deactivate',
          subjectType: 'User',
          subjectId: 'u1',
          municipalityId: liepaja,
          at: new Date('2025-03-01T10:00:00Z'),
          before: { isActive: true },
          after: { isActive: false },
        },
        {
          actorId: alice.id,
          actorRole: 'STAFF',
          action: 'invitation.create',
          subjectType: 'Invitation',
          subjectId: 'i1',
          municipalityId: riga,
          at: new Date('2025-03-05T10:00:00Z'),
        },
        // 23:30 UTC on 9 March is 01:30 on 10 March in Riga (UTC+2).
        {
          actorId: bob.id,
          actorRole: 'ADMIN',
          action: 'user.move',
          subjectType: 'User',
          subjectId: 'u2',
          municipalityId: riga,
          at: new Date('2025-03-09T23:30:00Z'),
        },
        {
          actorId: bob.id,
          actorRole: 'ADMIN',
          action: 'invitation.revoke',
          subjectType: 'Invitation',
          subjectId: 'i2',
          municipalityId: liepaja,
          at: new Date('2025-03-20T12:00:00Z'),
        },
        {
          actorId: null,
          actorRole: null,
          action: 'auth.sign-in-failed',
          subjectType: 'User',
          at: new Date('2025-03-21T12:00:00Z'),
          after: { email: 'x@example.test' },
        },
      ],
    });
    return { alice, bob };
  }

  it('filters by actor (id or e-mail), action, municipality and an inclusive Riga date range, newest first', async () => {
    const { alice, bob } = await seedEvents();
    const staff = actorOf(alice);
    const actions = async (filters: Parameters<typeof listAuditEvents>[0]['filters']) =>
      (await listAuditEvents({ actor: staff, filters })).rows.map((r) => r.action);
    expect(await actions({})).toEqual(['auth.sign-in-failed', 'invitation.revoke', 'user.move', 'invitation.create', 'user.deactivate']);
    expect(await actions({ actorId: bob.id })).toEqual(['invitation.revoke', 'user.move']);
    expect(await actions({ actorEmail: alice.email.toUpperCase() })).toEqual(['invitation.create', 'user.deactivate']);
    expect(await actions({ action: 'user.move' })).toEqual(['user.move']);
    expect(await actions({ municipalitySlug: 'liepaja' })).toEqual(['invitation.revoke', 'user.deactivate']);
    expect(await actions({ municipalitySlug: 'atlantis' })).toEqual([]);
    expect(await actions({ from: '2025-03-05', to: '2025-03-20' })).toEqual(['invitation.revoke', 'user.move', 'invitation.create']);
    expect(await actions({ from: '2025-03-10', to: '2025-03-10' })).toEqual(['user.move']);
    expect(await actions({ to: '2025-03-09' })).toEqual(['invitation.create', 'user.deactivate']);
    expect(await actions({ actorId: alice.id, municipalitySlug: 'riga', from: '2025-03-01' })).toEqual(['invitation.create']);

    const result = await listAuditEvents({ actor: staff, filters: { action: 'user.deactivate' } });
    expect(result).toMatchObject({ total: 1, page: 1, pageCount: 1, pageSize: 50 });
    expect(result.rows[0]).toMatchObject({
      actor: { id: alice.id, email: alice.email, role: 'STAFF' },
      actorRole: 'STAFF',
      municipality: { slug: 'liepaja', nameLv: 'Liepāja' },
      subjectType: 'User',
      subjectId: 'u1',
      before: { isActive: true },
      after: { isActive: false },
    });
    expect((await listAuditEvents({ actor: staff, filters: { action: 'auth.sign-in-failed' } })).rows[0]).toMatchObject({ actor: null, municipality: null });
    expect(await listAuditActions({ actor: staff })).toEqual(['auth.sign-in-failed', 'invitation.create', 'invitation.revoke', 'user.deactivate', 'user.move']);
  });

  it('pages by 50, newest first', async () => {
    const staff = await createUser({ role: 'STAFF' });
    const start = Date.parse('2025-01-01T12:00:00Z');
    await db().auditEvent.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({
        actorId: staff.id,
        actorRole: 'STAFF' as const,
        action: 'test.event',
        subjectType: 'Test',
        subjectId: String(i),
        at: new Date(start + i * 60_000),
      })),
    });
    const page1 = await listAuditEvents({ actor: actorOf(staff), filters: { action: 'test.event' } });
    expect(page1).toMatchObject({ total: 120, page: 1, pageCount: 3 });
    expect(page1.rows).toHaveLength(50);
    expect(page1.rows[0]!.subjectId).toBe('119');
    const page3 = await listAuditEvents({ actor: actorOf(staff), filters: { action: 'test.event', page: 3 } });
    expect(page3.rows.map((r) => r.subjectId)).toEqual(Array.from({ length: 20 }, (_, i) => String(19 - i)));
    expect((await listAuditEvents({ actor: actorOf(staff), filters: { action: 'test.event', page: 9 } })).rows).toEqual([]);
  });

  it('only staff and admins may read it', async () => {
    const secretary = actorOf(await createUser({ role: 'SECRETARY', municipalitySlug: 'liepaja' }));
    await expect(listAuditEvents({ actor: secretary })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(listAuditActions({ actor: null })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('filter values are validated (the page shows the message); Riga day boundaries follow daylight saving time', () => {
    expect(ZAuditFilterSchema.safeParse({ from: '2025-02-30' }).success).toBe(false);
    expect(ZAuditFilterSchema.safeParse({ to: 'yesterday' }).success).toBe(false);
    expect(ZAuditFilterSchema.safeParse({ action: 'DROP TABLE' }).success).toBe(false);
    const range = ZAuditFilterSchema.safeParse({ from: '2025-03-10', to: '2025-03-01' });
    expect(range.success).toBe(false);
    expect(range.error?.issues[0]).toMatchObject({ path: ['to'], message: 'users.auditRangeInvalid' });
    expect(ZAuditFilterSchema.parse({ actorId: '', action: '', municipalitySlug: '', from: '', to: '', page: 'x' })).toEqual({ page: 1 });
    expect(ZAuditFilterSchema.parse({ page: '3', from: '2025-03-01' })).toEqual({ page: 3, from: '2025-03-01' });
    expect(rigaDayStart('2025-01-15').toISOString()).toBe('2025-01-14T22:00:00.000Z');
    expect(rigaDayStart('2025-07-15').toISOString()).toBe('2025-07-14T21:00:00.000Z');
    expect(rigaDayStart('2025-03-30').toISOString()).toBe('2025-03-29T22:00:00.000Z');
    expect(rigaDayStart('2025-10-26').toISOString()).toBe('2025-10-25T21:00:00.000Z');
  });
});

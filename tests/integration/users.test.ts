import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db/client';
import { freezeClockForTests } from '@/lib/clock';

import { deactivateUser, listMoveTargets, listUsers, moveSecretary, reactivateUser } from '@/lib/users/manage';

import { verifyCredentials } from '@/lib/auth/credentials';
import { getSessionUser } from '@/lib/auth/session';

import { POST as resendRoute } from '@/app/api/invitations/[id]/resend/route';
import { POST as revokeRoute } from '@/app/api/invitations/[id]/revoke/route';
import { POST as deactivateRoute } from '@/app/api/users/[id]/deactivate/route';
import { POST as reactivateRoute } from '@/app/api/users/[id]/reactivate/route';
import { POST as moveRoute } from '@/app/api/users/[id]/move/route';
import { actorOf, createUser, resetDatabase } from './db-utils';
import { PASSWORD, idOf, auditOf, insertInvitation } from './support/users';

// getSessionUser reads the Auth.js session; here the "cookie" is whatever this holder says.
const session = vi.hoisted(() => ({ current: null as null | { uid: string; sv: number } }));
vi.mock('@/lib/auth/next-auth', () => ({ auth: () => Promise.resolve(session.current), readSession: () => Promise.resolve(session.current) }));

describe('user accounts: deactivate, reactivate, move', () => {
  beforeEach(async () => {
    session.current = null;
    await resetDatabase();
  });

  it('deactivation ends the session and refuses sign-in; reactivation allows sign-in again; both audited', async () => {
    const staff = actorOf(await createUser({ role: 'STAFF' }));
    const secretary = await createUser({ role: 'SECRETARY', municipalitySlug: 'liepaja', password: PASSWORD });
    const before = await db().user.findUniqueOrThrow({ where: { id: secretary.id } });
    session.current = { uid: secretary.id, sv: before.sessionVersion };
    expect(await getSessionUser()).toMatchObject({ id: secretary.id, municipalitySlug: 'liepaja' });

    const result = await deactivateUser({ actor: staff, userId: secretary.id, version: before.sessionVersion });
    expect(result).toMatchObject({ isActive: false, sessionVersion: before.sessionVersion + 1 });
    const after = await db().user.findUniqueOrThrow({ where: { id: secretary.id } });
    expect(after).toMatchObject({ isActive: false, sessionVersion: before.sessionVersion + 1 });
    expect(after.deactivatedAt).toBeInstanceOf(Date);
    expect(await getSessionUser()).toBeNull();
    session.current = { uid: secretary.id, sv: after.sessionVersion };
    expect(await getSessionUser()).toBeNull();
    expect(await verifyCredentials({ email: secretary.email, password: PASSWORD, ip: '10.1.0.1' })).toEqual({ ok: false, reason: 'inactive' });

    const [deact] = await auditOf('user.deactivate', secretary.id);
    expect(deact).toMatchObject({
      actorId: staff.id,
      actorRole: 'STAFF',
      subjectType: 'User',
      municipalityId: await idOf('liepaja'),
      before: { isActive: true, sessionVersion: before.sessionVersion },
      after: { isActive: false, sessionVersion: before.sessionVersion + 1 },
    });

    await expect(deactivateUser({ actor: staff, userId: secretary.id })).rejects.toMatchObject({ code: 'CONFLICT', messageKey: 'users.alreadyInactive' });
    await reactivateUser({ actor: staff, userId: secretary.id });
    const again = await db().user.findUniqueOrThrow({ where: { id: secretary.id } });
    expect(again).toMatchObject({ isActive: true, deactivatedAt: null, sessionVersion: before.sessionVersion + 1 });
    // The session from before the deactivation stays ended; a fresh sign-in works.
    session.current = { uid: secretary.id, sv: before.sessionVersion };
    expect(await getSessionUser()).toBeNull();
    expect(await verifyCredentials({ email: secretary.email, password: PASSWORD, ip: '10.1.0.2' })).toMatchObject({ ok: true });
    const [react] = await auditOf('user.reactivate', secretary.id);
    expect(react).toMatchObject({ actorId: staff.id, before: { isActive: false }, after: { isActive: true } });
    await expect(reactivateUser({ actor: staff, userId: secretary.id })).rejects.toMatchObject({ code: 'CONFLICT', messageKey: 'users.alreadyActive' });
  });

  it('staff manage secretaries only; admins manage staff and admins', async () => {
    const staff = actorOf(await createUser({ role: 'STAFF' }));
    const otherStaff = await createUser({ role: 'STAFF' });
    const admin = actorOf(await createUser({ role: 'ADMIN' }));
    const otherAdmin = await createUser({ role: 'ADMIN' });
    await expect(deactivateUser({ actor: staff, userId: admin.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(deactivateUser({ actor: staff, userId: otherStaff.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await db().user.count({ where: { isActive: false } })).toBe(0);
    await expect(deactivateUser({ actor: admin, userId: otherStaff.id })).resolves.toMatchObject({ isActive: false });
    await expect(reactivateUser({ actor: staff, userId: otherStaff.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(deactivateUser({ actor: admin, userId: otherAdmin.id })).resolves.toMatchObject({ isActive: false });
    await expect(reactivateUser({ actor: admin, userId: otherAdmin.id })).resolves.toMatchObject({ isActive: true });
    const secretary = actorOf(await createUser({ role: 'SECRETARY', municipalitySlug: 'riga' }));
    const other = await createUser({ role: 'SECRETARY', municipalitySlug: 'riga' });
    await expect(deactivateUser({ actor: secretary, userId: other.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(deactivateUser({ actor: null, userId: other.id })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(deactivateUser({ actor: staff, userId: 'nosuchuser' })).rejects.toMatchObject({ code: 'NOT_FOUND', messageKey: 'users.userNotFound' });
  });

  it('nobody deactivates themselves (422 with its own message)', async () => {
    for (const role of ['STAFF', 'ADMIN'] as const) {
      const me = actorOf(await createUser({ role }));
      await expect(deactivateUser({ actor: me, userId: me.id })).rejects.toMatchObject({
        code: 'UNPROCESSABLE',
        status: 422,
        messageKey: 'users.cannotDeactivateSelf',
      });
    }
    expect(await db().user.count({ where: { isActive: false } })).toBe(0);
    expect(await db().auditEvent.count({ where: { action: 'user.deactivate' } })).toBe(0);
  });

  it('a stale version is a 409, and two deactivations at once give one change and one audit event', async () => {
    const staff = actorOf(await createUser({ role: 'STAFF' }));
    const otherStaff = actorOf(await createUser({ role: 'ADMIN' }));
    const secretary = await createUser({ role: 'SECRETARY', municipalitySlug: 'liepaja' });
    const { sessionVersion } = await db().user.findUniqueOrThrow({ where: { id: secretary.id } });
    await expect(deactivateUser({ actor: staff, userId: secretary.id, version: sessionVersion + 5 })).rejects.toMatchObject({
      code: 'CONFLICT',
      messageKey: 'users.changedMeanwhile',
    });
    const results = await Promise.allSettled([
      deactivateUser({ actor: staff, userId: secretary.id, version: sessionVersion }),
      deactivateUser({ actor: otherStaff, userId: secretary.id, version: sessionVersion }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await db().auditEvent.count({ where: { action: 'user.deactivate', subjectId: secretary.id } })).toBe(1);
    expect((await db().user.findUniqueOrThrow({ where: { id: secretary.id } })).sessionVersion).toBe(sessionVersion + 1);
  });

  it('moving a secretary changes the municipality, ends the session and is audited under the new municipality', async () => {
    const staff = actorOf(await createUser({ role: 'STAFF' }));
    const secretary = await createUser({ role: 'SECRETARY', municipalitySlug: 'liepaja' });
    const { sessionVersion } = await db().user.findUniqueOrThrow({ where: { id: secretary.id } });
    session.current = { uid: secretary.id, sv: sessionVersion };
    expect(await getSessionUser()).toMatchObject({ municipalitySlug: 'liepaja' });

    const moved = await moveSecretary({ actor: staff, userId: secretary.id, municipalitySlug: 'valmieras-novads', version: sessionVersion });
    expect(moved).toMatchObject({ municipality: { slug: 'valmieras-novads' }, sessionVersion: sessionVersion + 1 });
    const row = await db().user.findUniqueOrThrow({ where: { id: secretary.id } });
    expect(row).toMatchObject({ municipalityId: await idOf('valmieras-novads'), sessionVersion: sessionVersion + 1, isActive: true });
    expect(await getSessionUser()).toBeNull();
    session.current = { uid: secretary.id, sv: sessionVersion + 1 };
    expect(await getSessionUser()).toMatchObject({ municipalitySlug: 'valmieras-novads' });

    const [event] = await auditOf('user.move', secretary.id);
    expect(event).toMatchObject({
      actorId: staff.id,
      municipalityId: await idOf('valmieras-novads'),
      before: { municipalitySlug: 'liepaja', municipalityId: await idOf('liepaja') },
      after: { municipalitySlug: 'valmieras-novads', municipalityId: await idOf('valmieras-novads') },
    });
  });

  it('move refuses non-secretaries, yesterday’s municipalities, unknown and same municipalities, unknown users and secretaries', async () => {
    freezeClockForTests('2026-12-03'); // after the merger of 30 June 2025
    const staff = actorOf(await createUser({ role: 'STAFF' }));
    const admin = actorOf(await createUser({ role: 'ADMIN' }));
    const otherStaff = await createUser({ role: 'STAFF' });
    const secretary = await createUser({ role: 'SECRETARY', municipalitySlug: 'liepaja' });
    await expect(moveSecretary({ actor: admin, userId: otherStaff.id, municipalitySlug: 'riga' })).rejects.toMatchObject({
      code: 'UNPROCESSABLE',
      messageKey: 'users.moveOnlySecretary',
    });
    // Varakļānu novads was merged into Madonas novads on 30 June 2025: no longer a valid target.
    expect((await listMoveTargets({ actor: admin })).map((m) => m.slug)).not.toContain('varaklanu-novads');
    // A read that is not public takes the actor: a secretary may not list move targets.
    await expect(listMoveTargets({ actor: actorOf(secretary) })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(moveSecretary({ actor: staff, userId: secretary.id, municipalitySlug: 'varaklanu-novads' })).rejects.toMatchObject({
      code: 'UNPROCESSABLE',
      fieldErrors: { municipalitySlug: ['users.municipalityInvalid'] },
    });
    await expect(moveSecretary({ actor: staff, userId: secretary.id, municipalitySlug: 'atlantis' })).rejects.toMatchObject({
      code: 'UNPROCESSABLE',
      fieldErrors: { municipalitySlug: ['users.municipalityInvalid'] },
    });
    await expect(moveSecretary({ actor: staff, userId: secretary.id, municipalitySlug: 'liepaja' })).rejects.toMatchObject({
      code: 'UNPROCESSABLE',
      fieldErrors: { municipalitySlug: ['users.moveSameMunicipality'] },
    });
    await expect(moveSecretary({ actor: staff, userId: 'nosuchuser', municipalitySlug: 'riga' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const otherSecretary = actorOf(await createUser({ role: 'SECRETARY', municipalitySlug: 'riga' }));
    await expect(moveSecretary({ actor: otherSecretary, userId: secretary.id, municipalitySlug: 'riga' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(moveSecretary({ actor: staff, userId: secretary.id, municipalitySlug: 'riga', version: 999 })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await db().user.findUniqueOrThrow({ where: { id: secretary.id } })).municipalityId).toBe(await idOf('liepaja'));
    expect(await db().auditEvent.count({ where: { action: 'user.move' } })).toBe(0);
  });

  it('lists users with role, municipality, activity and text filters; only staff and admins may', async () => {
    const staff = actorOf(await createUser({ role: 'STAFF' }));
    const liepaja = await createUser({ role: 'SECRETARY', municipalitySlug: 'liepaja' });
    const riga = await createUser({ role: 'SECRETARY', municipalitySlug: 'riga', isActive: false });
    const admin = await createUser({ role: 'ADMIN' });
    const emails = async (filters: Parameters<typeof listUsers>[0]['filters']) => (await listUsers({ actor: staff, filters })).users.map((u) => u.email).sort();
    expect((await emails({})).length).toBe(4);
    expect(await emails({ role: 'SECRETARY' })).toEqual([liepaja.email, riga.email].sort());
    expect(await emails({ municipality: 'liepaja' })).toEqual([liepaja.email]);
    expect(await emails({ active: 'inactive' })).toEqual([riga.email]);
    expect(await emails({ active: 'active', role: 'SECRETARY' })).toEqual([liepaja.email]);
    expect(await emails({ q: admin.email.slice(0, 12).toUpperCase() })).toEqual([admin.email]);
    const row = (await listUsers({ actor: staff })).users.find((u) => u.id === liepaja.id);
    expect(row).toMatchObject({ role: 'SECRETARY', isActive: true, municipality: { slug: 'liepaja' }, lastSignInAt: null });
    await expect(listUsers({ actor: actorOf(liepaja) })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('route handlers', () => {
  beforeEach(async () => {
    session.current = null;
    await resetDatabase();
  });

  type Handler = (request: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response>;
  async function call(handler: Handler, id: string, body?: unknown) {
    const init: RequestInit = { method: 'POST', headers: { 'x-locale': 'en', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) } };
    if (body !== undefined) init.body = JSON.stringify(body);
    const res = await handler(new Request('http://localhost/api/x', init), { params: Promise.resolve({ id }) });
    return {
      status: res.status,
      json: (await res.json()) as { ok: boolean; data?: Record<string, unknown>; message?: string; fieldErrors?: Record<string, string[]> },
    };
  }
  const signIn = async (user: { id: string }) => {
    const { sessionVersion } = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    session.current = { uid: user.id, sv: sessionVersion };
  };

  it('answer 401 / 403 before looking anything up, 404 for unknown ids, 422 with field errors for bad bodies', async () => {
    freezeClockForTests('2026-12-03'); // after the merger of 30 June 2025
    const secretary = await createUser({ role: 'SECRETARY', municipalitySlug: 'liepaja' });
    const inv = await insertInvitation();
    expect((await call(resendRoute, inv.id)).status).toBe(401);
    expect((await call(deactivateRoute, secretary.id)).status).toBe(401);
    await signIn(secretary);
    expect((await call(revokeRoute, inv.id)).status).toBe(403);
    expect((await call(moveRoute, secretary.id, { municipalitySlug: 'riga' })).status).toBe(403);
    const staff = await createUser({ role: 'STAFF' });
    await signIn(staff);
    const missing = await call(revokeRoute, 'nosuchinvitation');
    expect(missing).toMatchObject({ status: 404, json: { ok: false, message: 'Invitation not found.' } });
    expect((await call(deactivateRoute, 'nosuchuser')).json).toMatchObject({ message: 'User not found.' });
    expect((await call(reactivateRoute, 'bad id!')).status).toBe(404);
    const badBody = await call(moveRoute, secretary.id, { municipalitySlug: 'Not a slug!' });
    expect(badBody.status).toBe(422);
    expect(badBody.json.fieldErrors?.municipalitySlug?.[0]).toBe('Invalid value.');
    expect((await call(moveRoute, secretary.id, {})).json.fieldErrors?.municipalitySlug).toEqual(['This field is required.']);
    expect((await call(deactivateRoute, secretary.id, { version: 'x' })).status).toBe(422);
    const self = await call(deactivateRoute, staff.id);
    expect(self).toMatchObject({ status: 422, json: { message: expect.stringContaining('cannot deactivate your own account') } });
    const merged = await call(moveRoute, secretary.id, { municipalitySlug: 'varaklanu-novads' });
    expect(merged).toMatchObject({ status: 422, json: { fieldErrors: { municipalitySlug: ['Choose a municipality that exists today.'] } } });
    expect(await db().auditEvent.count({ where: { action: { startsWith: 'user.' } } })).toBe(0);
  });

  it('resend, revoke, deactivate, reactivate and move answer 200 with JSON and write audit events', async () => {
    const staff = await createUser({ role: 'STAFF' });
    const secretary = await createUser({ role: 'SECRETARY', municipalitySlug: 'liepaja' });
    await signIn(staff);
    const first = await insertInvitation();
    const resent = await call(resendRoute, first.id);
    expect(resent).toMatchObject({ status: 200, json: { ok: true, data: { id: first.id, sentCount: 2 } } });
    expect(String(resent.json.data?.url)).toMatch(/\/lv\/invite\//);
    expect(await call(revokeRoute, first.id)).toMatchObject({ status: 200, json: { data: { state: 'revoked' } } });
    expect(await call(revokeRoute, first.id)).toMatchObject({ status: 409, json: { message: expect.stringContaining('already been revoked') } });
    const { sessionVersion } = await db().user.findUniqueOrThrow({ where: { id: secretary.id } });
    expect(await call(deactivateRoute, secretary.id, { version: sessionVersion + 1 })).toMatchObject({ status: 409 });
    expect(await call(deactivateRoute, secretary.id, { version: String(sessionVersion) })).toMatchObject({ status: 200, json: { data: { isActive: false } } });
    expect(await call(reactivateRoute, secretary.id, {})).toMatchObject({ status: 200, json: { data: { isActive: true } } });
    expect(await call(moveRoute, secretary.id, { municipalitySlug: 'riga', version: '' })).toMatchObject({
      status: 200,
      json: { data: { municipality: { slug: 'riga' } } },
    });
    const actions = (await db().auditEvent.findMany({ where: { actorId: staff.id }, orderBy: { id: 'asc' }, select: { action: true } })).map((a) => a.action);
    expect(actions).toEqual(['invitation.resend', 'invitation.revoke', 'user.deactivate', 'user.reactivate', 'user.move']);
  });
});

import { createHash, randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db/client';
import { freezeClockForTests } from '@/lib/clock';
import { acceptInvitation, createInvitation, findInvitationByToken, listInvitations, resendInvitation, revokeInvitation } from '@/lib/users/invitations';
import { deactivateUser, listMoveTargets, listUsers, moveSecretary, reactivateUser } from '@/lib/users/manage';
import { listAuditActions, listAuditEvents } from '@/lib/audit/query';
import { rigaDayStart } from '@/lib/dates';
import { verifyCredentials } from '@/lib/auth/credentials';
import { getSessionUser } from '@/lib/auth/session';
import { ZCreateInvitationSchema } from '@/lib/schemas/auth';
import { ZAuditFilterSchema } from '@/lib/schemas/users';
import { POST as resendRoute } from '@/app/api/invitations/[id]/resend/route';
import { POST as revokeRoute } from '@/app/api/invitations/[id]/revoke/route';
import { POST as deactivateRoute } from '@/app/api/users/[id]/deactivate/route';
import { POST as reactivateRoute } from '@/app/api/users/[id]/reactivate/route';
import { POST as moveRoute } from '@/app/api/users/[id]/move/route';
import { actorOf, createUser, resetDatabase } from './db-utils';

// getSessionUser reads the Auth.js session; here the "cookie" is whatever this holder says.
const session = vi.hoisted(() => ({ current: null as null | { uid: string; sv: number } }));
vi.mock('@/lib/auth/next-auth', () => ({ auth: () => Promise.resolve(session.current), readSession: () => Promise.resolve(session.current) }));

const PASSWORD = 'correct horse battery';
const tokenOf = (url: string) => url.split('/invite/')[1]!;
const accept = (token: string) =>
  acceptInvitation({
    input: { token, name: 'Ilze Secretary', password: 'a long enough password', passwordConfirm: 'a long enough password' },
    ip: '10.20.0.2',
  });
const idOf = async (slug: string) => (await db().municipality.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
const auditOf = (action: string, subjectId: string) => db().auditEvent.findMany({ where: { action, subjectId } });

/** An invitation written straight to the table (no e-mail), for tests that do not need the outbox. */
async function insertInvitation(opts: { email?: string; slug?: string; expiresInMs?: number; acceptedAt?: Date | null } = {}) {
  const token = randomBytes(32).toString('base64url');
  const inv = await db().invitation.create({
    data: {
      tokenHash: createHash('sha256').update(token).digest('hex'),
      email: opts.email ?? `inv-${randomBytes(4).toString('hex')}@example.test`,
      role: 'SECRETARY',
      municipalityId: await idOf(opts.slug ?? 'liepaja'),
      expiresAt: new Date(Date.now() + (opts.expiresInMs ?? 3600_000)),
      acceptedAt: opts.acceptedAt ?? null,
    },
    select: { id: true, email: true, municipalityId: true },
  });
  return { ...inv, token };
}

describe('invitations: resend and revoke', () => {
  beforeEach(resetDatabase);

  it('create e-mails the invitee in their language; the link uses it too', async () => {
    const staff = actorOf(await createUser({ role: 'STAFF' }));
    const input = ZCreateInvitationSchema.parse({ email: 'Anna@Example.test', municipalitySlug: 'valmieras-novads', locale: 'en' });
    const inv = await createInvitation({ actor: staff, input, locale: 'lv' });
    expect(inv.url).toMatch(/\/en\/invite\/[\w-]{40,}$/);
    expect(await db().invitation.findUniqueOrThrow({ where: { id: inv.id } })).toMatchObject({ locale: 'en', sentCount: 1 });
    const mails = await db().outboxMessage.findMany({ where: { kind: 'invitation' } });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ toEmail: 'anna@example.test', locale: 'en', municipalityId: await idOf('valmieras-novads') });
    expect(mails[0]!.text).toContain(tokenOf(inv.url));
    // Default language of the invitee is Latvian.
    expect(ZCreateInvitationSchema.parse({ email: 'b@example.test', municipalitySlug: 'liepaja' }).locale).toBe('lv');
  });

  it('resend replaces the token: the old link stops working, the new one works; counted, mailed and audited', async () => {
    const staff = actorOf(await createUser({ role: 'STAFF' }));
    const inv = await createInvitation({ actor: staff, input: { email: 'resend@example.test', municipalitySlug: 'liepaja', locale: 'en' } });
    const again = await resendInvitation({ actor: staff, invitationId: inv.id });
    expect(again.url).toMatch(/\/en\/invite\/[\w-]{40,}$/);
    expect(tokenOf(again.url)).not.toBe(tokenOf(inv.url));
    expect((await findInvitationByToken(tokenOf(inv.url))).state).toBe('invalid');
    expect((await findInvitationByToken(tokenOf(again.url))).state).toBe('valid');
    const row = await db().invitation.findUniqueOrThrow({ where: { id: inv.id } });
    expect(row.sentCount).toBe(2);
    expect(row.lastSentAt).toBeInstanceOf(Date);
    const audit = await auditOf('invitation.resend', inv.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: staff.id,
      actorRole: 'STAFF',
      municipalityId: await idOf('liepaja'),
      before: { sentCount: 1 },
      after: { sentCount: 2 },
    });
    expect(JSON.stringify(audit[0]!.after)).not.toContain(tokenOf(again.url));
    const mails = await db().outboxMessage.findMany({ where: { kind: 'invitation', toEmail: 'resend@example.test' }, orderBy: { createdAt: 'asc' } });
    expect(mails).toHaveLength(2);
    expect(mails[1]!.text).toContain(tokenOf(again.url));
    expect(mails[1]!.text).not.toContain(tokenOf(inv.url));
    expect(await accept(tokenOf(again.url))).toMatchObject({ email: 'resend@example.test' });
  });

  it('an expired invitation can be sent again and becomes valid', async () => {
    const staff = actorOf(await createUser({ role: 'ADMIN' }));
    const inv = await insertInvitation({ expiresInMs: -60_000 });
    expect((await findInvitationByToken(inv.token)).state).toBe('expired');
    const again = await resendInvitation({ actor: staff, invitationId: inv.id });
    expect(again.url).toMatch(/\/lv\/invite\//);
    expect((await findInvitationByToken(tokenOf(again.url))).state).toBe('valid');
    expect(again.expiresAt.getTime()).toBeGreaterThan(Date.now());
  });

  it('resend refuses accepted and revoked invitations (409), unknown ids (404) and secretaries (403)', async () => {
    const staff = actorOf(await createUser({ role: 'STAFF' }));
    const accepted = await insertInvitation({ acceptedAt: new Date() });
    await expect(resendInvitation({ actor: staff, invitationId: accepted.id })).rejects.toMatchObject({
      code: 'CONFLICT',
      messageKey: 'users.invitationAccepted',
    });
    const revoked = await insertInvitation();
    await revokeInvitation({ actor: staff, invitationId: revoked.id });
    await expect(resendInvitation({ actor: staff, invitationId: revoked.id })).rejects.toMatchObject({
      code: 'CONFLICT',
      messageKey: 'users.invitationRevoked',
    });
    await expect(resendInvitation({ actor: staff, invitationId: 'nosuchinvitation' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      messageKey: 'users.invitationNotFound',
    });
    await expect(resendInvitation({ actor: staff, invitationId: '../etc' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const secretary = actorOf(await createUser({ role: 'SECRETARY', municipalitySlug: 'liepaja' }));
    const pending = await insertInvitation();
    await expect(resendInvitation({ actor: secretary, invitationId: pending.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(revokeInvitation({ actor: null, invitationId: pending.id })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await findInvitationByToken(pending.token)).state).toBe('valid');
  });

  it('revoke ends a pending invitation: the link is refused, a second revoke is a 409; audited', async () => {
    const staff = actorOf(await createUser({ role: 'STAFF' }));
    const inv = await insertInvitation({ slug: 'valmieras-novads' });
    const result = await revokeInvitation({ actor: staff, invitationId: inv.id });
    expect(result).toMatchObject({ id: inv.id, state: 'revoked' });
    const row = await db().invitation.findUniqueOrThrow({ where: { id: inv.id } });
    expect(row.revokedAt).toBeInstanceOf(Date);
    expect(row.revokedById).toBe(staff.id);
    expect((await findInvitationByToken(inv.token)).state).toBe('revoked');
    await expect(accept(inv.token)).rejects.toMatchObject({ code: 'GONE', messageKey: 'invite.revoked' });
    await expect(revokeInvitation({ actor: staff, invitationId: inv.id })).rejects.toMatchObject({ code: 'CONFLICT', messageKey: 'users.invitationRevoked' });
    const audit = await auditOf('invitation.revoke', inv.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: staff.id, municipalityId: await idOf('valmieras-novads'), after: { state: 'revoked' } });
    const listed = (await listInvitations({ actor: staff })).find((i) => i.id === inv.id);
    expect(listed?.state).toBe('revoked');
  });

  it('revoking an accepted invitation is a 409 with its own message; an expired one can be revoked', async () => {
    const staff = actorOf(await createUser({ role: 'STAFF' }));
    const accepted = await insertInvitation({ acceptedAt: new Date() });
    await expect(revokeInvitation({ actor: staff, invitationId: accepted.id })).rejects.toMatchObject({
      code: 'CONFLICT',
      messageKey: 'users.invitationAccepted',
    });
    const expired = await insertInvitation({ expiresInMs: -1000 });
    await expect(revokeInvitation({ actor: staff, invitationId: expired.id })).resolves.toMatchObject({ state: 'revoked' });
  });

  it('two revokes at once: exactly one succeeds and one audit event is written', async () => {
    const staff = actorOf(await createUser({ role: 'STAFF' }));
    const inv = await insertInvitation();
    const results = await Promise.allSettled([
      revokeInvitation({ actor: staff, invitationId: inv.id }),
      revokeInvitation({ actor: staff, invitationId: inv.id }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'CONFLICT' } });
    expect(await auditOf('invitation.revoke', inv.id)).toHaveLength(1);
  });
});

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

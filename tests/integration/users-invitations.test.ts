/** User management: invitations resend and revoke (split from users.test.ts). */

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db/client';

import { createInvitation, findInvitationByToken, listInvitations, resendInvitation, revokeInvitation } from '@/lib/users/invitations';

import { ZCreateInvitationSchema } from '@/lib/schemas/auth';

import { actorOf, createUser, resetDatabase } from './db-utils';
import { tokenOf, accept, idOf, auditOf, insertInvitation } from './support/users';

// getSessionUser reads the Auth.js session; here the "cookie" is whatever this holder says.
const session = vi.hoisted(() => ({ current: null as null | { uid: string; sv: number } }));
vi.mock('@/lib/auth/next-auth', () => ({ auth: () => Promise.resolve(session.current), readSession: () => Promise.resolve(session.current) }));

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

import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { acceptInvitation, createInvitation, findInvitationByToken, listInvitations } from '@/lib/users/invitations';
import { AppError } from '@/lib/errors';
import { errorResponse } from '@/lib/http/route';
import { actorOf, createUser, resetDatabase } from './db-utils';

const tokenOf = (url: string) => url.split('/invite/')[1]!;
const accept = (token: string, name = 'Ilze Secretary') =>
  acceptInvitation({ input: { token, name, password: 'a long enough password', passwordConfirm: 'a long enough password' }, ip: '10.20.0.1' });

describe('invitations', () => {
  beforeEach(resetDatabase);

  it('staff invite a secretary for one municipality; the link works once and writes audit events', async () => {
    const staff = actorOf(await createUser({ role: 'STAFF' }));
    const inv = await createInvitation({ actor: staff, input: { email: 'sekretare@valmiera.example', municipalitySlug: 'valmieras-novads' }, locale: 'lv' });
    expect(inv.url).toMatch(/\/lv\/invite\/[\w-]{40,}$/);
    expect((await findInvitationByToken(tokenOf(inv.url))).state).toBe('valid');
    const user = await accept(tokenOf(inv.url));
    const valmiera = await db().municipality.findUniqueOrThrow({ where: { slug: 'valmieras-novads' } });
    expect(user).toMatchObject({ role: 'SECRETARY', municipalityId: valmiera.id, email: 'sekretare@valmiera.example' });
    expect((await findInvitationByToken(tokenOf(inv.url))).state).toBe('used');
    await expect(accept(tokenOf(inv.url))).rejects.toMatchObject({ code: 'GONE', messageKey: 'invite.used' });
    const actions = (await db().auditEvent.findMany({ select: { action: true } })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['invitation.create', 'invitation.accept']));
  });

  it('two accepts at once give exactly one account', async () => {
    const staff = actorOf(await createUser({ role: 'STAFF' }));
    const inv = await createInvitation({ actor: staff, input: { email: 'race@example.test', municipalitySlug: 'liepaja' }, locale: 'en' });
    const results = await Promise.allSettled([accept(tokenOf(inv.url)), accept(tokenOf(inv.url))]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await db().user.count({ where: { email: 'race@example.test' } })).toBe(1);
  });

  it("two invitations to one address accepted at once: one account, the other a 409 in the user's language, not a 500", async () => {
    const staff = actorOf(await createUser({ role: 'STAFF' }));
    const a = await createInvitation({ actor: staff, input: { email: 'twice@example.test', municipalitySlug: 'liepaja' }, locale: 'lv' });
    const b = await createInvitation({ actor: staff, input: { email: 'twice@example.test', municipalitySlug: 'liepaja' }, locale: 'lv' });
    const results = await Promise.allSettled([accept(tokenOf(a.url)), accept(tokenOf(b.url))]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    const answer = errorResponse(failed.reason, 'lv');
    expect(answer.status).toBe(409);
    // Which check the loser meets depends on timing (bcrypt runs in a worker): the account already there, or the unique e-mail.
    expect(await answer.json()).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringMatching(/Pārlādējiet|Konts ar šo e-pastu jau pastāv/) });
    expect(await db().user.count({ where: { email: 'twice@example.test' } })).toBe(1);
  });

  it('refuses an expired invitation with its own message', async () => {
    const staff = actorOf(await createUser({ role: 'STAFF' }));
    const inv = await createInvitation({ actor: staff, input: { email: 'late@example.test', municipalitySlug: 'liepaja' }, locale: 'lv' });
    await db().invitation.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await findInvitationByToken(tokenOf(inv.url))).state).toBe('expired');
    await expect(accept(tokenOf(inv.url))).rejects.toMatchObject({ code: 'GONE', messageKey: 'invite.expired' });
    expect(await db().user.count({ where: { email: 'late@example.test' } })).toBe(0);
  });

  it('only staff and admins may invite or list; secretaries and the public may not', async () => {
    const secretary = actorOf(await createUser({ role: 'SECRETARY', municipalitySlug: 'liepaja' }));
    const input = { email: 'x@example.test', municipalitySlug: 'liepaja' };
    await expect(createInvitation({ actor: secretary, input, locale: 'lv' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(createInvitation({ actor: null, input, locale: 'lv' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(listInvitations({ actor: secretary })).rejects.toBeInstanceOf(AppError);
    expect(await db().invitation.count()).toBe(0);
  });

  it('refuses an e-mail that already has an account, and an unknown municipality', async () => {
    const staff = await createUser({ role: 'STAFF' });
    await expect(createInvitation({ actor: actorOf(staff), input: { email: staff.email, municipalitySlug: 'liepaja' }, locale: 'lv' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(
      createInvitation({ actor: actorOf(staff), input: { email: 'n@example.test', municipalitySlug: 'atlantis' }, locale: 'lv' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

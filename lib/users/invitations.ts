import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { db, type Tx } from '@/lib/db/client';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { MUNICIPAL_ROLE, requirePermission, type Actor } from '@/lib/authz';
import { mutate } from '@/lib/mutations';
import { hashPassword } from '@/lib/auth/password';
import { consumeAttempt, refundAttempt } from '@/lib/auth/throttle';
import { listMunicipalityOptions } from '@/lib/municipalities/queries';
import { enqueueMail } from '@/lib/mail/outbox';
import type { TAcceptInvitation, TCreateInvitation } from '@/lib/schemas/auth';

export type InvitationState = 'valid' | 'used' | 'expired' | 'revoked' | 'invalid';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

function stateOf(inv: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now = new Date()): InvitationState {
  if (inv.acceptedAt) return 'used';
  if (inv.revokedAt) return 'revoked';
  if (inv.expiresAt <= now) return 'expired';
  return 'valid';
}

const newToken = () => randomBytes(32).toString('base64url');
const newExpiry = () => new Date(Date.now() + env.INVITATION_TTL_HOURS * 3600 * 1000);
const linkLocale = (locale: string | null | undefined): 'lv' | 'en' => (locale === 'en' ? 'en' : 'lv');
const invitePath = (token: string) => `/invite/${token}`;
const inviteUrl = (locale: string, token: string) => `${env.PUBLIC_BASE_URL}/${linkLocale(locale)}${invitePath(token)}`;

/** Writes the invitation e-mail to the outbox, in the caller's transaction. */
async function enqueueInvitationMail(
  tx: Tx,
  inv: { email: string; locale: string; municipalityId: string | null; municipalityName: string; token: string; expiresAt: Date },
) {
  await enqueueMail(tx, {
    kind: 'invitation',
    to: { email: inv.email, locale: linkLocale(inv.locale) },
    vars: { municipality: inv.municipalityName, path: invitePath(inv.token), expiresAt: inv.expiresAt.toISOString() },
    municipalityId: inv.municipalityId,
  });
}

/**
 * Creates a single-use invitation for a secretary of one municipality, e-mails
 * it in the invitee's language and returns the only copy of its link.
 * `locale` (the staff member's UI language) is no longer used: the link and
 * the e-mail follow `input.locale`, the invitee's language (default lv).
 */
export async function createInvitation({
  actor,
  input,
}: {
  actor: Actor | null;
  input: Omit<TCreateInvitation, 'locale'> & { locale?: TCreateInvitation['locale'] };
  locale?: string;
}) {
  requirePermission(actor, 'invitation.create');
  const inviteeLocale = linkLocale(input.locale);
  const municipality = (await listMunicipalityOptions()).find((m) => m.slug === input.municipalitySlug);
  if (!municipality) {
    throw new AppError('BAD_REQUEST', 'errors.formInvalid', { fieldErrors: { municipalitySlug: ['validation.invalid'] } });
  }
  const existing = await db().user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw new AppError('CONFLICT', 'invite.emailTaken', { fieldErrors: { email: ['invite.emailTaken'] } });
  const token = newToken();
  const expiresAt = newExpiry();
  // Note: a concurrent invitation (or account) for the same address loses on the unique key: P2002, answered 409 by lib/http/route.ts.
  const invitation = await mutate({ actor, permission: 'invitation.create' }, async ({ tx, actor: who, audit, mail }) => {
    const created = await tx.invitation.create({
      data: {
        tokenHash: hashToken(token),
        email: input.email,
        name: input.name ?? null,
        role: MUNICIPAL_ROLE,
        municipalityId: municipality.id,
        invitedById: who.id,
        expiresAt,
        locale: inviteeLocale,
        sentCount: 1,
        lastSentAt: new Date(),
      },
      select: { id: true, email: true, expiresAt: true },
    });
    await audit({
      action: 'invitation.create',
      subjectType: 'Invitation',
      subjectId: created.id,
      municipalityId: municipality.id,
      after: { email: input.email, role: MUNICIPAL_ROLE, locale: inviteeLocale, expiresAt: expiresAt.toISOString() },
    });
    await mail((tx) =>
      enqueueInvitationMail(tx, {
        email: input.email,
        locale: inviteeLocale,
        municipalityId: municipality.id,
        municipalityName: municipality.nameLv,
        token,
        expiresAt,
      }),
    );
    return created;
  });
  return { ...invitation, url: inviteUrl(inviteeLocale, token) };
}

const manageSelect = {
  id: true,
  email: true,
  locale: true,
  municipalityId: true,
  tokenHash: true,
  expiresAt: true,
  acceptedAt: true,
  revokedAt: true,
  sentCount: true,
  municipality: { select: { nameLv: true } },
} as const;

async function findForManage(tx: Tx, invitationId: string) {
  const inv = /^[a-z0-9]{1,64}$/i.test(invitationId) ? await tx.invitation.findUnique({ where: { id: invitationId }, select: manageSelect }) : null;
  if (!inv) throw new AppError('NOT_FOUND', 'users.invitationNotFound');
  if (inv.acceptedAt) throw new AppError('CONFLICT', 'users.invitationAccepted');
  if (inv.revokedAt) throw new AppError('CONFLICT', 'users.invitationRevoked');
  return inv;
}

/**
 * Sends a pending or expired invitation again with a new token and a new
 * expiry. Only the token's hash is kept, so the old link stops working.
 * Returns the new link (shown to staff once, like on creation).
 */
export async function resendInvitation({ actor, invitationId }: { actor: Actor | null; invitationId: string }) {
  const token = newToken();
  const expiresAt = newExpiry();
  return mutate({ actor, permission: 'invitation.manage' }, async ({ tx, audit, mail }) => {
    const inv = await findForManage(tx, invitationId);
    const taken = await tx.user.findUnique({ where: { email: inv.email }, select: { id: true } });
    if (taken) throw new AppError('CONFLICT', 'invite.emailTaken');
    const now = new Date();
    // Compare-and-set on the old token: a concurrent resend, revoke or accept wins and this one is a 409.
    const claimed = await tx.invitation.updateMany({
      where: { id: inv.id, tokenHash: inv.tokenHash, acceptedAt: null, revokedAt: null },
      data: { tokenHash: hashToken(token), expiresAt, sentCount: { increment: 1 }, lastSentAt: now },
    });
    if (claimed.count !== 1) throw new AppError('CONFLICT', 'users.invitationChanged');
    await audit({
      action: 'invitation.resend',
      subjectType: 'Invitation',
      subjectId: inv.id,
      municipalityId: inv.municipalityId,
      before: { expiresAt: inv.expiresAt.toISOString(), sentCount: inv.sentCount },
      after: { email: inv.email, expiresAt: expiresAt.toISOString(), sentCount: inv.sentCount + 1 },
    });
    await mail((tx) =>
      enqueueInvitationMail(tx, {
        email: inv.email,
        locale: inv.locale,
        municipalityId: inv.municipalityId,
        municipalityName: inv.municipality?.nameLv ?? '',
        token,
        expiresAt,
      }),
    );
    return { id: inv.id, email: inv.email, expiresAt, sentCount: inv.sentCount + 1, url: inviteUrl(inv.locale, token) };
  });
}

/** Revokes a pending or expired invitation; an accepted or already revoked one is a 409. */
export async function revokeInvitation({ actor, invitationId }: { actor: Actor | null; invitationId: string }) {
  return mutate({ actor, permission: 'invitation.manage' }, async ({ tx, actor: who, audit }) => {
    const inv = await findForManage(tx, invitationId);
    const revokedAt = new Date();
    const claimed = await tx.invitation.updateMany({ where: { id: inv.id, acceptedAt: null, revokedAt: null }, data: { revokedAt, revokedById: who.id } });
    if (claimed.count !== 1) throw new AppError('CONFLICT', 'users.invitationChanged');
    await audit({
      action: 'invitation.revoke',
      subjectType: 'Invitation',
      subjectId: inv.id,
      municipalityId: inv.municipalityId,
      before: { email: inv.email, state: stateOf(inv, revokedAt) },
      after: { email: inv.email, state: 'revoked', revokedAt: revokedAt.toISOString() },
    });
    return { id: inv.id, email: inv.email, revokedAt, state: 'revoked' as const };
  });
}

/** Looks an invitation up by its token; never reveals more than the invitee needs. */
export async function findInvitationByToken(token: string) {
  if (token.length < 20 || token.length > 200) return { state: 'invalid' as const, invitation: null };
  const invitation = await db().invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, email: true, name: true, role: true, expiresAt: true, acceptedAt: true, revokedAt: true, municipality: { select: { nameLv: true } } },
  });
  if (!invitation) return { state: 'invalid' as const, invitation: null };
  return { state: stateOf(invitation), invitation };
}

/**
 * Accepts an invitation exactly once: the claim and the account are created
 * in one transaction, so two concurrent accepts give one account.
 *
 * Note: cheap rejects first (issue 17: 16 anonymous clients posting random
 * tokens stalled the server on bcrypt). Attempts are counted per address
 * (lib/auth/throttle.ts) and the token is looked up before the password is
 * hashed; only a valid invitation costs a hash. A success gives the address
 * its attempt back.
 */
export async function acceptInvitation({ input, ip }: { input: TAcceptInvitation; ip: string }) {
  const attempt = { scope: 'invitation-accept-address' as const, key: ip };
  const allowed = await consumeAttempt(attempt);
  if (!allowed.ok) throw new AppError('TOO_MANY_REQUESTS', 'auth.throttled', { retryAfterSeconds: allowed.retryAfterSeconds });
  const tokenHash = hashToken(input.token);
  const known = await db().invitation.findUnique({ where: { tokenHash }, select: { acceptedAt: true, revokedAt: true, expiresAt: true } });
  if (!known) throw new AppError('NOT_FOUND', 'invite.invalid');
  const knownState = stateOf(known);
  if (knownState !== 'valid') throw new AppError('GONE', `invite.${knownState}`);
  const passwordHash = await hashPassword(input.password);
  const user = await mutate({ actor: null, permission: 'anyone' }, async ({ tx, audit }) => {
    const found = await tx.invitation.findUnique({
      where: { tokenHash },
      select: { id: true, email: true, role: true, municipalityId: true, acceptedAt: true, revokedAt: true, expiresAt: true },
    });
    if (!found) throw new AppError('NOT_FOUND', 'invite.invalid');
    const state = stateOf(found);
    if (state !== 'valid') throw new AppError('GONE', `invite.${state}`);
    const claimed = await tx.invitation.updateMany({
      where: { id: found.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      data: { acceptedAt: new Date() },
    });
    if (claimed.count !== 1) throw new AppError('GONE', 'invite.used');
    const taken = await tx.user.findUnique({ where: { email: found.email }, select: { id: true } });
    if (taken) throw new AppError('CONFLICT', 'invite.emailTaken');
    const user = await tx.user.create({
      data: { email: found.email, name: input.name, role: found.role, municipalityId: found.municipalityId, passwordHash },
      select: { id: true, email: true, role: true, municipalityId: true },
    });
    await audit({
      actor: { id: user.id, role: user.role, municipalityId: user.municipalityId },
      action: 'invitation.accept',
      subjectType: 'Invitation',
      subjectId: found.id,
      municipalityId: found.municipalityId,
      after: { userId: user.id, email: user.email },
    });
    return user;
  });
  await refundAttempt(attempt);
  return user;
}

/** Lists invitations (newest first) with their state, for staff. */
export async function listInvitations({ actor }: { actor: Actor | null }) {
  requirePermission(actor, 'invitation.list');
  const rows = await db().invitation.findMany({
    orderBy: { createdAt: 'desc' },
    take: 200,
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      locale: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      createdAt: true,
      sentCount: true,
      lastSentAt: true,
      municipality: { select: { nameLv: true, slug: true } },
      invitedBy: { select: { email: true, name: true } },
    },
  });
  return rows.map((r) => ({ ...r, state: stateOf(r) }));
}

import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { requirePermission, type Actor } from '@/lib/authz';
import { writeAudit } from '@/lib/audit';
import { hashPassword } from '@/lib/auth/password';
import { listMunicipalityOptions } from '@/lib/municipalities/queries';
import type { TAcceptInvitation, TCreateInvitation } from '@/lib/schemas/auth';

export type InvitationState = 'valid' | 'used' | 'expired' | 'revoked' | 'invalid';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

function stateOf(inv: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now = new Date()): InvitationState {
  if (inv.acceptedAt) return 'used';
  if (inv.revokedAt) return 'revoked';
  if (inv.expiresAt <= now) return 'expired';
  return 'valid';
}

/** Creates a single-use invitation for a secretary of one municipality; returns the only copy of its link. */
export async function createInvitation({ actor, input, locale }: { actor: Actor | null; input: TCreateInvitation; locale: string }) {
  const who = requirePermission(actor, 'invitation.create');
  const municipality = (await listMunicipalityOptions()).find((m) => m.slug === input.municipalitySlug);
  if (!municipality) {
    throw new AppError('BAD_REQUEST', 'errors.formInvalid', { fieldErrors: { municipalitySlug: ['validation.invalid'] } });
  }
  const existing = await db().user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw new AppError('CONFLICT', 'invite.emailTaken', { fieldErrors: { email: ['invite.emailTaken'] } });
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + env.INVITATION_TTL_HOURS * 3600 * 1000);
  const invitation = await db().$transaction(async (tx) => {
    const created = await tx.invitation.create({
      data: { tokenHash: hashToken(token), email: input.email, name: input.name ?? null, role: 'SECRETARY', municipalityId: municipality.id, invitedById: who.id, expiresAt },
      select: { id: true, email: true, expiresAt: true },
    });
    await writeAudit(tx, { actor: who, action: 'invitation.create', subjectType: 'Invitation', subjectId: created.id, municipalityId: municipality.id, after: { email: input.email, role: 'SECRETARY', expiresAt: expiresAt.toISOString() } });
    return created;
  });
  const url = `${env.PUBLIC_BASE_URL}/${locale === 'en' ? 'en' : 'lv'}/invite/${token}`;
  return { ...invitation, url };
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
 */
export async function acceptInvitation({ input }: { input: TAcceptInvitation }) {
  const tokenHash = hashToken(input.token);
  const passwordHash = await hashPassword(input.password);
  return db().$transaction(async (tx) => {
    const found = await tx.invitation.findUnique({ where: { tokenHash }, select: { id: true, email: true, role: true, municipalityId: true, acceptedAt: true, revokedAt: true, expiresAt: true } });
    if (!found) throw new AppError('NOT_FOUND', 'invite.invalid');
    const state = stateOf(found);
    if (state !== 'valid') throw new AppError('GONE', `invite.${state}`);
    const claimed = await tx.invitation.updateMany({ where: { id: found.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } }, data: { acceptedAt: new Date() } });
    if (claimed.count !== 1) throw new AppError('GONE', 'invite.used');
    const taken = await tx.user.findUnique({ where: { email: found.email }, select: { id: true } });
    if (taken) throw new AppError('CONFLICT', 'invite.emailTaken');
    const user = await tx.user.create({
      data: { email: found.email, name: input.name, role: found.role, municipalityId: found.municipalityId, passwordHash },
      select: { id: true, email: true, role: true, municipalityId: true },
    });
    await writeAudit(tx, { actor: { id: user.id, role: user.role, municipalityId: user.municipalityId }, action: 'invitation.accept', subjectType: 'Invitation', subjectId: found.id, municipalityId: found.municipalityId, after: { userId: user.id, email: user.email } });
    return user;
  });
}

/** Lists invitations (newest first) with their state, for staff. */
export async function listInvitations({ actor }: { actor: Actor | null }) {
  requirePermission(actor, 'invitation.list');
  const rows = await db().invitation.findMany({
    orderBy: { createdAt: 'desc' },
    take: 200,
    select: { id: true, email: true, role: true, expiresAt: true, acceptedAt: true, revokedAt: true, createdAt: true, municipality: { select: { nameLv: true, slug: true } } },
  });
  return rows.map((r) => ({ ...r, state: stateOf(r) }));
}

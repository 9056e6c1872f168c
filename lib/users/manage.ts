import 'server-only';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { can, isMunicipalRole, MUNICIPAL_ROLE, requirePermission, type Actor, type Permission, type RoleName } from '@/lib/authz';
import { mutate, type MutationContext } from '@/lib/mutations';
import { LV_COLLATOR } from '@/lib/municipalities/queries';
import { utcDay } from '@/lib/dates';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { TUserFilter } from '@/lib/schemas/users';
import { rigaIsoDay } from '@/lib/dates';
import { now as clockNow } from '@/lib/clock';

/** The permission needed to deactivate, reactivate or move a user of `role`. */
export function managePermissionFor(role: RoleName): Permission {
  return isMunicipalRole(role) ? 'user.manage-secretary' : 'user.manage-staff';
}

/** Whether `actor` may deactivate / reactivate `target` (never themselves). */
export function canManageUser(actor: Actor | null, target: { id: string; role: RoleName }): boolean {
  return !!actor && actor.id !== target.id && can(actor, managePermissionFor(target.role));
}

const USER_LIMIT = 500;

const userSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  locale: true,
  isActive: true,
  deactivatedAt: true,
  sessionVersion: true,
  lastSignInAt: true,
  createdAt: true,
  municipality: { select: { id: true, slug: true, nameLv: true } },
} as const;

/** Users for the staff list, filtered; active first, then by e-mail. At most 500 (`truncated` says when there are more). */
export async function listUsers({ actor, filters = {} }: { actor: Actor | null; filters?: TUserFilter }) {
  requirePermission(actor, 'user.list');
  const where: Prisma.UserWhereInput = {};
  if (filters.role) where.role = filters.role;
  if (filters.active) where.isActive = filters.active === 'active';
  if (filters.municipality) where.municipality = { slug: filters.municipality };
  if (filters.q) where.OR = [{ email: { contains: filters.q, mode: 'insensitive' } }, { name: { contains: filters.q, mode: 'insensitive' } }];
  const rows = await db().user.findMany({ where, orderBy: [{ isActive: 'desc' }, { email: 'asc' }], take: USER_LIMIT + 1, select: userSelect });
  return { users: rows.slice(0, USER_LIMIT), truncated: rows.length > USER_LIMIT };
}

/** Where a municipality exists on `day` (a Date at UTC midnight). */
const validOn = (day: Date): Prisma.MunicipalityWhereInput => ({ validFrom: { lte: day }, OR: [{ validTo: null }, { validTo: { gte: day } }] });
const today = () => utcDay(rigaIsoDay(clockNow()));

/** Municipalities a secretary can be moved to: those that exist today, in Latvian order (for those who may move secretaries). */
export async function listMoveTargets({ actor }: { actor: Actor | null }) {
  requirePermission(actor, 'user.manage-secretary');
  const rows = await db().municipality.findMany({ where: validOn(today()), select: { id: true, slug: true, nameLv: true } });
  return rows.sort((a, b) => LV_COLLATOR.compare(a.nameLv, b.nameLv));
}

const targetSelect = {
  id: true,
  email: true,
  role: true,
  isActive: true,
  deactivatedAt: true,
  sessionVersion: true,
  municipalityId: true,
  municipality: { select: { slug: true, nameLv: true } },
} as const;

/**
 * Loads the user an action is about and checks who may act: the actor needs
 * at least 'user.manage-secretary' (else 403 before anything is revealed),
 * the user must exist (404), must not be the actor (422), and the actor needs
 * the permission for the user's role (403: only admins manage staff and admins).
 */
async function loadTarget({ tx, actor: who }: MutationContext, userId: string, opts: { self: string }) {
  const target = /^[a-z0-9]{1,64}$/i.test(userId) ? await tx.user.findUnique({ where: { id: userId }, select: targetSelect }) : null;
  if (!target) throw new AppError('NOT_FOUND', 'users.userNotFound');
  if (target.id === who.id) throw new AppError('UNPROCESSABLE', opts.self);
  requirePermission(who, managePermissionFor(target.role));
  return { who, target };
}

function checkVersion(target: { sessionVersion: number }, version: number | undefined) {
  if (version !== undefined && version !== target.sessionVersion) throw new AppError('CONFLICT', 'users.changedMeanwhile');
}

/**
 * Deactivates an account: it can no longer sign in, and its open sessions end
 * at their next request (isActive=false and a new sessionVersion).
 */
export async function deactivateUser({ actor, userId, version }: { actor: Actor | null; userId: string; version?: number }) {
  // Note: 'user.manage-secretary' is the least any management needs (403 before anything is revealed); loadTarget checks the target's role.
  return mutate({ actor, permission: 'user.manage-secretary' }, async (m) => {
    const { tx } = m;
    const { target } = await loadTarget(m, userId, { self: 'users.cannotDeactivateSelf' });
    if (!target.isActive) throw new AppError('CONFLICT', 'users.alreadyInactive');
    checkVersion(target, version);
    const deactivatedAt = new Date();
    const changed = await tx.user.updateMany({
      where: { id: target.id, isActive: true, sessionVersion: target.sessionVersion },
      data: { isActive: false, deactivatedAt, sessionVersion: { increment: 1 } },
    });
    if (changed.count !== 1) throw new AppError('CONFLICT', 'users.changedMeanwhile');
    const after = { isActive: false, deactivatedAt: deactivatedAt.toISOString(), sessionVersion: target.sessionVersion + 1 };
    await m.audit({
      action: 'user.deactivate',
      subjectType: 'User',
      subjectId: target.id,
      municipalityId: target.municipalityId,
      before: { email: target.email, role: target.role, isActive: true, sessionVersion: target.sessionVersion },
      after: { email: target.email, role: target.role, ...after },
    });
    return { id: target.id, email: target.email, ...after };
  });
}

/** Lets a deactivated account sign in again (its old sessions stay ended). */
export async function reactivateUser({ actor, userId, version }: { actor: Actor | null; userId: string; version?: number }) {
  // Note: 'user.manage-secretary' is the least any management needs (403 before anything is revealed); loadTarget checks the target's role.
  return mutate({ actor, permission: 'user.manage-secretary' }, async (m) => {
    const { tx } = m;
    const { target } = await loadTarget(m, userId, { self: 'users.cannotReactivateSelf' });
    if (target.isActive) throw new AppError('CONFLICT', 'users.alreadyActive');
    checkVersion(target, version);
    const changed = await tx.user.updateMany({
      where: { id: target.id, isActive: false, sessionVersion: target.sessionVersion },
      data: { isActive: true, deactivatedAt: null },
    });
    if (changed.count !== 1) throw new AppError('CONFLICT', 'users.changedMeanwhile');
    await m.audit({
      action: 'user.reactivate',
      subjectType: 'User',
      subjectId: target.id,
      municipalityId: target.municipalityId,
      before: { email: target.email, role: target.role, isActive: false, deactivatedAt: target.deactivatedAt?.toISOString() ?? null },
      after: { email: target.email, role: target.role, isActive: true },
    });
    return { id: target.id, email: target.email, isActive: true, sessionVersion: target.sessionVersion };
  });
}

/**
 * Binds a secretary to another municipality (one that exists today). Their
 * open sessions end (new sessionVersion), so the next request is checked
 * against the new municipality. The audit event is filed under the new
 * municipality; `before` names the old one.
 */
export async function moveSecretary({
  actor,
  userId,
  municipalitySlug,
  version,
}: {
  actor: Actor | null;
  userId: string;
  municipalitySlug: string;
  version?: number;
}) {
  // Note: 'user.manage-secretary' is the least any management needs (403 before anything is revealed); loadTarget checks the target's role.
  return mutate({ actor, permission: 'user.manage-secretary' }, async (m) => {
    const { tx } = m;
    const { target } = await loadTarget(m, userId, { self: 'users.cannotMoveSelf' });
    if (!isMunicipalRole(target.role)) throw new AppError('UNPROCESSABLE', 'users.moveOnlySecretary');
    const destination = await tx.municipality.findFirst({
      where: { slug: municipalitySlug, ...validOn(today()) },
      select: { id: true, slug: true, nameLv: true },
    });
    if (!destination) throw new AppError('UNPROCESSABLE', 'errors.formInvalid', { fieldErrors: { municipalitySlug: ['users.municipalityInvalid'] } });
    if (destination.id === target.municipalityId)
      throw new AppError('UNPROCESSABLE', 'errors.formInvalid', { fieldErrors: { municipalitySlug: ['users.moveSameMunicipality'] } });
    checkVersion(target, version);
    const changed = await tx.user.updateMany({
      where: { id: target.id, role: MUNICIPAL_ROLE, municipalityId: target.municipalityId, sessionVersion: target.sessionVersion },
      data: { municipalityId: destination.id, sessionVersion: { increment: 1 } },
    });
    if (changed.count !== 1) throw new AppError('CONFLICT', 'users.changedMeanwhile');
    const before = {
      email: target.email,
      municipalityId: target.municipalityId,
      municipalitySlug: target.municipality?.slug ?? null,
      municipality: target.municipality?.nameLv ?? null,
      sessionVersion: target.sessionVersion,
    };
    const after = {
      email: target.email,
      municipalityId: destination.id,
      municipalitySlug: destination.slug,
      municipality: destination.nameLv,
      sessionVersion: target.sessionVersion + 1,
    };
    await m.audit({ action: 'user.move', subjectType: 'User', subjectId: target.id, municipalityId: destination.id, before, after });
    return { id: target.id, email: target.email, municipality: { slug: destination.slug, nameLv: destination.nameLv }, sessionVersion: after.sessionVersion };
  });
}

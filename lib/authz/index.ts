import { AppError } from '@/lib/errors';
import type { Role } from '@/lib/generated/prisma/enums';

/**
 * Every authorization decision in the portal goes through this module.
 * "public" means no session. Own-versus-any: a secretary acts only for the
 * municipality their account is bound to.
 *
 * The roles, declared once (the Prisma enum `Role` must match: checked below). */
export const ROLES = ['SECRETARY', 'STAFF', 'ADMIN'] as const satisfies readonly Role[];
export type RoleName = (typeof ROLES)[number];
// Compile-time: every Role of the schema is listed above.
const everyRoleListed: Record<Exclude<Role, RoleName>, never> = {};
void everyRoleListed;

/** The role bound to one municipality: invited for it, moved between municipalities, acting only for its own (ownOnly rules). */
export const MUNICIPAL_ROLE = 'SECRETARY' as const satisfies RoleName;
export const isMunicipalRole = (role: string | null | undefined): boolean => role === MUNICIPAL_ROLE;

export type Actor = { id: string; role: RoleName; municipalityId: string | null };

type Rule = { roles: readonly RoleName[]; ownOnly?: readonly RoleName[] };

export const PERMISSIONS = {
  'secretary.view': { roles: ['SECRETARY', 'STAFF', 'ADMIN'], ownOnly: ['SECRETARY'] },
  'accession.record': { roles: ['SECRETARY'], ownOnly: ['SECRETARY'] },
  'accession.upload': { roles: ['SECRETARY'], ownOnly: ['SECRETARY'] },
  'accession.submit': { roles: ['SECRETARY'], ownOnly: ['SECRETARY'] },
  'accession.view-draft': { roles: ['SECRETARY', 'STAFF', 'ADMIN'], ownOnly: ['SECRETARY'] },
  'accession.verify': { roles: ['STAFF', 'ADMIN'] },
  'accession.return': { roles: ['STAFF', 'ADMIN'] },
  'accession.withdraw': { roles: ['STAFF', 'ADMIN'] },
  'document.view-unpublished': { roles: ['SECRETARY', 'STAFF', 'ADMIN'], ownOnly: ['SECRETARY'] },
  'signature.recheck': { roles: ['STAFF', 'ADMIN'] },
  'progress.edit': { roles: ['SECRETARY'], ownOnly: ['SECRETARY'] },
  'progress.view-draft': { roles: ['SECRETARY', 'STAFF', 'ADMIN'], ownOnly: ['SECRETARY'] },
  'progress.review': { roles: ['STAFF', 'ADMIN'] },
  'reporting.manage': { roles: ['STAFF', 'ADMIN'] },
  'staff.view': { roles: ['STAFF', 'ADMIN'] },
  'invitation.create': { roles: ['STAFF', 'ADMIN'] },
  'invitation.list': { roles: ['STAFF', 'ADMIN'] },
  'audit.view': { roles: ['STAFF', 'ADMIN'] },
  'invitation.manage': { roles: ['STAFF', 'ADMIN'] },
  'user.list': { roles: ['STAFF', 'ADMIN'] },
  'user.manage-secretary': { roles: ['STAFF', 'ADMIN'] },
  'user.manage-staff': { roles: ['ADMIN'] },
  'dashboard.export': { roles: ['STAFF', 'ADMIN'] },
  'term.manage': { roles: ['STAFF', 'ADMIN'] },
  'outbox.view': { roles: ['ADMIN'] },
} as const satisfies Record<string, Rule>;

export type Permission = keyof typeof PERMISSIONS;
export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

/** The roles the table allows `action` (e.g. who receives staff notices: those who may review). */
export function rolesWith(action: Permission): readonly RoleName[] {
  return PERMISSIONS[action].roles;
}

/** Answers whether `actor` may do `action` (for `municipalityId`, when the rule is own-only). */
export function can(actor: Actor | null, action: Permission, target?: { municipalityId?: string | null }): boolean {
  if (!actor) return false;
  const rule: Rule = PERMISSIONS[action];
  if (!rule.roles.includes(actor.role)) return false;
  if (rule.ownOnly?.includes(actor.role)) {
    if (!target?.municipalityId || !actor.municipalityId) return false;
    return target.municipalityId === actor.municipalityId;
  }
  return true;
}

/** Throws UNAUTHENTICATED without a session and FORBIDDEN when the rule says no; returns the actor. */
export function requirePermission(actor: Actor | null, action: Permission, target?: { municipalityId?: string | null }): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!can(actor, action, target)) throw new AppError('FORBIDDEN');
  return actor;
}

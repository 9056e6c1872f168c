import 'server-only';
import { db } from '@/lib/db/client';
import { requirePermission, type Actor } from '@/lib/authz';
import { LV_COLLATOR } from '@/lib/municipalities/queries';
import { AUDIT_PAGE_SIZE, type TAuditFilter } from '@/lib/schemas/users';
import type { Prisma } from '@/lib/generated/prisma/client';
import { rigaDayStart } from '@/lib/dates';

export type AuditFilters = Partial<Omit<TAuditFilter, 'page'>> & { page?: number };

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * Audit events, newest first, 50 a page. `from` and `to` are inclusive
 * calendar days in Riga time (the day boundaries are Riga midnights, as the
 * table shows times in Riga). An unknown municipality or actor matches nothing.
 */
export async function listAuditEvents({ actor, filters = {} }: { actor: Actor | null; filters?: AuditFilters }) {
  requirePermission(actor, 'audit.view');
  const page = Math.max(1, Math.floor(filters.page ?? 1));
  const where: Prisma.AuditEventWhereInput = {};
  if (filters.actorId) where.actorId = filters.actorId;
  if (filters.actorEmail) where.actor = { is: { email: filters.actorEmail.trim().toLowerCase() } };
  if (filters.action) where.action = filters.action;
  if (filters.municipalitySlug) {
    const m = await db().municipality.findUnique({ where: { slug: filters.municipalitySlug }, select: { id: true } });
    where.municipalityId = m?.id ?? '-'; // no id is '-': an unknown slug matches nothing
  }
  if (filters.from || filters.to) {
    where.at = {
      ...(filters.from ? { gte: rigaDayStart(filters.from) } : {}),
      ...(filters.to ? { lt: rigaDayStart(nextDay(filters.to)) } : {}),
    };
  }
  const [total, events] = await Promise.all([
    db().auditEvent.count({ where }),
    db().auditEvent.findMany({
      where,
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: {
        id: true,
        at: true,
        action: true,
        actorRole: true,
        subjectType: true,
        subjectId: true,
        municipalityId: true,
        before: true,
        after: true,
        actor: { select: { id: true, email: true, name: true, role: true } },
      },
    }),
  ]);
  const ids = [...new Set(events.map((e) => e.municipalityId).filter((id): id is string => !!id))];
  const municipalities = ids.length ? await db().municipality.findMany({ where: { id: { in: ids } }, select: { id: true, slug: true, nameLv: true } }) : [];
  const byId = new Map(municipalities.map((m) => [m.id, m]));
  const rows = events.map((e) => ({
    id: e.id.toString(),
    at: e.at,
    action: e.action,
    actorRole: e.actorRole,
    actor: e.actor,
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    municipality: e.municipalityId ? (byId.get(e.municipalityId) ?? { id: e.municipalityId, slug: null, nameLv: null }) : null,
    before: e.before,
    after: e.after,
  }));
  return { rows, total, page, pageSize: AUDIT_PAGE_SIZE, pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) };
}

export type AuditRow = Awaited<ReturnType<typeof listAuditEvents>>['rows'][number];

/** The distinct action names recorded so far, for the filter select. */
export async function listAuditActions({ actor }: { actor: Actor | null }): Promise<string[]> {
  requirePermission(actor, 'audit.view');
  const groups = await db().auditEvent.groupBy({ by: ['action'], orderBy: { action: 'asc' } });
  return groups.map((g) => g.action);
}

/** Every account (active or not), for the actor select of the filter. */
export async function listAuditActors({ actor }: { actor: Actor | null }) {
  requirePermission(actor, 'audit.view');
  const users = await db().user.findMany({ select: { id: true, email: true, name: true, role: true, isActive: true } });
  return users.sort((a, b) => LV_COLLATOR.compare(a.name, b.name) || a.email.localeCompare(b.email));
}

/** Every municipality, including merged ones (old events keep them), for the municipality select. */
export async function listAuditMunicipalities({ actor }: { actor: Actor | null }) {
  requirePermission(actor, 'audit.view');
  const rows = await db().municipality.findMany({ select: { slug: true, nameLv: true, validTo: true } });
  return rows.sort((a, b) => LV_COLLATOR.compare(a.nameLv, b.nameLv));
}

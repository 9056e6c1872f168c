import 'server-only';
import { db, type Db, type Tx } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { requirePermission, type Actor } from '@/lib/authz';
import { writeAudit } from '@/lib/audit';
import { invalidateCaches } from '@/lib/cache-bus/notify';
import { enqueueMail, kickDelivery, secretariesByMunicipality } from '@/lib/mail/outbox';
import { LV_COLLATOR, termLabel, termMunicipalityWhere } from '@/lib/municipalities/queries';

/** A municipality of the previous term that no longer exists in the new one, with its successor and any secretaries still bound to it. */
export type EndedUnit = { slug: string; nameLv: string; validTo: string | null; successor: { slug: string; nameLv: string } | null; secretaries: { id: string; email: string }[] };

export type TermOpening = { term: string; previousTerm: string | null; toRenew: { slug: string; nameLv: string; invited: number }[]; ended: EndedUnit[] };

/**
 * Staff open a council term (after local elections). Opening is once only
 * (compare-and-set on openedAt) and only in order: the term must start after
 * every opened term. Municipalities that joined in the previous term and
 * still exist get "joined in <previous>, not yet renewed" (public status
 * PREVIOUS) and their secretaries an invitation to renew, which is the joining
 * journey for the new term. Units that ended (merged) keep their history
 * under the old unit; the result names them and their successors so that
 * staff can move any secretary still bound to them.
 */
export async function openTerm({ actor, termSlug }: { actor: Actor | null; termSlug: string }): Promise<TermOpening> {
  const who = requirePermission(actor, 'term.manage');
  const result = await db().$transaction(async (tx) => {
    const term = await tx.councilTerm.findUnique({ where: { slug: termSlug }, select: { id: true, slug: true, startYear: true, endYear: true, startsOn: true, endsOn: true, openedAt: true } });
    if (!term) throw new AppError('NOT_FOUND');
    if (term.openedAt) throw new AppError('CONFLICT', 'terms.alreadyOpen');
    const later = await tx.councilTerm.findFirst({ where: { openedAt: { not: null }, startsOn: { gte: term.startsOn } }, select: { id: true } });
    if (later) throw new AppError('CONFLICT', 'terms.outOfOrder');
    const previous = await tx.councilTerm.findFirst({ where: { openedAt: { not: null }, startsOn: { lt: term.startsOn } }, orderBy: { startsOn: 'desc' }, select: { id: true, startYear: true, endYear: true, startsOn: true, endsOn: true } });
    const claimed = await tx.councilTerm.updateMany({ where: { id: term.id, openedAt: null }, data: { openedAt: new Date() } });
    if (claimed.count !== 1) throw new AppError('CONFLICT', 'terms.alreadyOpen');

    const toRenew: TermOpening['toRenew'] = [];
    const ended: EndedUnit[] = [];
    if (previous) {
      const joined = await tx.accession.findMany({
        where: { termId: previous.id, status: 'VERIFIED' },
        select: { municipality: { select: { id: true, slug: true, nameLv: true } } },
      });
      const inNewTerm = new Set((await tx.municipality.findMany({ where: termMunicipalityWhere(term), select: { id: true } })).map((m) => m.id));
      const renewing = joined.map((a) => a.municipality).filter((m) => inNewTerm.has(m.id));
      const secretaries = await secretariesByMunicipality(tx, renewing.map((m) => m.id));
      for (const m of renewing) {
        const recipients = secretaries.get(m.id) ?? [];
        for (const to of recipients) {
          await enqueueMail(tx, {
            kind: 'term.renewal', to, municipalityId: m.id, dedupeKey: `term.renewal:${term.id}:${m.id}:${to.userId ?? to.email}`,
            vars: { municipality: m.nameLv, path: `/secretary/${m.slug}`, term: termLabel(term), previousTerm: termLabel(previous) },
          });
        }
        toRenew.push({ slug: m.slug, nameLv: m.nameLv, invited: recipients.length });
      }
      ended.push(...(await endedUnits(tx, previous, inNewTerm)));
    }
    toRenew.sort((a, b) => LV_COLLATOR.compare(a.nameLv, b.nameLv));
    ended.sort((a, b) => LV_COLLATOR.compare(a.nameLv, b.nameLv));
    await invalidateCaches(tx, 'public');
    const opening: TermOpening = { term: termLabel(term), previousTerm: previous ? termLabel(previous) : null, toRenew, ended };
    await writeAudit(tx, {
      actor: who, action: 'term.open', subjectType: 'CouncilTerm', subjectId: term.id,
      before: { openedAt: null },
      after: { slug: term.slug, toRenew: toRenew.map((r) => r.slug), invited: toRenew.reduce((n, r) => n + r.invited, 0), ended: ended.map((e) => ({ slug: e.slug, successor: e.successor?.slug ?? null })) },
    });
    return opening;
  });
  kickDelivery();
  return result;
}

export type TermRow = {
  slug: string; label: string; startsOn: Date; endsOn: Date; openedAt: Date | null; municipalities: number; joined: number; canOpen: boolean;
};

/** Every council term with its size and how many municipalities joined, for the staff terms page. */
export async function listTermsForStaff({ actor }: { actor: Actor | null }): Promise<TermRow[]> {
  requirePermission(actor, 'term.manage');
  const terms = await db().councilTerm.findMany({ orderBy: { startsOn: 'asc' }, select: { id: true, slug: true, startYear: true, endYear: true, startsOn: true, endsOn: true, openedAt: true } });
  const joined = await db().accession.groupBy({ by: ['termId'], where: { status: 'VERIFIED' }, _count: { _all: true } });
  const latestOpened = terms.filter((t) => t.openedAt).at(-1);
  return Promise.all(terms.map(async (t) => ({
    slug: t.slug, label: termLabel(t), startsOn: t.startsOn, endsOn: t.endsOn, openedAt: t.openedAt,
    municipalities: await db().municipality.count({ where: termMunicipalityWhere(t) }),
    joined: joined.find((j) => j.termId === t.id)?._count._all ?? 0,
    canOpen: !t.openedAt && (!latestOpened || t.startsOn > latestOpened.startsOn),
  })));
}

/** Units of `previous` that are not among `current` municipality ids: merged or dissolved, with successor and bound secretaries. */
async function endedUnits(client: Db | Tx, previous: { startsOn: Date; endsOn: Date }, current: Set<string>): Promise<EndedUnit[]> {
  const rows = await client.municipality.findMany({
    where: { ...termMunicipalityWhere(previous), id: { notIn: [...current] } },
    select: { slug: true, nameLv: true, validTo: true, successor: { select: { slug: true, nameLv: true } }, users: { where: { role: 'SECRETARY', isActive: true }, select: { id: true, email: true } } },
  });
  return rows.map((u) => ({ slug: u.slug, nameLv: u.nameLv, validTo: u.validTo?.toISOString().slice(0, 10) ?? null, successor: u.successor, secretaries: u.users }));
}

/** Units that ended between the previous opened term and `termSlug`, for the staff terms page. */
export async function listEndedUnits({ actor, termSlug }: { actor: Actor | null; termSlug: string }): Promise<EndedUnit[]> {
  requirePermission(actor, 'term.manage');
  const term = await db().councilTerm.findUnique({ where: { slug: termSlug }, select: { startsOn: true, endsOn: true } });
  if (!term) return [];
  const previous = await db().councilTerm.findFirst({ where: { openedAt: { not: null }, startsOn: { lt: term.startsOn } }, orderBy: { startsOn: 'desc' }, select: { startsOn: true, endsOn: true } });
  if (!previous) return [];
  const current = new Set((await db().municipality.findMany({ where: termMunicipalityWhere(term), select: { id: true } })).map((m) => m.id));
  return (await endedUnits(db(), previous, current)).sort((a, b) => LV_COLLATOR.compare(a.nameLv, b.nameLv));
}

import 'server-only';
import { db, type Db, type Tx } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { MUNICIPAL_ROLE, requirePermission, type Actor } from '@/lib/authz';
import { ACCESSION_WORKFLOW } from '@/lib/authz/workflow';
import { mutate } from '@/lib/mutations';
import { now as clockNow } from '@/lib/clock';
import { enqueueMail, secretariesByMunicipality } from '@/lib/mail/outbox';
import { ensureDefaultPeriods } from '@/lib/progress/periods';
import { LV_COLLATOR, termLabel, termMunicipalityWhere } from '@/lib/municipalities/queries';
import { currentTermOf, previousTermOf } from './calendar';

/** A municipality of the previous term that no longer exists in the new one, with its successor and any secretaries still bound to it. */
export type EndedUnit = {
  slug: string;
  nameLv: string;
  validTo: string | null;
  successor: { slug: string; nameLv: string } | null;
  secretaries: { id: string; email: string }[];
};

export type TermOpening = { term: string; previousTerm: string | null; toRenew: { slug: string; nameLv: string; invited: number }[]; ended: EndedUnit[] };

type TermRef = { id: string; slug: string; startYear: number; endYear: number; startsOn: Date; endsOn: Date };
const termFields = { id: true, slug: true, startYear: true, endYear: true, startsOn: true, endsOn: true } as const;

/**
 * The one-time renewal invitation: every active secretary of a municipality
 * that joined (VERIFIED) in the term before `term`, still exists in `term`
 * and has no accession of `term` yet gets one 'term.renewal' e-mail per
 * term, ever (the dedupe key makes every later call a no-op for them).
 * Called daily by the reminders run once the term has begun, and when
 * staff set up reporting; no staff action is needed for it.
 */
async function inviteRenewals(tx: Tx, term: TermRef, previous: TermRef): Promise<TermOpening['toRenew']> {
  const joined = await tx.accession.findMany({
    where: {
      termId: previous.id,
      status: { in: [...ACCESSION_WORKFLOW.sets.member] },
      municipality: { ...termMunicipalityWhere(term), accessions: { none: { termId: term.id } } },
    },
    select: { municipality: { select: { id: true, slug: true, nameLv: true } } },
  });
  const renewing = joined.map((a) => a.municipality);
  const secretaries = await secretariesByMunicipality(
    tx,
    renewing.map((m) => m.id),
  );
  const toRenew: TermOpening['toRenew'] = [];
  for (const m of renewing) {
    let invited = 0;
    for (const to of secretaries.get(m.id) ?? []) {
      const inserted = await enqueueMail(tx, {
        kind: 'term.renewal',
        to,
        municipalityId: m.id,
        dedupeKey: `term.renewal:${term.id}:${m.id}:${to.userId ?? to.email}`,
        vars: { municipality: m.nameLv, path: `/secretary/${m.slug}`, term: termLabel(term), previousTerm: termLabel(previous) },
      });
      if (inserted) invited += 1;
    }
    toRenew.push({ slug: m.slug, nameLv: m.nameLv, invited });
  }
  return toRenew.sort((a, b) => LV_COLLATOR.compare(a.nameLv, b.nameLv));
}

/**
 * Sends the renewal invitations of the current term (by the calendar), once
 * per secretary: part of the daily reminders run (lib/mail/reminders).
 * Returns how many were enqueued now.
 */
export async function sendRenewalInvitations(tx: Tx, { now = clockNow() }: { now?: Date } = {}): Promise<number> {
  const terms = await tx.councilTerm.findMany({ select: termFields });
  const term = currentTermOf(terms, now);
  const previous = term ? previousTermOf(terms, term) : null;
  if (!term || !previous) return 0;
  return (await inviteRenewals(tx, term, previous)).reduce((n, r) => n + r.invited, 0);
}

/**
 * Staff set up reporting for a council term (the term itself exists by the
 * calendar: lib/terms/calendar). Once only (compare-and-set on openedAt)
 * and in order (never before an earlier term). Creates the default
 * reporting periods when missing, so that secretaries can report and the
 * reporting duty (lib/progress/deadlines) begins. Renewal invitations that
 * are still due go out now (the same one-time invitation as the daily run).
 * The result names the municipalities to renew and the units that ended,
 * with their successors, so that staff can move any secretary still bound to them.
 */
export async function setUpTermReporting({ actor, termSlug }: { actor: Actor | null; termSlug: string }): Promise<TermOpening> {
  return mutate({ actor, permission: 'term.manage' }, async ({ tx, audit, invalidate, mail }) => {
    const term = await tx.councilTerm.findUnique({ where: { slug: termSlug }, select: { ...termFields, openedAt: true } });
    if (!term) throw new AppError('NOT_FOUND');
    if (term.openedAt) throw new AppError('CONFLICT', 'terms.alreadyOpen');
    const later = await tx.councilTerm.findFirst({ where: { openedAt: { not: null }, startsOn: { gte: term.startsOn } }, select: { id: true } });
    if (later) throw new AppError('CONFLICT', 'terms.outOfOrder');
    const claimed = await tx.councilTerm.updateMany({ where: { id: term.id, openedAt: null }, data: { openedAt: new Date() } });
    if (claimed.count !== 1) throw new AppError('CONFLICT', 'terms.alreadyOpen');
    await ensureDefaultPeriods(tx, term.slug);
    const previous = previousTermOf(await tx.councilTerm.findMany({ select: termFields }), term);
    const toRenew = previous ? await mail((tx) => inviteRenewals(tx, term, previous)) : [];
    const ended = previous ? await endedUnits(tx, previous, term) : [];
    invalidate('public');
    const opening: TermOpening = { term: termLabel(term), previousTerm: previous ? termLabel(previous) : null, toRenew, ended };
    await audit({
      action: 'term.open',
      subjectType: 'CouncilTerm',
      subjectId: term.id,
      before: { openedAt: null },
      after: {
        slug: term.slug,
        reportingSetUp: true,
        toRenew: toRenew.map((r) => r.slug),
        invited: toRenew.reduce((n, r) => n + r.invited, 0),
        ended: ended.map((e) => ({ slug: e.slug, successor: e.successor?.slug ?? null })),
      },
    });
    return opening;
  });
}

export type TermRow = {
  slug: string;
  label: string;
  startsOn: Date;
  endsOn: Date;
  electionDay: Date | null;
  openedAt: Date | null;
  municipalities: number;
  joined: number;
  canOpen: boolean;
  isCurrent: boolean;
  citation: { title: string; publisher: string; url: string | null; documentRef: string | null; language: string } | null;
};

/** Every council term with its dates, source, size, joins and whether reporting is set up, for the staff terms page. */
export async function listTermsForStaff({ actor, now = clockNow() }: { actor: Actor | null; now?: Date }): Promise<TermRow[]> {
  requirePermission(actor, 'term.manage');
  const terms = await db().councilTerm.findMany({
    orderBy: { startsOn: 'asc' },
    select: {
      ...termFields,
      electionDay: true,
      openedAt: true,
      citation: { select: { title: true, publisher: true, url: true, documentRef: true, language: true } },
    },
  });
  const joined = await db().accession.groupBy({ by: ['termId'], where: { status: { in: [...ACCESSION_WORKFLOW.sets.member] } }, _count: { _all: true } });
  const latestSetUp = terms.filter((t) => t.openedAt).at(-1);
  const current = currentTermOf(terms, now);
  return Promise.all(
    terms.map(async (t) => ({
      slug: t.slug,
      label: termLabel(t),
      startsOn: t.startsOn,
      endsOn: t.endsOn,
      electionDay: t.electionDay,
      openedAt: t.openedAt,
      citation: t.citation,
      municipalities: await db().municipality.count({ where: termMunicipalityWhere(t) }),
      joined: joined.find((j) => j.termId === t.id)?._count._all ?? 0,
      canOpen: !t.openedAt && (!latestSetUp || t.startsOn > latestSetUp.startsOn),
      isCurrent: t === current,
    })),
  );
}

/** Units of `previous` that do not exist in `term`: merged or dissolved, with successor and bound secretaries. */
async function endedUnits(client: Db | Tx, previous: { startsOn: Date; endsOn: Date }, term: { startsOn: Date; endsOn: Date }): Promise<EndedUnit[]> {
  const current = (await client.municipality.findMany({ where: termMunicipalityWhere(term), select: { id: true } })).map((m) => m.id);
  const rows = await client.municipality.findMany({
    where: { ...termMunicipalityWhere(previous), id: { notIn: current } },
    select: {
      slug: true,
      nameLv: true,
      validTo: true,
      successor: { select: { slug: true, nameLv: true } },
      users: { where: { role: MUNICIPAL_ROLE, isActive: true }, select: { id: true, email: true } },
    },
  });
  return rows
    .map((u) => ({ slug: u.slug, nameLv: u.nameLv, validTo: u.validTo?.toISOString().slice(0, 10) ?? null, successor: u.successor, secretaries: u.users }))
    .sort((a, b) => LV_COLLATOR.compare(a.nameLv, b.nameLv));
}

/** Units that ended between the term before `termSlug` (by the calendar) and `termSlug`, for the staff terms page. */
export async function listEndedUnits({ actor, termSlug }: { actor: Actor | null; termSlug: string }): Promise<EndedUnit[]> {
  requirePermission(actor, 'term.manage');
  const terms = await db().councilTerm.findMany({ select: { slug: true, startsOn: true, endsOn: true } });
  const term = terms.find((t) => t.slug === termSlug);
  const previous = term ? previousTermOf(terms, term) : null;
  return term && previous ? endedUnits(db(), previous, term) : [];
}

import 'server-only';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';

/** Latvian alphabetical order (Ā after A, Ķ after K), whatever the database collation. */
export const LV_COLLATOR = new Intl.Collator('lv');

export type TermDto = { id: string; slug: string; label: string; startYear: number; endYear: number; startsOn: Date; endsOn: Date; openedAt: Date | null };

const termSelect = { id: true, slug: true, startYear: true, endYear: true, startsOn: true, endsOn: true, openedAt: true } as const;
const labelOf = (t: { startYear: number; endYear: number }) => `${t.startYear}–${t.endYear}`;

/** All council terms, oldest first. */
export async function listTerms(): Promise<TermDto[]> {
  const rows = await db().councilTerm.findMany({ orderBy: { startYear: 'asc' }, select: termSelect });
  return rows.map((t) => ({ ...t, label: labelOf(t) }));
}

/** The current term: the opened term that started last, or null. */
export async function findCurrentTerm(): Promise<TermDto | null> {
  const t = await db().councilTerm.findFirst({ where: { openedAt: { not: null } }, orderBy: { startYear: 'desc' }, select: termSelect });
  return t ? { ...t, label: labelOf(t) } : null;
}

/** Municipalities that existed during the term (a merged unit stays in its old terms). */
export function termMunicipalityWhere(term: { startsOn: Date; endsOn: Date }) {
  return { validFrom: { lte: term.endsOn }, OR: [{ validTo: null }, { validTo: { gte: term.startsOn } }] };
}

/** One municipality's public facts and its public accession record for every term. */
export async function findMunicipalityPublic(slug: string) {
  const m = await db().municipality.findUnique({
    where: { slug },
    select: {
      id: true, slug: true, nameLv: true, officialNameLv: true, type: true, population: true, populationYear: true, populationSource: true,
      areaKm2: true, areaSource: true, areaKm2Geometry: true, validFrom: true, validTo: true, statusNote: true, atvkCode: true, iso3166_2: true,
      successor: { select: { slug: true, nameLv: true } },
      accessions: {
        where: { status: { in: ['VERIFIED', 'WITHDRAWN', 'SUBMITTED'] } },
        select: {
          id: true, status: true, councilBody: true, sessionDate: true, sessionYearInferred: true, sessionType: true, decisionNumber: true,
          agendaItem: true, signatoryName: true, signatoryRole: true, source: true, sourceNote: true, isDemo: true, verifiedAt: true, withdrawnAt: true,
          withdrawalReason: true, term: { select: { slug: true, startYear: true, endYear: true } },
          events: { where: { type: { in: ['SUBMITTED', 'RETURNED', 'VERIFIED', 'WITHDRAWN'] } }, orderBy: { at: 'asc' }, select: { type: true, at: true, reason: true } },
          documents: { orderBy: { createdAt: 'asc' }, select: { id: true, kind: true, sha256: true, sizeBytes: true, originalName: true, inspection: true } },
        },
      },
    },
  });
  if (!m) return null;
  // Note: a pending submission is shown only as "awaiting verification"; its unverified facts stay private.
  // Note: reasons for returning a submission are correspondence with the secretary, not public.
  const accessions = m.accessions.map((a) =>
    a.status === 'SUBMITTED'
      ? { ...a, councilBody: null, sessionDate: null, decisionNumber: null, agendaItem: null, signatoryName: null, signatoryRole: null, source: null, sourceNote: null, events: [], documents: [] }
      : { ...a, events: a.events.map((e) => (e.type === 'RETURNED' ? { ...e, reason: null } : e)) },
  );
  return { ...m, accessions };
}

/** Municipalities of the current term, for staff pickers. */
export async function listMunicipalityOptions() {
  const term = await findCurrentTerm();
  if (!term) return [];
  const rows = await db().municipality.findMany({ where: termMunicipalityWhere(term), select: { id: true, slug: true, nameLv: true } });
  return rows.sort((a, b) => LV_COLLATOR.compare(a.nameLv, b.nameLv));
}

/** The id of a municipality by slug; unknown slugs are a 404. */
export async function municipalityIdBySlug(slug: string): Promise<string> {
  const m = await db().municipality.findUnique({ where: { slug }, select: { id: true } });
  if (!m) throw new AppError('NOT_FOUND');
  return m.id;
}

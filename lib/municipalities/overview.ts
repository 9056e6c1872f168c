import 'server-only';
import { accessionStatesSql } from '@/lib/authz/workflow-sql';
import { db } from '@/lib/db/client';
import { cachesCoherent, registerCache } from '@/lib/cache-bus/registry';
import { now as clockNow } from '@/lib/clock';
import { browsableTerms, previousTermOf, termOnDay } from '@/lib/terms/calendar';
import { rigaIsoDay } from '@/lib/dates';
import { LV_COLLATOR, termMunicipalitySql, termLabel } from './queries';

/** Public status of a municipality in a term; PREVIOUS = joined in the previous term, not yet renewed. */
export const MAP_STATUSES = ['VERIFIED', 'SUBMITTED', 'WITHDRAWN', 'PREVIOUS', 'NONE'] as const;
export type MapStatus = (typeof MAP_STATUSES)[number];

export type OverviewRow = {
  slug: string;
  nameLv: string;
  officialNameLv: string;
  type: 'STATE_CITY' | 'MUNICIPALITY';
  population: number | null;
  populationYear: number | null;
  status: MapStatus;
  decisionNumber: string | null;
  sessionDate: string | null;
  sessionYearInferred: boolean;
  isDemo: boolean;
};
/** `startsOn` ('YYYY-MM-DD') picks the term's boundaries on the map (lib/map/store); absent where only the label is needed. */
export type OverviewTerm = { slug: string; label: string; startYear: number; endYear: number; startsOn?: string };
export type Overview = { term: OverviewTerm; terms: OverviewTerm[]; previousTerm: OverviewTerm | null; rows: OverviewRow[] };

type OverviewSqlRow = Omit<OverviewRow, 'status' | 'sessionYearInferred' | 'isDemo'> & {
  status: string | null;
  sessionYearInferred: boolean | null;
  isDemo: boolean | null;
  previousVerified: boolean;
};

/**
 * The public picture of one council term (the current one by the calendar
 * by default: the term containing today in Riga, no staff action needed):
 * every municipality of the term with its public status. Only verified,
 * withdrawn and awaiting accessions count; drafts and returned submissions
 * show as not joined. Terms that have not started yet are not shown. Kept in
 * this process per term and Riga day until a public change in any instance
 * clears it (lib/cache-bus; Next's data cache could only be expired from
 * inside a request, not by the listener). Concurrent callers share one load.
 */
export function getTermOverview(termSlug: string | null, { now = clockNow() }: { now?: Date } = {}): Promise<Overview | null> {
  const day = rigaIsoDay(now);
  if (!cachesCoherent()) return loadTermOverview(termSlug, { day });
  const map = overviewCache();
  const key = `${termSlug ?? ''}|${day}`;
  const hit = map.get(key);
  if (hit) return hit;
  const value = loadTermOverview(termSlug, { day });
  if (map.size >= 64) map.clear(); // unknown term slugs from the query string cannot grow it without bound
  map.set(key, value);
  value.catch(() => {
    if (map.get(key) === value) map.delete(key);
  });
  return value;
}

const OVERVIEW_KEY = Symbol.for('memorands.termOverviewCache');
function overviewCache(): Map<string, Promise<Overview | null>> {
  const holder = globalThis as unknown as Record<symbol, Map<string, Promise<Overview | null>> | undefined>;
  if (!holder[OVERVIEW_KEY]) {
    const map = new Map<string, Promise<Overview | null>>();
    holder[OVERVIEW_KEY] = map;
    registerCache('term-overview', ['public'], () => map.clear());
  }
  return holder[OVERVIEW_KEY];
}

/** The uncached query behind {@link getTermOverview}; `day` ('YYYY-MM-DD', Riga) decides the current and browsable terms. */
export async function loadTermOverview(
  termSlug: string | null,
  { now = clockNow(), day = rigaIsoDay(now) }: { now?: Date; day?: string } = {},
): Promise<Overview | null> {
  const all = await db().councilTerm.findMany({
    orderBy: { startsOn: 'asc' },
    select: { id: true, slug: true, startYear: true, endYear: true, startsOn: true, endsOn: true },
  });
  const at = new Date(`${day}T10:00:00Z`);
  const shown = browsableTerms(all, at);
  const term = termSlug ? shown.find((t) => t.slug === termSlug) : termOnDay(all, day);
  if (!term) return null;
  const previous = previousTermOf(all, term);
  // One query for every municipality of the term with its accession of the term and whether it was verified in the previous one.
  const rows = await db().$queryRaw<OverviewSqlRow[]>`
    SELECT m."slug", m."nameLv", m."officialNameLv", m."type"::text AS "type", m."population", m."populationYear",
      a."status"::text AS "status", a."decisionNumber", to_char(a."sessionDate", 'YYYY-MM-DD') AS "sessionDate", a."sessionYearInferred", a."isDemo",
      EXISTS (SELECT 1 FROM "Accession" p WHERE p."municipalityId" = m."id" AND p."termId" = ${previous?.id ?? null} AND p."status" IN (${accessionStatesSql('member')})) AS "previousVerified"
    FROM "Municipality" m
    LEFT JOIN "Accession" a ON a."municipalityId" = m."id" AND a."termId" = ${term.id} AND a."status" IN (${accessionStatesSql('shown')})
    WHERE ${termMunicipalitySql(term)}`;
  const toTerm = (t: { slug: string; startYear: number; endYear: number; startsOn: Date }): OverviewTerm => ({
    slug: t.slug,
    label: termLabel(t),
    startYear: t.startYear,
    endYear: t.endYear,
    startsOn: t.startsOn.toISOString().slice(0, 10),
  });
  return {
    term: toTerm(term),
    terms: shown.map(toTerm),
    previousTerm: previous ? toTerm(previous) : null,
    rows: rows
      .map(({ status: now, previousVerified, sessionDate, decisionNumber, sessionYearInferred, isDemo, ...m }): OverviewRow => {
        const status: MapStatus = now ? (now as 'VERIFIED' | 'SUBMITTED' | 'WITHDRAWN') : previous && previousVerified ? 'PREVIOUS' : 'NONE';
        const facts = now && now !== 'SUBMITTED';
        return {
          ...m,
          status,
          decisionNumber: facts ? decisionNumber : null,
          sessionDate: facts ? sessionDate : null,
          sessionYearInferred: facts ? Boolean(sessionYearInferred) : false,
          isDemo: isDemo ?? false,
        };
      })
      .sort((a, b) => LV_COLLATOR.compare(a.nameLv, b.nameLv)),
  };
}

export type OverviewCounts = {
  total: number;
  byStatus: Record<MapStatus, number>;
  populationKnown: number;
  populationUnknown: number;
  populationJoinedShare: number | null;
};

/** Counts for the legend and the headline; the population share only over municipalities whose population is known. */
export function countOverview(rows: OverviewRow[]): OverviewCounts {
  const byStatus = Object.fromEntries(MAP_STATUSES.map((s) => [s, 0])) as Record<MapStatus, number>;
  for (const r of rows) byStatus[r.status] += 1;
  const known = rows.filter((r) => r.population !== null);
  const total = known.reduce((sum, r) => sum + (r.population ?? 0), 0);
  const joined = known.filter((r) => r.status === 'VERIFIED').reduce((sum, r) => sum + (r.population ?? 0), 0);
  return {
    total: rows.length,
    byStatus,
    populationKnown: known.length,
    populationUnknown: rows.length - known.length,
    populationJoinedShare: total > 0 ? joined / total : null,
  };
}

/** Lower-case, without diacritics: "Jēkabpils" and "jekabpils" match. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

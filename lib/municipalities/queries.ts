import 'server-only';
import type { AccessionState } from '@/lib/authz/workflow';
import { accessionStatesSql } from '@/lib/authz/workflow-sql';
import { cache } from 'react';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import { utcDay } from '@/lib/dates';
import { now as clockNow } from '@/lib/clock';
import { browsableTerms, currentTermOf, previousTermOf } from '@/lib/terms/calendar';

/** Latvian alphabetical order (Ā after A, Ķ after K), whatever the database collation. */
export const LV_COLLATOR = new Intl.Collator('lv');

/** A council term; `openedAt` is when staff set up reporting for it (null: not yet), not whether it exists. */
export type TermDto = {
  id: string;
  slug: string;
  label: string;
  startYear: number;
  endYear: number;
  startsOn: Date;
  endsOn: Date;
  electionDay: Date | null;
  openedAt: Date | null;
};

const termSelect = { id: true, slug: true, startYear: true, endYear: true, startsOn: true, endsOn: true, electionDay: true, openedAt: true } as const;
/** A council term as people write it: '2021–2025' (en dash). */
export const termLabel = (t: { startYear: number; endYear: number }) => `${t.startYear}–${t.endYear}`;

/** All council terms, oldest first. */
export async function listTerms(): Promise<TermDto[]> {
  const rows = await db().councilTerm.findMany({ orderBy: { startYear: 'asc' }, select: termSelect });
  return rows.map((t) => ({ ...t, label: termLabel(t) }));
}

/** The current term by the calendar: the one containing today in Europe/Riga (lib/terms/calendar), whatever staff did; null only with no terms. */
export async function findCurrentTerm({ now = clockNow() }: { now?: Date } = {}): Promise<TermDto | null> {
  return currentTermOf(await listTerms(), now);
}

/** The terms the public may browse on `now` (the current one and earlier ones), oldest first. */
export async function listBrowsableTerms({ now = clockNow() }: { now?: Date } = {}): Promise<TermDto[]> {
  return browsableTerms(await listTerms(), now);
}

/** The term before `term` by the calendar, or null. */
export async function findPreviousTerm(term: { startsOn: Date }): Promise<TermDto | null> {
  return previousTermOf(await listTerms(), term);
}

/** Municipalities that existed during the term (a merged unit stays in its old terms). */
export function termMunicipalityWhere(term: { startsOn: Date; endsOn: Date }) {
  return { validFrom: { lte: term.endsOn }, OR: [{ validTo: null }, { validTo: { gte: term.startsOn } }] };
}

/** {@link termMunicipalityWhere} for raw SQL over "Municipality" aliased `m`. */
export function termMunicipalitySql(term: { startsOn: Date; endsOn: Date }): Prisma.Sql {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return Prisma.sql`m."validFrom" <= ${day(term.endsOn)}::date AND (m."validTo" IS NULL OR m."validTo" >= ${day(term.startsOn)}::date)`;
}

type AccessionStatus = AccessionState;
type PublicAccessionJson = {
  id: string;
  status: AccessionStatus;
  councilBody: string | null;
  sessionDate: string | null;
  sessionYearInferred: boolean;
  sessionType: 'REGULAR' | 'EXTRAORDINARY' | 'UNSTATED';
  decisionNumber: string | null;
  agendaItem: string | null;
  signatoryName: string | null;
  signatoryRole: string | null;
  source: string | null;
  sourceNote: string | null;
  isDemo: boolean;
  verifiedAt: string | null;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
  term: { slug: string; startYear: number; endYear: number; startsOn: string; electionDay: string | null };
  citation: PublicCitation | null;
  events: { type: 'RECORDED' | 'SUBMITTED' | 'RETURNED' | 'VERIFIED' | 'WITHDRAWN'; at: string; reason: string | null }[];
  documents: { id: string; kind: 'DECISION' | 'ANNEX' | 'EVIDENCE'; sha256: string; sizeBytes: number; originalName: string; inspection: unknown }[];
};
/** A published source as the public sees it (lib/terms: Citation). */
export type PublicCitation = {
  title: string;
  publisher: string;
  publishedOn: string | null;
  url: string | null;
  documentRef: string | null;
  language: 'lv' | 'en';
  retrievedOn?: string | null;
};
const CITATION_JSON = (alias: string) =>
  Prisma.raw(
    `json_build_object('title', ${alias}."title", 'publisher', ${alias}."publisher", 'publishedOn', ${alias}."publishedOn", 'url', ${alias}."url", 'documentRef', ${alias}."documentRef", 'language', ${alias}."language", 'retrievedOn', ${alias}."retrievedOn")`,
  );

type PublicMunicipalityRow = {
  id: string;
  slug: string;
  nameLv: string;
  officialNameLv: string;
  type: 'STATE_CITY' | 'MUNICIPALITY';
  population: number | null;
  populationYear: number | null;
  populationSource: string | null;
  areaKm2: number | null;
  areaSource: string | null;
  areaKm2Geometry: number | null;
  validFrom: Date;
  validTo: Date | null;
  statusNote: string | null;
  atvkCode: string | null;
  iso3166_2: string | null;
  successor: { slug: string; nameLv: string } | null;
  /** Municipalities merged into this one (Varakļānu novads into Madonas novads), each with its last day and the source of the change. */
  predecessors: { slug: string; nameLv: string; validTo: string | null; citation: PublicCitation | null }[];
  changeCitation: PublicCitation | null;
  populationCitation: PublicCitation | null;
  atvkCitation: PublicCitation | null;
  accessions: PublicAccessionJson[];
};

/** A timestamp(3) column read through json_build_object ("2021-07-22T10:00:00.123", stored as UTC, as Prisma reads it) → Date. */
export const utcInstant = (value: string | null): Date | null => (value === null ? null : new Date(/[Zz]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`));

/**
 * One municipality's public facts and its public accession record for every
 * term (with the term, public history and documents), in one query; the
 * same call in one request (page and metadata) runs it once.
 */
export const findMunicipalityPublic = cache(async (slug: string) => {
  const [m] = await db().$queryRaw<PublicMunicipalityRow[]>`
    SELECT m."id", m."slug", m."nameLv", m."officialNameLv", m."type"::text AS "type", m."population", m."populationYear", m."populationSource",
      m."areaKm2", m."areaSource", m."areaKm2Geometry", m."validFrom", m."validTo", m."statusNote", m."atvkCode", m."iso3166_2",
      (SELECT json_build_object('slug', s."slug", 'nameLv', s."nameLv") FROM "Municipality" s WHERE s."id" = m."successorId") AS "successor",
      (SELECT ${CITATION_JSON('cc')} FROM "Citation" cc WHERE cc."id" = m."changeCitationId") AS "changeCitation",
      COALESCE((
        SELECT json_agg(json_build_object('slug', p."slug", 'nameLv', p."nameLv", 'validTo', p."validTo",
          'citation', (SELECT ${CITATION_JSON('pcc')} FROM "Citation" pcc WHERE pcc."id" = p."changeCitationId")) ORDER BY p."nameLv")
        FROM "Municipality" p WHERE p."successorId" = m."id"
      ), '[]') AS "predecessors",
      (SELECT ${CITATION_JSON('pc')} FROM "Citation" pc WHERE pc."id" = m."populationCitationId") AS "populationCitation",
      (SELECT ${CITATION_JSON('ac')} FROM "Citation" ac WHERE ac."id" = m."atvkCitationId") AS "atvkCitation",
      COALESCE((
        SELECT json_agg(json_build_object(
          'id', a."id", 'status', a."status", 'councilBody', a."councilBody", 'sessionDate', a."sessionDate", 'sessionYearInferred', a."sessionYearInferred",
          'sessionType', a."sessionType", 'decisionNumber', a."decisionNumber", 'agendaItem', a."agendaItem", 'signatoryName', a."signatoryName",
          'signatoryRole', a."signatoryRole", 'source', a."source", 'sourceNote', a."sourceNote", 'isDemo', a."isDemo", 'verifiedAt', a."verifiedAt",
          'withdrawnAt', a."withdrawnAt", 'withdrawalReason', a."withdrawalReason",
          'term', json_build_object('slug', t."slug", 'startYear', t."startYear", 'endYear', t."endYear", 'startsOn', t."startsOn", 'electionDay', t."electionDay"),
          'citation', (SELECT ${CITATION_JSON('c')} FROM "Citation" c WHERE c."id" = a."citationId"),
          'events', COALESCE((
            SELECT json_agg(json_build_object('type', e."type", 'at', e."at", 'reason', e."reason") ORDER BY e."at")
            FROM "AccessionEvent" e WHERE e."accessionId" = a."id" AND e."type" IN ('SUBMITTED', 'RETURNED', 'VERIFIED', 'WITHDRAWN')), '[]'),
          'documents', COALESCE((
            SELECT json_agg(json_build_object('id', d."id", 'kind', d."kind", 'sha256', d."sha256", 'sizeBytes', d."sizeBytes", 'originalName', d."originalName", 'inspection', d."inspection") ORDER BY d."createdAt")
            FROM "Document" d WHERE d."accessionId" = a."id"), '[]')
        ) ORDER BY t."startYear")
        FROM "Accession" a JOIN "CouncilTerm" t ON t."id" = a."termId"
        WHERE a."municipalityId" = m."id" AND a."status" IN (${accessionStatesSql('shown')})
      ), '[]') AS "accessions"
    FROM "Municipality" m
    WHERE m."slug" = ${slug}`;
  if (!m) return null;
  // Note: a pending submission is shown only as "awaiting verification"; its unverified facts stay private.
  // Note: reasons for returning a submission are correspondence with the secretary, not public.
  const accessions = m.accessions.map((json) => {
    const a = {
      ...json,
      sessionDate: json.sessionDate === null ? null : utcDay(json.sessionDate.slice(0, 10)),
      verifiedAt: utcInstant(json.verifiedAt),
      withdrawnAt: utcInstant(json.withdrawnAt),
      events: json.events.map((e) => ({ ...e, at: utcInstant(e.at)! })),
    };
    return a.status === 'SUBMITTED'
      ? {
          ...a,
          councilBody: null,
          sessionDate: null,
          decisionNumber: null,
          agendaItem: null,
          signatoryName: null,
          signatoryRole: null,
          source: null,
          sourceNote: null,
          citation: null,
          events: [],
          documents: [],
        }
      : { ...a, events: a.events.map((e) => (e.type === 'RETURNED' ? { ...e, reason: null } : e)) };
  });
  const predecessors = m.predecessors.map((p) => ({ ...p, validTo: p.validTo === null ? null : utcDay(p.validTo.slice(0, 10)) }));
  return { ...m, predecessors, accessions };
});

/** Municipalities of the current term, for staff pickers. */
export async function listMunicipalityOptions({ now = clockNow() }: { now?: Date } = {}) {
  const term = await findCurrentTerm({ now });
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

import 'server-only';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { findCurrentTerm, listTerms, LV_COLLATOR, termMunicipalityWhere, type TermDto } from '@/lib/municipalities/queries';
import type { MunicipalityStatus, OpenAccession, OpenDocument, OpenGeometry, OpenMunicipality } from './fields';

/**
 * The open data access layer. Public by design (no actor): every query
 * selects field by field, so a draft, a returned or a pending submission's
 * facts, return reasons, uploaders, e-mail addresses and any other user data
 * can never reach a response.
 */

/** Accession statuses whose records are public facts. */
const PUBLIC_STATUSES = ['VERIFIED', 'WITHDRAWN'] as const;

export type OpenRow<T> = { item: T; geometry: OpenGeometry | null };
export type MunicipalityData = { term: string; rows: OpenRow<OpenMunicipality>[] };
export type AccessionData = { term: string | null; rows: OpenRow<OpenAccession>[] };

const day = (d: Date | null): string | null => (d ? d.toISOString().slice(0, 10) : null);
const instant = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** The term named by `slug` (a 404 when there is none), or the current term; never a term that does not exist. */
export async function resolveTerm(slug?: string): Promise<TermDto> {
  if (slug) {
    const term = (await listTerms()).find((t) => t.slug === slug);
    if (!term) throw new AppError('NOT_FOUND');
    return term;
  }
  const current = (await findCurrentTerm()) ?? (await listTerms()).at(-1);
  if (!current) throw new AppError('NOT_FOUND');
  return current;
}

/** Keeps a stored boundary only when it is a GeoJSON Polygon or MultiPolygon. */
export function geometryOf(value: unknown): OpenGeometry | null {
  if (typeof value !== 'object' || value === null) return null;
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
  if ((type === 'Polygon' || type === 'MultiPolygon') && Array.isArray(coordinates)) return value as OpenGeometry;
  return null;
}

function municipalityStatus(status: string | undefined): MunicipalityStatus {
  if (status === 'VERIFIED') return 'verified';
  if (status === 'WITHDRAWN') return 'withdrawn';
  if (status === 'SUBMITTED') return 'awaiting_verification';
  // Note: DRAFT and RETURNED are the municipality's own work in progress, publicly "not joined".
  return 'not_joined';
}

/**
 * Every municipality of a term (default: the current term) with its public
 * status only: verified, withdrawn, awaiting verification or not joined.
 * Returns no decision facts and no data of drafts or returned submissions.
 */
export async function listOpenMunicipalities(opts: { term?: string; withGeometry?: boolean }): Promise<MunicipalityData> {
  const term = await resolveTerm(opts.term);
  const rows = await db().municipality.findMany({
    where: termMunicipalityWhere(term),
    orderBy: { slug: 'asc' },
    select: {
      slug: true, atvkCode: true, iso3166_2: true, nameLv: true, officialNameLv: true, type: true, population: true, populationYear: true,
      populationSource: true, areaKm2: true, validFrom: true, validTo: true, boundary: opts.withGeometry ?? false,
      successor: { select: { slug: true } },
      accessions: { where: { termId: term.id }, select: { status: true, isDemo: true } },
    },
  });
  const out = rows.map((m): OpenRow<OpenMunicipality> => {
    const accession = m.accessions[0];
    const status = municipalityStatus(accession?.status);
    return {
      item: {
        slug: m.slug, atvk_code: m.atvkCode, iso_3166_2: m.iso3166_2, name_lv: m.nameLv, official_name_lv: m.officialNameLv,
        type: m.type === 'STATE_CITY' ? 'state_city' : 'municipality',
        population: m.population, population_year: m.populationYear, population_source: m.populationSource, area_km2: m.areaKm2,
        valid_from: m.validFrom.toISOString().slice(0, 10), valid_to: day(m.validTo), successor_slug: m.successor?.slug ?? null,
        term: term.slug, status, is_demo: status !== 'not_joined' && Boolean(accession?.isDemo),
      },
      geometry: geometryOf(m.boundary),
    };
  });
  return { term: term.slug, rows: out.sort((a, b) => LV_COLLATOR.compare(a.item.name_lv, b.item.name_lv) || a.item.slug.localeCompare(b.item.slug)) };
}

const SESSION_TYPE = { REGULAR: 'regular', EXTRAORDINARY: 'extraordinary', UNSTATED: 'unstated' } as const;
const DOCUMENT_KIND = { DECISION: 'decision', ANNEX: 'annex', EVIDENCE: 'evidence' } as const;

/**
 * The verified and withdrawn accessions (all terms, or one term; an unknown
 * term is a 404) with their public decision facts and document links built
 * on `origin`. Returns nothing of drafts, returned or pending submissions.
 */
export async function listOpenAccessions(opts: { term?: string; origin: string; withGeometry?: boolean }): Promise<AccessionData> {
  const term = opts.term ? await resolveTerm(opts.term) : null;
  const rows = await db().accession.findMany({
    where: { status: { in: [...PUBLIC_STATUSES] }, ...(term ? { termId: term.id } : {}) },
    select: {
      status: true, councilBody: true, sessionDate: true, sessionYearInferred: true, sessionType: true, decisionNumber: true, agendaItem: true,
      signatoryName: true, signatoryRole: true, source: true, verifiedAt: true, withdrawnAt: true, withdrawalReason: true, isDemo: true,
      term: { select: { slug: true, startYear: true } },
      municipality: { select: { slug: true, atvkCode: true, nameLv: true, boundary: opts.withGeometry ?? false } },
      documents: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { id: true, sha256: true, sizeBytes: true, mediaType: true, kind: true } },
    },
  });
  const sorted = rows.sort((a, b) => a.term.startYear - b.term.startYear || LV_COLLATOR.compare(a.municipality.nameLv, b.municipality.nameLv) || a.municipality.slug.localeCompare(b.municipality.slug));
  return {
    term: term?.slug ?? null,
    rows: sorted.map((a) => ({
      item: {
        municipality_slug: a.municipality.slug, atvk_code: a.municipality.atvkCode, term: a.term.slug,
        status: a.status === 'WITHDRAWN' ? 'withdrawn' : 'verified',
        council_body: a.councilBody, session_date: day(a.sessionDate), session_year_inferred: a.sessionYearInferred,
        session_type: SESSION_TYPE[a.sessionType], decision_number: a.decisionNumber, agenda_item: a.agendaItem,
        signatory_name: a.signatoryName, signatory_role: a.signatoryRole, source: a.source,
        verified_at: instant(a.verifiedAt), withdrawn_at: instant(a.withdrawnAt), withdrawal_reason: a.withdrawalReason,
        documents: a.documents.map((d): OpenDocument => ({
          url: `${opts.origin}/api/documents/${encodeURIComponent(d.id)}`, sha256: d.sha256, size_bytes: d.sizeBytes, media_type: d.mediaType, kind: DOCUMENT_KIND[d.kind],
        })),
        is_demo: a.isDemo,
      },
      geometry: geometryOf(a.municipality.boundary),
    })),
  };
}

/**
 * When the public data last changed: the latest change of a municipality or
 * of a verified or withdrawn accession (pending work is not counted).
 */
export async function openDataModified(): Promise<Date | null> {
  const [m, a] = await Promise.all([
    db().municipality.aggregate({ _max: { updatedAt: true } }),
    db().accession.aggregate({ where: { status: { in: [...PUBLIC_STATUSES] } }, _max: { updatedAt: true } }),
  ]);
  const dates = [m._max.updatedAt, a._max.updatedAt].filter((d): d is Date => d instanceof Date);
  return dates.length ? new Date(Math.max(...dates.map((d) => d.getTime()))) : null;
}

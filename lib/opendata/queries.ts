import 'server-only';
import { accessionStatesSql, reportStatesSql } from '@/lib/authz/workflow-sql';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { findCurrentTerm, listTerms, LV_COLLATOR, termMunicipalitySql, type TermDto } from '@/lib/municipalities/queries';
import { Prisma } from '@/lib/generated/prisma/client';
import type { MunicipalityStatus, OpenAccession, OpenDocument, OpenGeometry, OpenMunicipality } from './fields';

/**
 * The open data access layer. Public by design (no actor): every query
 * selects field by field, so a draft, a returned or a pending submission's
 * facts, return reasons, uploaders, e-mail addresses and any other user data
 * can never reach a response.
 */

export type OpenRow<T> = { item: T; geometry: OpenGeometry | null };
export type MunicipalityData = { term: string; rows: OpenRow<OpenMunicipality>[] };
export type AccessionData = { term: string | null; rows: OpenRow<OpenAccession>[] };

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

/** Rows fetched per query while streaming: bounds the memory of one response whatever the number of bodies. */
export const OPEN_DATA_BATCH = 500;

/**
 * An open data list ready to be written out: its term, the number of rows
 * and their order are fixed up front (one light query), the rows themselves
 * are read {@link OPEN_DATA_BATCH} at a time as they are written, so a
 * response of 10 000 bodies never holds them all in memory (issue 14).
 */
export type OpenRowStream<T> = { term: string | null; count: number; batches: () => AsyncGenerator<OpenRow<T>[]> };

/** Reads the planned ids `size` at a time, each batch in plan order (a row gone since the plan is skipped). */
async function* inBatches<R extends { id: string }, T>(
  ids: readonly string[],
  fetch: (ids: string[]) => Promise<R[]>,
  toRow: (r: R) => OpenRow<T>,
  size = OPEN_DATA_BATCH,
): AsyncGenerator<OpenRow<T>[]> {
  for (let i = 0; i < ids.length; i += size) {
    const slice = ids.slice(i, i + size);
    const byId = new Map((await fetch(slice)).map((r) => [r.id, r]));
    yield slice.flatMap((id) => {
      const r = byId.get(id);
      return r ? [toRow(r)] : [];
    });
  }
}

/** Collects a whole stream (small lists and tests). */
async function collect<T>(stream: OpenRowStream<T>): Promise<OpenRow<T>[]> {
  const rows: OpenRow<T>[] = [];
  for await (const batch of stream.batches()) rows.push(...batch);
  return rows;
}

/**
 * Every municipality of a term (default: the current term) with its public
 * status only: verified, withdrawn, awaiting verification or not joined.
 * Returns no decision facts and no data of drafts or returned submissions.
 */
export async function listOpenMunicipalities(opts: { term?: string; withGeometry?: boolean }): Promise<MunicipalityData> {
  const stream = await streamOpenMunicipalities(opts);
  return { term: stream.term, rows: await collect(stream) };
}

/** {@link listOpenMunicipalities} read in batches: sorted by Latvian name (then slug), as the whole list. */
export async function streamOpenMunicipalities(opts: { term?: string; withGeometry?: boolean }): Promise<OpenRowStream<OpenMunicipality> & { term: string }> {
  const term = await resolveTerm(opts.term);
  // Note: the order is Latvian collation (Intl, as everywhere in the portal), so it is decided here on the names only.
  const plan = await db().$queryRaw<{ id: string; nameLv: string; slug: string }[]>`
    SELECT m."id", m."nameLv", m."slug" FROM "Municipality" m WHERE ${termMunicipalitySql(term)}`;
  plan.sort((a, b) => LV_COLLATOR.compare(a.nameLv, b.nameLv) || a.slug.localeCompare(b.slug));
  // Note: one query per batch (successor and the term's accession joined); the boundary only when asked for, the term's own
  // (MunicipalityBoundary: Madonas novads from 2025 includes Varakļānu novads), else the source boundary.
  const fetch = (ids: string[]) => db().$queryRaw<OpenMunicipalityRow[]>`
    SELECT m."id", m."slug", m."atvkCode", m."iso3166_2", m."nameLv", m."officialNameLv", m."type"::text AS "type", m."population", m."populationYear",
      m."populationSource", m."areaKm2", to_char(m."validFrom", 'YYYY-MM-DD') AS "validFrom", to_char(m."validTo", 'YYYY-MM-DD') AS "validTo",
      s."slug" AS "successorSlug", a."status"::text AS "status", a."isDemo",
      ${opts.withGeometry ? Prisma.sql`COALESCE((SELECT b."geometry" FROM "MunicipalityBoundary" b WHERE b."municipalityId" = m."id" AND b."termId" = ${term.id}), m."boundary")` : Prisma.sql`NULL::jsonb`} AS "boundary"
    FROM "Municipality" m
    LEFT JOIN "Municipality" s ON s."id" = m."successorId"
    LEFT JOIN "Accession" a ON a."municipalityId" = m."id" AND a."termId" = ${term.id}
    WHERE m."id" = ANY(${ids}::text[])`;
  const toRow = (m: OpenMunicipalityRow): OpenRow<OpenMunicipality> => {
    const status = municipalityStatus(m.status ?? undefined);
    return {
      item: {
        slug: m.slug,
        atvk_code: m.atvkCode,
        iso_3166_2: m.iso3166_2,
        name_lv: m.nameLv,
        official_name_lv: m.officialNameLv,
        type: m.type === 'STATE_CITY' ? 'state_city' : 'municipality',
        population: m.population,
        population_year: m.populationYear,
        population_source: m.populationSource,
        area_km2: m.areaKm2,
        valid_from: m.validFrom,
        valid_to: m.validTo,
        successor_slug: m.successorSlug,
        term: term.slug,
        status,
        is_demo: status !== 'not_joined' && Boolean(m.isDemo),
      },
      geometry: geometryOf(m.boundary),
    };
  };
  const ids = plan.map((p) => p.id);
  return { term: term.slug, count: ids.length, batches: () => inBatches(ids, fetch, toRow) };
}

type OpenMunicipalityRow = {
  id: string;
  slug: string;
  atvkCode: string | null;
  iso3166_2: string | null;
  nameLv: string;
  officialNameLv: string;
  type: 'STATE_CITY' | 'MUNICIPALITY';
  population: number | null;
  populationYear: number | null;
  populationSource: string | null;
  areaKm2: number | null;
  validFrom: string;
  validTo: string | null;
  successorSlug: string | null;
  status: string | null;
  isDemo: boolean | null;
  boundary: unknown;
};

const SESSION_TYPE = { REGULAR: 'regular', EXTRAORDINARY: 'extraordinary', UNSTATED: 'unstated' } as const;
const DOCUMENT_KIND = { DECISION: 'decision', ANNEX: 'annex', EVIDENCE: 'evidence' } as const;

/**
 * The verified and withdrawn accessions (all terms, or one term; an unknown
 * term is a 404) with their public decision facts and document links built
 * on `origin`. Returns nothing of drafts, returned or pending submissions.
 */
export async function listOpenAccessions(opts: { term?: string; origin: string; withGeometry?: boolean }): Promise<AccessionData> {
  const stream = await streamOpenAccessions(opts);
  return { term: stream.term, rows: await collect(stream) };
}

/** {@link listOpenAccessions} read in batches: by term, then Latvian municipality name (then slug), as the whole list. */
export async function streamOpenAccessions(opts: { term?: string; origin: string; withGeometry?: boolean }): Promise<OpenRowStream<OpenAccession>> {
  const term = opts.term ? await resolveTerm(opts.term) : null;
  const where = Prisma.sql`a."status" IN (${accessionStatesSql('published')}) ${term ? Prisma.sql`AND a."termId" = ${term.id}` : Prisma.empty}`;
  const plan = await db().$queryRaw<{ id: string; termStartYear: number; nameLv: string; municipalitySlug: string }[]>`
    SELECT a."id", t."startYear" AS "termStartYear", m."nameLv", m."slug" AS "municipalitySlug"
    FROM "Accession" a JOIN "CouncilTerm" t ON t."id" = a."termId" JOIN "Municipality" m ON m."id" = a."municipalityId"
    WHERE ${where}`;
  plan.sort((a, b) => a.termStartYear - b.termStartYear || LV_COLLATOR.compare(a.nameLv, b.nameLv) || a.municipalitySlug.localeCompare(b.municipalitySlug));
  // Note: two flat queries per batch (accessions with term and municipality; their documents in creation order), grouped here.
  const fetch = async (ids: string[]) => {
    const [rows, documents] = await Promise.all([
      db().$queryRaw<OpenAccessionRow[]>`
        SELECT a."id", a."status"::text AS "status", a."councilBody", to_char(a."sessionDate", 'YYYY-MM-DD') AS "sessionDate", a."sessionYearInferred",
          a."sessionType"::text AS "sessionType", a."decisionNumber", a."agendaItem", a."signatoryName", a."signatoryRole", a."source",
          c."title" AS "citationTitle", c."publisher" AS "citationPublisher", c."url" AS "citationUrl", c."language" AS "citationLanguage",
          to_char(a."verifiedAt", ${ISO_INSTANT}) AS "verifiedAt", to_char(a."withdrawnAt", ${ISO_INSTANT}) AS "withdrawnAt", a."withdrawalReason", a."isDemo",
          t."slug" AS "termSlug", t."startYear" AS "termStartYear", m."slug" AS "municipalitySlug", m."atvkCode", m."nameLv",
          ${opts.withGeometry ? Prisma.sql`COALESCE((SELECT b."geometry" FROM "MunicipalityBoundary" b WHERE b."municipalityId" = m."id" AND b."termId" = a."termId"), m."boundary")` : Prisma.sql`NULL::jsonb`} AS "boundary"
        FROM "Accession" a
        JOIN "CouncilTerm" t ON t."id" = a."termId"
        JOIN "Municipality" m ON m."id" = a."municipalityId"
        LEFT JOIN "Citation" c ON c."id" = a."citationId"
        WHERE ${where} AND a."id" = ANY(${ids}::text[])`,
      db().$queryRaw<OpenDocumentRow[]>`
        SELECT d."accessionId", d."id", d."sha256", d."sizeBytes", d."mediaType", d."kind"::text AS "kind"
        FROM "Document" d
        WHERE d."accessionId" = ANY(${ids}::text[])
        ORDER BY d."accessionId", d."createdAt", d."id"`,
    ]);
    const documentsOf = new Map<string, OpenDocumentRow[]>();
    for (const d of documents) {
      const list = documentsOf.get(d.accessionId);
      if (list) list.push(d);
      else documentsOf.set(d.accessionId, [d]);
    }
    return rows.map((r) => ({ ...r, documents: documentsOf.get(r.id) ?? [] }));
  };
  const toRow = (a: OpenAccessionRow & { documents: OpenDocumentRow[] }): OpenRow<OpenAccession> => ({
    item: {
      municipality_slug: a.municipalitySlug,
      atvk_code: a.atvkCode,
      term: a.termSlug,
      status: a.status === 'WITHDRAWN' ? 'withdrawn' : 'verified',
      council_body: a.councilBody,
      session_date: a.sessionDate,
      session_year_inferred: a.sessionYearInferred,
      session_type: SESSION_TYPE[a.sessionType],
      decision_number: a.decisionNumber,
      agenda_item: a.agendaItem,
      // Note: an accession recorded from a published source is cited (citation_*); its internal seed reference is not a source anyone can follow.
      signatory_name: a.signatoryName,
      signatory_role: a.signatoryRole,
      source: a.citationTitle === null ? a.source : null,
      citation_title: a.citationTitle,
      citation_publisher: a.citationPublisher,
      citation_url: a.citationUrl,
      citation_language: a.citationLanguage === 'lv' || a.citationLanguage === 'en' ? a.citationLanguage : null,
      // Recorded from a published source and not yet verified by staff against a document (ADR 0123; the municipality page's rule).
      recorded_from_published_source: a.status === 'VERIFIED' && a.verifiedAt === null && a.citationTitle !== null,
      verified_at: a.verifiedAt,
      withdrawn_at: a.withdrawnAt,
      withdrawal_reason: a.withdrawalReason,
      documents: a.documents.map((d): OpenDocument => ({
        url: `${opts.origin}/api/documents/${encodeURIComponent(d.id)}`,
        sha256: d.sha256,
        size_bytes: d.sizeBytes,
        media_type: d.mediaType,
        kind: DOCUMENT_KIND[d.kind],
      })),
      is_demo: a.isDemo,
    },
    geometry: geometryOf(a.boundary),
  });
  const ids = plan.map((p) => p.id);
  return { term: term?.slug ?? null, count: ids.length, batches: () => inBatches(ids, fetch, toRow) };
}

/** to_char format of a timestamp(3) column (stored as UTC) as Date#toISOString() writes it. */
const ISO_INSTANT = 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"';

type OpenAccessionRow = {
  id: string;
  status: 'VERIFIED' | 'WITHDRAWN';
  councilBody: string | null;
  sessionDate: string | null;
  sessionYearInferred: boolean;
  sessionType: keyof typeof SESSION_TYPE;
  decisionNumber: string | null;
  agendaItem: string | null;
  signatoryName: string | null;
  signatoryRole: string | null;
  source: string | null;
  citationTitle: string | null;
  citationPublisher: string | null;
  citationUrl: string | null;
  citationLanguage: string | null;
  verifiedAt: string | null;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
  isDemo: boolean;
  termSlug: string;
  termStartYear: number;
  municipalitySlug: string;
  atvkCode: string | null;
  nameLv: string;
  boundary: unknown;
};
type OpenDocumentRow = { accessionId: string; id: string; sha256: string; sizeBytes: number; mediaType: string; kind: keyof typeof DOCUMENT_KIND };

/** Issued, modified and covered period of one dataset; null where there is nothing to tell. */
export type DatasetDates = { issued: Date | null; modified: Date | null; temporal: { start: string; end: string } | null };
export type OpenDataDates = { accessions: DatasetDates; progress: DatasetDates };

// Note: "public" progress is the open data's rule (lib/opendata/progress.ts): accepted, in an opened term, by a verified signatory.
const PUBLIC_REPORT = Prisma.sql`r."status" IN (${reportStatesSql('published')}) AND t."openedAt" IS NOT NULL
  AND EXISTS (SELECT 1 FROM "Accession" x WHERE x."termId" = t."id" AND x."municipalityId" = r."municipalityId" AND x."status" IN (${accessionStatesSql('member')}))`;

/**
 * The dates of the two datasets, from the database (the same after a
 * restart, whatever the server's start time), in one query:
 * - who joined: issued when the municipalities were first loaded; modified at
 *   the latest public change: a municipality's change, a public status change
 *   of an accession (submitted, returned, verified, withdrawn: each changes its
 *   municipality's public status), a change of a verified or withdrawn
 *   accession's facts, or the opening of a term; covering the opened terms;
 * - progress: issued at the first accepted public report, modified at the
 *   latest, covering the reporting periods of the published reports.
 * Drafts and other pending work are not counted.
 */
export async function openDataDates(): Promise<OpenDataDates> {
  const [row] = await db().$queryRaw<DatesRow[]>`
    SELECT
      (SELECT min(m."createdAt") FROM "Municipality" m) AS "accessionsIssued",
      GREATEST(
        (SELECT max(m."updatedAt") FROM "Municipality" m),
        (SELECT max(e."at") FROM "AccessionEvent" e WHERE e."type" IN ('SUBMITTED', 'RETURNED', 'VERIFIED', 'WITHDRAWN')),
        (SELECT max(a."updatedAt") FROM "Accession" a WHERE a."status" IN (${accessionStatesSql('published')})),
        (SELECT max(t."openedAt") FROM "CouncilTerm" t)
      ) AS "accessionsModified",
      (SELECT to_char(min(t."startsOn"), 'YYYY-MM-DD') FROM "CouncilTerm" t WHERE t."openedAt" IS NOT NULL) AS "accessionsStart",
      (SELECT to_char(max(t."endsOn"), 'YYYY-MM-DD') FROM "CouncilTerm" t WHERE t."openedAt" IS NOT NULL) AS "accessionsEnd",
      p."issued" AS "progressIssued", p."modified" AS "progressModified", p."start" AS "progressStart", p."end" AS "progressEnd"
    FROM (
      SELECT min(r."acceptedAt") AS "issued", max(r."acceptedAt") AS "modified",
        to_char(min(rp."startsOn"), 'YYYY-MM-DD') AS "start", to_char(max(rp."endsOn"), 'YYYY-MM-DD') AS "end"
      FROM "ProgressReport" r JOIN "ReportingPeriod" rp ON rp."id" = r."periodId" JOIN "CouncilTerm" t ON t."id" = rp."termId"
      WHERE ${PUBLIC_REPORT}
    ) p`;
  const period = (start: string | null | undefined, end: string | null | undefined) => (start && end ? { start, end } : null);
  return {
    accessions: {
      issued: row?.accessionsIssued ?? null,
      modified: row?.accessionsModified ?? null,
      temporal: period(row?.accessionsStart, row?.accessionsEnd),
    },
    progress: { issued: row?.progressIssued ?? null, modified: row?.progressModified ?? null, temporal: period(row?.progressStart, row?.progressEnd) },
  };
}

type DatesRow = {
  accessionsIssued: Date | null;
  accessionsModified: Date | null;
  accessionsStart: string | null;
  accessionsEnd: string | null;
  progressIssued: Date | null;
  progressModified: Date | null;
  progressStart: string | null;
  progressEnd: string | null;
};

/** When the public data last changed (the later of the two datasets' dct:modified); null when there is no data. */
export async function openDataModified(): Promise<Date | null> {
  const { accessions, progress } = await openDataDates();
  const times = [accessions.modified, progress.modified].filter((d): d is Date => d instanceof Date).map((d) => d.getTime());
  return times.length ? new Date(Math.max(...times)) : null;
}

/**
 * A fingerprint of everything the municipality and accession lists are read
 * from, in one cheap query (no row is serialised): per table the row count
 * and the newest row version (`xmin`, the id of the transaction that wrote
 * the row). Any insert, update or delete of a row, whether through Prisma or
 * plain SQL, changes it: an update or insert writes a new, later `xmin`, a
 * delete changes the count. Used for the ETag of the streamed lists (ADR
 * 0145); equal only while the data is unchanged.
 */
export async function openListsVersion(): Promise<string> {
  const [row] = await db().$queryRaw<{ version: string }[]>`
    SELECT concat_ws('|',
      (SELECT count(*) || ':' || COALESCE(max(x."xmin"::text::bigint), 0) FROM "Municipality" x),
      (SELECT count(*) || ':' || COALESCE(max(x."xmin"::text::bigint), 0) FROM "MunicipalityBoundary" x),
      (SELECT count(*) || ':' || COALESCE(max(x."xmin"::text::bigint), 0) FROM "Accession" x),
      (SELECT count(*) || ':' || COALESCE(max(x."xmin"::text::bigint), 0) FROM "Document" x WHERE x."accessionId" IS NOT NULL),
      (SELECT count(*) || ':' || COALESCE(max(x."xmin"::text::bigint), 0) FROM "CouncilTerm" x)
    ) AS "version"`;
  return row?.version ?? '';
}

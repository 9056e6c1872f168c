import 'server-only';
import { accessionStatesSql } from '@/lib/authz/workflow-sql';
import { db } from '@/lib/db/client';
import { LV_COLLATOR } from '@/lib/municipalities/queries';
import { Prisma } from '@/lib/generated/prisma/client';
import { joinedStatus, type OpenAccession, type OpenDocument } from './fields';
import { collect, geometryOf, plannedStream, resolveTerm, type OpenRow, type OpenRowStream } from './stream';

/**
 * The open accession list (public by design, no actor): only verified and
 * withdrawn accessions, every field selected by name, so a draft, a returned
 * or a pending submission, uploaders and e-mail addresses never reach a response.
 */

export type AccessionData = { term: string | null; rows: OpenRow<OpenAccession>[] };

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
  const plan = async () => {
    const rows = await db().$queryRaw<{ id: string; termStartYear: number; nameLv: string; municipalitySlug: string }[]>`
      SELECT a."id", t."startYear" AS "termStartYear", m."nameLv", m."slug" AS "municipalitySlug"
      FROM "Accession" a JOIN "CouncilTerm" t ON t."id" = a."termId" JOIN "Municipality" m ON m."id" = a."municipalityId"
      WHERE ${where}`;
    rows.sort((a, b) => a.termStartYear - b.termStartYear || LV_COLLATOR.compare(a.nameLv, b.nameLv) || a.municipalitySlug.localeCompare(b.municipalitySlug));
    return rows.map((r) => r.id);
  };
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
      status: a.status === 'WITHDRAWN' ? 'withdrawn' : joinedStatus({ verifiedAt: a.verifiedAt, cited: a.citationTitle !== null }),
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
      recorded_from_published_source: a.status === 'VERIFIED' && joinedStatus({ verifiedAt: a.verifiedAt, cited: a.citationTitle !== null }) === 'recorded',
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
  return plannedStream(term?.slug ?? null, plan, fetch, toRow);
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

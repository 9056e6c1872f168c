import 'server-only';
import { db } from '@/lib/db/client';
import { LV_COLLATOR, termMunicipalitySql } from '@/lib/municipalities/queries';
import { Prisma } from '@/lib/generated/prisma/client';
import { joinedStatus, type MunicipalityStatus, type OpenMunicipality } from './fields';
import { collect, geometryOf, plannedStream, resolveTerm, type OpenRow, type OpenRowStream } from './stream';

/**
 * The open municipality list (public by design, no actor): every field is
 * selected by name, so no decision facts, drafts, return reasons or user
 * data can reach a response.
 */

export type MunicipalityData = { term: string; rows: OpenRow<OpenMunicipality>[] };

function municipalityStatus(status: string | undefined, verifiedAt: string | null, cited: boolean): MunicipalityStatus {
  if (status === 'VERIFIED') return joinedStatus({ verifiedAt, cited });
  if (status === 'WITHDRAWN') return 'withdrawn';
  if (status === 'SUBMITTED') return 'awaiting_verification';
  // Note: DRAFT and RETURNED are the municipality's own work in progress, publicly "not joined".
  return 'not_joined';
}

/**
 * Every municipality of a term (default: the current term) with its public
 * status only: verified, recorded (from a published source, not yet checked
 * against a document), withdrawn, awaiting verification or not joined.
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
  const plan = async () => {
    const rows = await db().$queryRaw<{ id: string; nameLv: string; slug: string }[]>`
      SELECT m."id", m."nameLv", m."slug" FROM "Municipality" m WHERE ${termMunicipalitySql(term)}`;
    rows.sort((a, b) => LV_COLLATOR.compare(a.nameLv, b.nameLv) || a.slug.localeCompare(b.slug));
    return rows.map((r) => r.id);
  };
  // Note: one query per batch (successor and the term's accession joined); the boundary only when asked for, the term's own
  // (MunicipalityBoundary: Madonas novads from 2025 includes Varakļānu novads), else the source boundary.
  const fetch = (ids: string[]) => db().$queryRaw<OpenMunicipalityRow[]>`
    SELECT m."id", m."slug", m."atvkCode", m."iso3166_2", m."nameLv", m."officialNameLv", m."type"::text AS "type", m."population", m."populationYear",
      m."populationSource", m."areaKm2", to_char(m."validFrom", 'YYYY-MM-DD') AS "validFrom", to_char(m."validTo", 'YYYY-MM-DD') AS "validTo",
      s."slug" AS "successorSlug", a."status"::text AS "status", a."isDemo",
      to_char(a."verifiedAt", 'YYYY-MM-DD') AS "verifiedAt", (a."citationId" IS NOT NULL) AS "cited",
      ${opts.withGeometry ? Prisma.sql`COALESCE((SELECT b."geometry" FROM "MunicipalityBoundary" b WHERE b."municipalityId" = m."id" AND b."termId" = ${term.id}), m."boundary")` : Prisma.sql`NULL::jsonb`} AS "boundary"
    FROM "Municipality" m
    LEFT JOIN "Municipality" s ON s."id" = m."successorId"
    LEFT JOIN "Accession" a ON a."municipalityId" = m."id" AND a."termId" = ${term.id}
    WHERE m."id" = ANY(${ids}::text[])`;
  const toRow = (m: OpenMunicipalityRow): OpenRow<OpenMunicipality> => {
    const status = municipalityStatus(m.status ?? undefined, m.verifiedAt, Boolean(m.cited));
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
  return { ...plannedStream(term.slug, plan, fetch, toRow), term: term.slug };
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
  verifiedAt: string | null;
  cited: boolean | null;
  boundary: unknown;
};

import type { lv } from '@/lib/i18n/messages/lv';

/**
 * The open data shapes: one list of stable snake_case field names per
 * resource, each with its JSON Schema. The JSON items, the CSV header, the
 * OpenAPI schemas and the field table of the data page all come from here,
 * so they cannot drift apart. Field descriptions live in the i18n messages
 * (`opendata.municipalityFields`, `opendata.accessionFields`).
 */
export type JsonSchema = { [key: string]: unknown };

export type MunicipalityStatus = 'verified' | 'recorded' | 'withdrawn' | 'awaiting_verification' | 'not_joined';
export type AccessionStatus = 'verified' | 'recorded' | 'withdrawn';

/**
 * The open status of a joined (VERIFIED) accession: `verified` only when the associations checked
 * it against the decision document (verifiedAt set); `recorded` when it was recorded from a
 * published source and has not been checked yet (ADR 0221; ADR 0123 keeps such records VERIFIED
 * inside the portal, with verifiedAt null and a citation).
 */
export function joinedStatus(a: { verifiedAt: string | Date | null; cited: boolean }): 'verified' | 'recorded' {
  return a.verifiedAt === null && a.cited ? 'recorded' : 'verified';
}

export type OpenMunicipality = {
  slug: string;
  atvk_code: string | null;
  iso_3166_2: string | null;
  name_lv: string;
  official_name_lv: string;
  type: 'state_city' | 'municipality';
  population: number | null;
  population_year: number | null;
  population_source: string | null;
  area_km2: number | null;
  valid_from: string;
  valid_to: string | null;
  successor_slug: string | null;
  term: string;
  status: MunicipalityStatus;
  is_demo: boolean;
};

export type OpenDocument = { url: string; sha256: string; size_bytes: number; media_type: string; kind: 'decision' | 'annex' | 'evidence' };

export type OpenAccession = {
  municipality_slug: string;
  atvk_code: string | null;
  term: string;
  status: AccessionStatus;
  council_body: string | null;
  session_date: string | null;
  session_year_inferred: boolean;
  session_type: 'regular' | 'extraordinary' | 'unstated';
  decision_number: string | null;
  agenda_item: string | null;
  signatory_name: string | null;
  signatory_role: string | null;
  source: string | null;
  citation_title: string | null;
  citation_publisher: string | null;
  citation_url: string | null;
  citation_language: 'lv' | 'en' | null;
  recorded_from_published_source: boolean;
  verified_at: string | null;
  withdrawn_at: string | null;
  withdrawal_reason: string | null;
  documents: OpenDocument[];
  is_demo: boolean;
};

/** Polygon or MultiPolygon in WGS 84 (RFC 7946). */
export type OpenGeometry = { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };

type Field<N extends string> = { name: N; schema: JsonSchema };

const nullable = (schema: JsonSchema): JsonSchema => ({ ...schema, type: [schema.type, 'null'] });
const str: JsonSchema = { type: 'string' };
const slug: JsonSchema = { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' };
const termSlug: JsonSchema = { type: 'string', pattern: '^[0-9]{4}-[0-9]{4}$', examples: ['2021-2025'] };
const date: JsonSchema = { type: 'string', format: 'date' };
const timestamp: JsonSchema = { type: 'string', format: 'date-time' };
const atvk: JsonSchema = nullable({ type: 'string', pattern: '^[0-9]{7}$' });

export const MUNICIPALITY_FIELDS = [
  { name: 'slug', schema: slug },
  { name: 'atvk_code', schema: atvk },
  { name: 'iso_3166_2', schema: nullable({ type: 'string', pattern: '^LV-[0-9A-Z]{2,3}$' }) },
  { name: 'name_lv', schema: str },
  { name: 'official_name_lv', schema: str },
  { name: 'type', schema: { type: 'string', enum: ['state_city', 'municipality'] } },
  { name: 'population', schema: nullable({ type: 'integer', minimum: 0 }) },
  { name: 'population_year', schema: nullable({ type: 'integer' }) },
  { name: 'population_source', schema: nullable(str) },
  { name: 'area_km2', schema: nullable({ type: 'number', minimum: 0 }) },
  { name: 'valid_from', schema: date },
  { name: 'valid_to', schema: nullable(date) },
  { name: 'successor_slug', schema: nullable(slug) },
  { name: 'term', schema: termSlug },
  { name: 'status', schema: { type: 'string', enum: ['verified', 'recorded', 'withdrawn', 'awaiting_verification', 'not_joined'] } },
  { name: 'is_demo', schema: { type: 'boolean' } },
] as const satisfies readonly Field<keyof OpenMunicipality>[];

export const DOCUMENT_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['url', 'sha256', 'size_bytes', 'media_type', 'kind'],
  properties: {
    url: { type: 'string', format: 'uri', description: 'Download address of the document (public for verified, recorded and withdrawn accessions).' },
    sha256: { type: 'string', pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the file, hex.' },
    size_bytes: { type: 'integer', minimum: 0 },
    media_type: { type: 'string', examples: ['application/pdf', 'application/vnd.etsi.asic-e+zip'] },
    kind: { type: 'string', enum: ['decision', 'annex', 'evidence'] },
  },
};

export const ACCESSION_FIELDS = [
  { name: 'municipality_slug', schema: slug },
  { name: 'atvk_code', schema: atvk },
  { name: 'term', schema: termSlug },
  { name: 'status', schema: { type: 'string', enum: ['verified', 'recorded', 'withdrawn'] } },
  { name: 'council_body', schema: nullable(str) },
  { name: 'session_date', schema: nullable(date) },
  { name: 'session_year_inferred', schema: { type: 'boolean' } },
  { name: 'session_type', schema: { type: 'string', enum: ['regular', 'extraordinary', 'unstated'] } },
  { name: 'decision_number', schema: nullable(str) },
  { name: 'agenda_item', schema: nullable(str) },
  { name: 'signatory_name', schema: nullable(str) },
  { name: 'signatory_role', schema: nullable(str) },
  { name: 'source', schema: nullable(str) },
  { name: 'citation_title', schema: nullable(str) },
  { name: 'citation_publisher', schema: nullable(str) },
  { name: 'citation_url', schema: nullable({ type: 'string', format: 'uri' }) },
  { name: 'citation_language', schema: { type: ['string', 'null'], enum: ['lv', 'en', null] } },
  { name: 'recorded_from_published_source', schema: { type: 'boolean' } },
  { name: 'verified_at', schema: nullable(timestamp) },
  { name: 'withdrawn_at', schema: nullable(timestamp) },
  { name: 'withdrawal_reason', schema: nullable(str) },
  { name: 'documents', schema: { type: 'array', items: { $ref: '#/components/schemas/Document' } } },
  { name: 'is_demo', schema: { type: 'boolean' } },
] as const satisfies readonly Field<keyof OpenAccession>[];

export type MunicipalityField = (typeof MUNICIPALITY_FIELDS)[number]['name'];
export type AccessionField = (typeof ACCESSION_FIELDS)[number]['name'];

/** The CSV column that replaces `documents`: the documents' SHA-256, joined with ';'. */
export const CSV_DOCUMENTS_COLUMN = 'document_sha256';

// Compile-time checks: every property of the item types is a listed field and
// has a description in the messages (and no description is left over).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const municipalityFieldsComplete: Same<MunicipalityField, keyof OpenMunicipality> = true;
const accessionFieldsComplete: Same<AccessionField, keyof OpenAccession> = true;
const municipalityDescriptions: Same<keyof typeof lv.opendata.municipalityFields, MunicipalityField> = true;
const accessionDescriptions: Same<keyof typeof lv.opendata.accessionFields, AccessionField> = true;
void [municipalityFieldsComplete, accessionFieldsComplete, municipalityDescriptions, accessionDescriptions];

/** A short, human-readable type of a field for the data page, e.g. `string (date) | null` or `verified | withdrawn`. */
export function typeLabel(schema: JsonSchema): string {
  if (Array.isArray(schema.enum)) return schema.enum.map((v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v))).join(' | ');
  const types: unknown[] = Array.isArray(schema.type) ? schema.type : [schema.type];
  const format = typeof schema.format === 'string' ? ` (${schema.format})` : '';
  return types.map((t) => (t === 'null' || t === 'array' || t === 'boolean' ? String(t) : `${String(t)}${format}`)).join(' | ');
}

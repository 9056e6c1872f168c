import { lookup } from '@/lib/i18n';
import { ACCESSION_FIELDS, DOCUMENT_SCHEMA, MUNICIPALITY_FIELDS, CSV_DOCUMENTS_COLUMN, type JsonSchema } from './fields';
import { DATA_ENDPOINTS, DCAT_PATH, FORMAT_LABEL, OPENAPI_PATH, type DataEndpoint, type Resource } from './endpoints';

/**
 * The OpenAPI 3.1 description of every /api/v1 endpoint, built from the
 * same field lists as the responses; field descriptions are the English
 * i18n messages. tests/unit/opendata/openapi.test.ts validates it and checks
 * that it names every route handler under app/api/v1.
 */

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const SCHEMA_NAME: Record<Resource, string> = { municipalities: 'Municipality', accessions: 'Accession' };
const TITLE: Record<Resource, string> = { municipalities: 'Municipalities of a council term', accessions: 'Verified and withdrawn accessions' };

function itemSchema(fields: readonly { name: string; schema: JsonSchema }[], group: 'municipalityFields' | 'accessionFields'): JsonSchema {
  return {
    type: 'object',
    additionalProperties: false,
    required: fields.map((f) => f.name),
    properties: Object.fromEntries(fields.map((f) => [f.name, { ...f.schema, description: lookup('en', `opendata.${group}.${f.name}`) }])),
  };
}

const GEOMETRY: JsonSchema = {
  description: 'GeoJSON Polygon or MultiPolygon, WGS 84 longitude/latitude (RFC 7946): exterior rings counter-clockwise, holes clockwise.',
  oneOf: [
    { type: 'object', required: ['type', 'coordinates'], properties: { type: { const: 'Polygon' }, coordinates: { type: 'array', items: { type: 'array', items: { type: 'array', items: { type: 'number' } } } } } },
    { type: 'object', required: ['type', 'coordinates'], properties: { type: { const: 'MultiPolygon' }, coordinates: { type: 'array', items: { type: 'array', items: { type: 'array', items: { type: 'array', items: { type: 'number' } } } } } } },
  ],
};

function listSchema(item: string, termDescription: string): JsonSchema {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['term', 'count', 'items'],
    properties: { term: { type: ['string', 'null'], description: termDescription }, count: { type: 'integer', minimum: 0 }, items: { type: 'array', items: ref(item) } },
  };
}

function featureCollectionSchema(item: string): JsonSchema {
  return {
    type: 'object',
    required: ['type', 'features'],
    properties: {
      type: { const: 'FeatureCollection' },
      term: { type: ['string', 'null'] },
      licenses: {
        type: 'array',
        description: 'The licence of each part, with the address of its text served by the portal: properties CC BY 4.0, geometry the amCharts free licence (linkware).',
        minItems: 2,
        items: ref('Licence'),
      },
      attribution: { type: 'string', description: 'Source and licence of the boundary geometry (amCharts linkware).' },
      features: {
        type: 'array',
        items: {
          type: 'object',
          required: ['type', 'id', 'geometry', 'properties'],
          properties: { type: { const: 'Feature' }, id: { type: 'string' }, geometry: { oneOf: [ref('Geometry'), { type: 'null' }] }, properties: ref(item) },
        },
      },
    },
  };
}

const SCHEMAS: Record<string, JsonSchema> = {
  Municipality: itemSchema(MUNICIPALITY_FIELDS, 'municipalityFields'),
  Accession: itemSchema(ACCESSION_FIELDS, 'accessionFields'),
  Document: DOCUMENT_SCHEMA,
  Geometry: GEOMETRY,
  Licence: {
    type: 'object',
    additionalProperties: false,
    required: ['applies_to', 'name', 'spdx', 'url', 'canonical_url', 'attribution', 'attribution_url'],
    properties: {
      applies_to: { type: 'string', enum: ['properties', 'geometry'] },
      name: { type: 'string' },
      spdx: { type: 'string', examples: ['CC-BY-4.0', 'LicenseRef-amCharts-Free'] },
      url: { type: 'string', format: 'uri', description: 'The licence text, served by the portal at a stable address.' },
      canonical_url: { type: 'string', format: 'uri', description: "The licensor's address of the licence." },
      attribution: { type: 'string', description: 'The attribution a re-user must show.' },
      attribution_url: { type: 'string', format: 'uri' },
    },
  },
  MunicipalityList: listSchema('Municipality', 'The council term of the list.'),
  AccessionList: listSchema('Accession', 'The council term asked for, or null for all terms.'),
  MunicipalityFeatureCollection: featureCollectionSchema('Municipality'),
  AccessionFeatureCollection: featureCollectionSchema('Accession'),
  Error: {
    type: 'object',
    required: ['ok', 'code', 'message'],
    properties: {
      ok: { const: false },
      code: { type: 'string', examples: ['NOT_FOUND', 'VALIDATION'] },
      message: { type: 'string', description: 'Translated message (Latvian, or English with the header x-locale: en).' },
      fieldErrors: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
    },
  },
};

const CACHE_HEADERS = {
  ETag: { description: 'Strong validator: the quoted SHA-256 of the body.', schema: { type: 'string' } },
  'Cache-Control': { schema: { type: 'string', examples: ['public, max-age=60, stale-while-revalidate=600'] } },
  'Access-Control-Allow-Origin': { schema: { const: '*' } },
};

const IF_NONE_MATCH = { name: 'If-None-Match', in: 'header', required: false, description: 'An ETag from an earlier response; the same ETag answers 304 Not Modified.', schema: { type: 'string' } };

function termParameter(resource: Resource): JsonSchema {
  const description = resource === 'municipalities'
    ? 'Council term, e.g. 2021-2025. Default: the current term. A term not yet opened can be asked for too.'
    : 'Council term, e.g. 2021-2025. Default: all terms.';
  return { name: 'term', in: 'query', required: false, description, schema: { type: 'string', pattern: '^[0-9]{4}-[0-9]{4}$' }, example: '2021-2025' };
}

function bodySchema(e: DataEndpoint): JsonSchema {
  const item = SCHEMA_NAME[e.resource];
  if (e.format === 'json') return ref(`${item}List`);
  if (e.format === 'geojson') return ref(`${item}FeatureCollection`);
  const columns = e.resource === 'municipalities'
    ? MUNICIPALITY_FIELDS.map((f) => f.name)
    : ACCESSION_FIELDS.map((f) => (f.name === 'documents' ? CSV_DOCUMENTS_COLUMN : f.name));
  return {
    type: 'string',
    description: `UTF-8 with BOM, RFC 4180, CRLF line ends. Columns: ${columns.join(', ')}. Empty = null. Text starting with = + - @ tab or CR is prefixed with an apostrophe (CSV injection guard).`,
  };
}

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: ref('Error') } } });

function dataOperation(e: DataEndpoint): JsonSchema {
  return {
    get: {
      operationId: `${e.resource}${e.format.charAt(0).toUpperCase()}${e.format.slice(1)}`,
      tags: [e.resource],
      summary: `${TITLE[e.resource]} (${FORMAT_LABEL[e.format]})`,
      parameters: [termParameter(e.resource), IF_NONE_MATCH],
      responses: {
        '200': { description: 'The data.', headers: CACHE_HEADERS, content: { [e.mediaType]: { schema: bodySchema(e) } } },
        '304': { description: 'Not modified (If-None-Match matched).', headers: { ETag: CACHE_HEADERS.ETag } },
        '404': errorResponse('Unknown council term.'),
        '422': errorResponse('Malformed query parameter.'),
      },
    },
  };
}

function documentOperation(operationId: string, summary: string, mediaType: string): JsonSchema {
  return {
    get: {
      operationId,
      tags: ['metadata'],
      summary,
      parameters: [IF_NONE_MATCH],
      responses: {
        '200': { description: summary, headers: CACHE_HEADERS, content: { [mediaType]: { schema: { type: 'object' } } } },
        '304': { description: 'Not modified (If-None-Match matched).', headers: { ETag: CACHE_HEADERS.ETag } },
      },
    },
  };
}

/** The OpenAPI 3.1 document for the open data API, with `origin` as its server. */
export function openApiDocument(origin: string): JsonSchema {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Memorands open data API',
      version: '1.0.0',
      summary: 'Which Latvian municipalities joined the Memorandum on the Development of Social Work in Municipalities, per council term.',
      description:
        'Public, verified data only: municipalities with their status per council term, and verified or withdrawn council decisions to join. ' +
        'Accession records: CC BY 4.0. Boundary geometry (GeoJSON): amCharts, free linkware licence, not an official boundary. ' +
        'Field names are stable; municipalities are keyed by slug (and atvk_code once known).',
      license: { name: 'CC BY 4.0 (accession records; the boundary geometry is under the amCharts linkware licence)', identifier: 'CC-BY-4.0' },
    },
    servers: [{ url: origin }],
    tags: [
      { name: 'municipalities', description: TITLE.municipalities },
      { name: 'accessions', description: TITLE.accessions },
      { name: 'metadata', description: 'Machine-readable descriptions of the API and the dataset.' },
    ],
    paths: {
      ...Object.fromEntries(DATA_ENDPOINTS.map((e) => [e.path, dataOperation(e)])),
      [OPENAPI_PATH]: documentOperation('openapi', 'This OpenAPI 3.1 document.', 'application/json'),
      [DCAT_PATH]: documentOperation('dcat', 'DCAT-AP description of the dataset (JSON-LD).', 'application/ld+json'),
    },
    components: { schemas: SCHEMAS },
  };
}

import { lookup } from '@/lib/i18n';
import { ACCESSION_FIELDS, DOCUMENT_SCHEMA, MUNICIPALITY_FIELDS, CSV_DOCUMENTS_COLUMN, type JsonSchema } from './fields';
import { PROGRESS_ACTION_FIELDS, PROGRESS_FIELDS, PROGRESS_INDICATOR_FIELDS } from './progress-fields';
import { DATA_ENDPOINTS, DCAT_PATH, FORMAT_LABEL, OPENAPI_PATH, type DataEndpoint, type Resource } from './endpoints';

/**
 * The OpenAPI 3.1 description of every /api/v1 endpoint, built from the
 * same field lists as the responses; field descriptions are the English
 * i18n messages. tests/unit/opendata/openapi.test.ts validates it and checks
 * that it names every route handler under app/api/v1.
 */

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const SCHEMA_NAME: Record<Resource, string> = {
  municipalities: 'Municipality',
  accessions: 'Accession',
  progress: 'Progress',
  progress_actions: 'ProgressAction',
  progress_indicators: 'ProgressIndicator',
};
const TITLE: Record<Resource, string> = {
  municipalities: 'Municipalities of a council term',
  accessions: 'Verified, recorded and withdrawn accessions',
  progress: 'Progress on each commitment per municipality and year (accepted reports)',
  progress_actions: 'Actions of accepted progress reports',
  progress_indicators: 'Indicators of accepted progress reports',
};
type FieldGroup = 'municipalityFields' | 'accessionFields' | 'progressFields' | 'progressActionFields' | 'progressIndicatorFields';
const FLAT_FIELDS: Partial<Record<Resource, readonly { name: string }[]>> = {
  municipalities: MUNICIPALITY_FIELDS,
  progress: PROGRESS_FIELDS,
  progress_actions: PROGRESS_ACTION_FIELDS,
  progress_indicators: PROGRESS_INDICATOR_FIELDS,
};

function itemSchema(fields: readonly { name: string; schema: JsonSchema }[], group: FieldGroup): JsonSchema {
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
    {
      type: 'object',
      required: ['type', 'coordinates'],
      properties: { type: { const: 'Polygon' }, coordinates: { type: 'array', items: { type: 'array', items: { type: 'array', items: { type: 'number' } } } } },
    },
    {
      type: 'object',
      required: ['type', 'coordinates'],
      properties: {
        type: { const: 'MultiPolygon' },
        coordinates: { type: 'array', items: { type: 'array', items: { type: 'array', items: { type: 'array', items: { type: 'number' } } } } },
      },
    },
  ],
};

function listSchema(item: string, termDescription: string): JsonSchema {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['term', 'count', 'items'],
    properties: {
      term: { type: ['string', 'null'], description: termDescription },
      count: { type: 'integer', minimum: 0 },
      items: { type: 'array', items: ref(item) },
    },
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
        description:
          'The licence of each part, with the address of its text served by the portal: properties CC BY 4.0, geometry the amCharts free licence (linkware).',
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
  Progress: itemSchema(PROGRESS_FIELDS, 'progressFields'),
  ProgressAction: itemSchema(PROGRESS_ACTION_FIELDS, 'progressActionFields'),
  ProgressIndicator: itemSchema(PROGRESS_INDICATOR_FIELDS, 'progressIndicatorFields'),
  MunicipalityList: listSchema('Municipality', 'The council term of the list.'),
  AccessionList: listSchema('Accession', 'The council term asked for, or null for all terms.'),
  ProgressList: listSchema('Progress', 'The council term asked for, or null for all terms.'),
  ProgressActionList: listSchema('ProgressAction', 'The council term asked for, or null for all terms.'),
  ProgressIndicatorList: listSchema('ProgressIndicator', 'The council term asked for, or null for all terms.'),
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
  ETag: {
    description:
      'Strong validator of this representation: the quoted SHA-256 (hex) of the uncompressed body, with -gzip or -br appended inside the quotes for a compressed one.',
    schema: { type: 'string' },
  },
  Vary: { schema: { const: 'Accept-Encoding' } },
  'Cache-Control': { schema: { type: 'string', examples: ['public, max-age=60, stale-while-revalidate=600'] } },
  'Access-Control-Allow-Origin': { schema: { const: '*' } },
  'Access-Control-Expose-Headers': { schema: { type: 'string', examples: ['ETag, Content-Disposition, Retry-After'] } },
};

const IF_NONE_MATCH = {
  name: 'If-None-Match',
  in: 'header',
  required: false,
  description: 'Entity tags from earlier responses (a list, weak W/ tags, or *), compared weakly (RFC 9110 §13.1.2): a match answers 304 Not Modified.',
  schema: { type: 'string' },
};

const UNAVAILABLE = {
  description: 'The database is away or restarting: retry after the given number of seconds.',
  headers: { 'Retry-After': { schema: { type: 'integer', minimum: 1 } } },
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};

/** OPTIONS: the CORS preflight of a cross-origin reader. */
const PREFLIGHT = {
  options: {
    tags: ['metadata'],
    summary: 'CORS preflight',
    responses: {
      '204': {
        description: 'What a cross-origin reader may send (no credentials).',
        headers: {
          'Access-Control-Allow-Origin': { schema: { const: '*' } },
          'Access-Control-Allow-Methods': { schema: { const: 'GET, HEAD, OPTIONS' } },
          'Access-Control-Allow-Headers': { schema: { type: 'string' } },
          'Access-Control-Max-Age': { schema: { type: 'integer' } },
        },
      },
    },
  },
};
const preflight = (operationId: string) => ({ options: { ...PREFLIGHT.options, operationId: `${operationId}Preflight` } });

function termParameter(resource: Resource): JsonSchema {
  const description =
    resource === 'municipalities'
      ? 'Council term, e.g. 2021-2025. Default: the current term. A term not yet opened can be asked for too.'
      : 'Council term, e.g. 2021-2025. Default: all terms.';
  return { name: 'term', in: 'query', required: false, description, schema: { type: 'string', pattern: '^[0-9]{4}-[0-9]{4}$' }, example: '2021-2025' };
}

function bodySchema(e: DataEndpoint): JsonSchema {
  const item = SCHEMA_NAME[e.resource];
  if (e.format === 'json') return ref(`${item}List`);
  if (e.format === 'geojson') return ref(`${item}FeatureCollection`);
  const columns =
    e.resource === 'accessions'
      ? ACCESSION_FIELDS.map((f) => (f.name === 'documents' ? CSV_DOCUMENTS_COLUMN : f.name))
      : (FLAT_FIELDS[e.resource] ?? []).map((f) => f.name);
  return {
    type: 'string',
    description: `UTF-8 with BOM, RFC 4180, CRLF line ends. Columns: ${columns.join(', ')}. Empty = null. Text starting with = + - @ tab or CR is prefixed with an apostrophe (CSV injection guard).`,
  };
}

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: ref('Error') } } });

function dataOperation(e: DataEndpoint): JsonSchema {
  const operationId = `${e.resource.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase())}${e.format.charAt(0).toUpperCase()}${e.format.slice(1)}`;
  return {
    ...preflight(operationId),
    get: {
      operationId,
      tags: [e.resource],
      summary: `${TITLE[e.resource]} (${FORMAT_LABEL[e.format]})`,
      parameters: [termParameter(e.resource), IF_NONE_MATCH],
      responses: {
        '200': { description: 'The data.', headers: CACHE_HEADERS, content: { [e.mediaType]: { schema: bodySchema(e) } } },
        '304': { description: 'Not modified (If-None-Match matched).', headers: { ETag: CACHE_HEADERS.ETag } },
        '404': errorResponse('Unknown council term.'),
        '422': errorResponse('Malformed query parameter.'),
        '503': UNAVAILABLE,
      },
    },
  };
}

function documentOperation(operationId: string, summary: string, mediaType: string): JsonSchema {
  return {
    ...preflight(operationId),
    get: {
      operationId,
      tags: ['metadata'],
      summary,
      parameters: [IF_NONE_MATCH],
      responses: {
        '200': { description: summary, headers: CACHE_HEADERS, content: { [mediaType]: { schema: { type: 'object' } } } },
        '304': { description: 'Not modified (If-None-Match matched).', headers: { ETag: CACHE_HEADERS.ETag } },
        '503': UNAVAILABLE,
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
        'Public data only: municipalities with their status per council term, council decisions to join (verified against a document, recorded from a published source, or withdrawn), ' +
        'and the accepted progress reports on the three commitments (per municipality, year and commitment; their actions and indicators). ' +
        'Unknown values are null (an empty CSV cell), never zero. ' +
        'Records: CC BY 4.0. Boundary geometry (GeoJSON): amCharts, free linkware licence, not an official boundary; each GeoJSON names both licences. ' +
        'Field names are stable; municipalities are keyed by slug (and atvk_code once known). ' +
        'Any other path under /api answers a JSON 404 in the Error shape.',
      license: { name: 'CC BY 4.0 (records; the boundary geometry is under the amCharts linkware licence)', identifier: 'CC-BY-4.0' },
    },
    servers: [{ url: origin }],
    tags: [
      { name: 'municipalities', description: TITLE.municipalities },
      { name: 'accessions', description: TITLE.accessions },
      { name: 'progress', description: TITLE.progress },
      { name: 'progress_actions', description: TITLE.progress_actions },
      { name: 'progress_indicators', description: TITLE.progress_indicators },
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

/** The open data endpoints (app/api/v1), listed once for the OpenAPI document, DCAT and the data page. */
export type Resource = 'municipalities' | 'accessions' | 'progress' | 'progress_actions' | 'progress_indicators';
export type Format = 'json' | 'csv' | 'geojson';
/** The DCAT dataset an endpoint is a distribution of: who joined (municipalities, accessions), or what they reported. */
export type DatasetKey = 'accessions' | 'progress';

export type DataEndpoint = {
  path: string;
  resource: Resource;
  format: Format;
  dataset: DatasetKey;
  /** IANA media type (without parameters). */
  mediaType: string;
  /** EU file-type authority code (http://publications.europa.eu/resource/authority/file-type/…). */
  euFileType: 'JSON' | 'CSV' | 'GEOJSON';
  filename: string;
};

const SEGMENT: Record<Resource, string> = {
  municipalities: 'municipalities',
  accessions: 'accessions',
  progress: 'progress',
  progress_actions: 'progress-actions',
  progress_indicators: 'progress-indicators',
};

const endpoint = (resource: Resource, format: Format, dataset: DatasetKey): DataEndpoint => ({
  path: format === 'json' ? `/api/v1/${SEGMENT[resource]}` : `/api/v1/${SEGMENT[resource]}.${format}`,
  resource,
  format,
  dataset,
  mediaType: { json: 'application/json', csv: 'text/csv', geojson: 'application/geo+json' }[format],
  euFileType: ({ json: 'JSON', csv: 'CSV', geojson: 'GEOJSON' } as const)[format],
  filename: `${SEGMENT[resource]}.${format}`,
});

export const DATA_ENDPOINTS: readonly DataEndpoint[] = [
  ...(['municipalities', 'accessions'] as const).flatMap((r) => (['json', 'csv', 'geojson'] as const).map((f) => endpoint(r, f, 'accessions'))),
  ...(['progress', 'progress_actions', 'progress_indicators'] as const).flatMap((r) => (['json', 'csv'] as const).map((f) => endpoint(r, f, 'progress'))),
];

/** How a format is written for people. */
export const FORMAT_LABEL: Record<Format, string> = { json: 'JSON', csv: 'CSV', geojson: 'GeoJSON' };

export const OPENAPI_PATH = '/api/v1/openapi.json';
export const DCAT_PATH = '/api/v1/dcat.jsonld';

/** The i18n key of an endpoint's resource name, and of its distribution title (the progress tables' strings live in ns/opendata.ts). */
export function resourceLabelKey(e: DataEndpoint): string {
  return e.dataset === 'progress' ? `opendata.progressResource.${e.resource}` : `opendata.resource.${e.resource}`;
}
export function distributionTitleKey(e: DataEndpoint): string {
  return e.dataset === 'progress' ? `opendata.progressDistribution.${e.resource}.${e.format}` : `opendata.distribution.${e.resource}.${e.format}`;
}

/** The open data endpoints (app/api/v1), listed once for the OpenAPI document, DCAT and the data page. */
export type Resource = 'municipalities' | 'accessions';
export type Format = 'json' | 'csv' | 'geojson';

export type DataEndpoint = {
  path: string;
  resource: Resource;
  format: Format;
  /** IANA media type (without parameters). */
  mediaType: string;
  /** EU file-type authority code (http://publications.europa.eu/resource/authority/file-type/…). */
  euFileType: 'JSON' | 'CSV' | 'GEOJSON';
  filename: string;
};

const endpoint = (resource: Resource, format: Format): DataEndpoint => ({
  path: format === 'json' ? `/api/v1/${resource}` : `/api/v1/${resource}.${format}`,
  resource,
  format,
  mediaType: { json: 'application/json', csv: 'text/csv', geojson: 'application/geo+json' }[format],
  euFileType: ({ json: 'JSON', csv: 'CSV', geojson: 'GEOJSON' } as const)[format],
  filename: `${resource}.${format}`,
});

export const DATA_ENDPOINTS: readonly DataEndpoint[] = (['municipalities', 'accessions'] as const).flatMap((r) =>
  (['json', 'csv', 'geojson'] as const).map((f) => endpoint(r, f)),
);

/** How a format is written for people. */
export const FORMAT_LABEL: Record<Format, string> = { json: 'JSON', csv: 'CSV', geojson: 'GeoJSON' };

export const OPENAPI_PATH = '/api/v1/openapi.json';
export const DCAT_PATH = '/api/v1/dcat.jsonld';

import { csvRecord, csvStart, toCsv, type CsvCell } from '@/lib/csv';
import { orientRfc7946 } from './orientation';
import { DATA_LICENCE, GEOMETRY_LICENCE, licenceJson } from './licences';
import { ACCESSION_FIELDS, CSV_DOCUMENTS_COLUMN, MUNICIPALITY_FIELDS, type OpenAccession, type OpenGeometry, type OpenMunicipality } from './fields';

/**
 * Serialisations of the open data: JSON, CSV (through the one writer,
 * lib/csv) and GeoJSON. Pure functions; the same data always gives the same
 * bytes (so the ETag is stable).
 */

type Row<T> = { item: T; geometry: OpenGeometry | null };
type Cell = CsvCell;

export const GEOMETRY_ATTRIBUTION = 'Boundaries: amCharts (https://www.amcharts.com/), amCharts free linkware licence; simplified, not an official boundary.';

/** The municipalities as CSV; columns in the order of MUNICIPALITY_FIELDS. */
export function municipalitiesCsv(rows: readonly Row<OpenMunicipality>[]): string {
  const header = MUNICIPALITY_FIELDS.map((f) => f.name);
  return toCsv(
    header,
    rows.map(({ item }) => header.map((name) => item[name])),
  );
}

/** The accessions as CSV; `documents` becomes `document_sha256` (hashes joined with ';'). */
export function accessionsCsv(rows: readonly Row<OpenAccession>[]): string {
  const header = ACCESSION_FIELDS.map((f) => (f.name === 'documents' ? CSV_DOCUMENTS_COLUMN : f.name));
  const cells = rows.map(({ item }) =>
    ACCESSION_FIELDS.map((f): Cell => (f.name === 'documents' ? item.documents.map((d) => d.sha256).join(';') : item[f.name])),
  );
  return toCsv(header, cells);
}

/** Flat items as CSV, one column per field in the order of `fields` (the progress tables). */
export function fieldsCsv<T extends Record<string, Cell>>(fields: readonly { name: keyof T & string }[], items: readonly T[]): string {
  const header = fields.map((f) => f.name);
  return toCsv(
    header,
    items.map((item) => header.map((name) => item[name] ?? null)),
  );
}

/** The JSON body of flat items: `{ term, count, items }`, as {@link listJson}. */
export function itemsJson<T>(term: string | null, items: readonly T[]): string {
  return JSON.stringify({ term, count: items.length, items });
}

/** The JSON list body: `{ term, count, items }`. */
export function listJson<T>(term: string | null, rows: readonly Row<T>[]): string {
  return JSON.stringify({ term, count: rows.length, items: rows.map((r) => r.item) });
}

/**
 * A GeoJSON FeatureCollection (RFC 7946): one feature per row with the
 * boundary as geometry (rings oriented by the right-hand rule at output, so
 * exteriors are counter-clockwise and holes clockwise) and the item as
 * properties. Foreign members name the term and the licence of each part,
 * with their served texts on `base`: properties CC BY 4.0, geometry amCharts.
 */
export function featureCollection<T>(term: string | null, rows: readonly Row<T>[], idOf: (item: T) => string, base: string): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    term,
    licenses: [licenceJson(DATA_LICENCE, base), licenceJson(GEOMETRY_LICENCE, base)],
    attribution: GEOMETRY_ATTRIBUTION,
    features: rows.map((r) => ({ type: 'Feature', id: idOf(r.item), geometry: r.geometry && orientRfc7946(r.geometry), properties: r.item })),
  });
}

/** Batches of rows as they are read from the database (lib/opendata/queries `OpenRowStream`). */
type Batches<T> = AsyncIterable<readonly Row<T>[]>;

/** Writes `parts` of an array after `head` and closes it with `tail`: a comma between elements, none after the last. */
async function* joined<T>(head: string, batches: Batches<T>, each: (row: Row<T>) => string, tail: string): AsyncGenerator<string> {
  yield head;
  let first = true;
  for await (const batch of batches) {
    if (batch.length === 0) continue;
    yield (first ? '' : ',') + batch.map(each).join(',');
    first = false;
  }
  yield tail;
}

/**
 * {@link listJson} written batch by batch: the same bytes, never the whole
 * list in memory. `count` is announced first (the rows were counted when
 * their order was planned).
 */
export function listJsonChunks<T>(term: string | null, count: number, batches: Batches<T>): AsyncGenerator<string> {
  const empty = JSON.stringify({ term, count, items: [] });
  return joined(empty.slice(0, -2), batches, (r) => JSON.stringify(r.item), ']}');
}

/** {@link featureCollection} written batch by batch: the same bytes. */
export function featureCollectionChunks<T>(term: string | null, batches: Batches<T>, idOf: (item: T) => string, base: string): AsyncGenerator<string> {
  const empty = featureCollection(term, [], idOf, base);
  return joined(
    empty.slice(0, -2),
    batches,
    (r) => JSON.stringify({ type: 'Feature', id: idOf(r.item), geometry: r.geometry && orientRfc7946(r.geometry), properties: r.item }),
    ']}',
  );
}

/** {@link municipalitiesCsv} written batch by batch: the same bytes. */
export async function* municipalitiesCsvChunks(batches: Batches<OpenMunicipality>): AsyncGenerator<string> {
  const header = MUNICIPALITY_FIELDS.map((f) => f.name);
  yield csvStart(header);
  for await (const batch of batches) yield batch.map(({ item }) => csvRecord(header.map((name) => item[name]))).join('');
}

/** {@link accessionsCsv} written batch by batch: the same bytes. */
export async function* accessionsCsvChunks(batches: Batches<OpenAccession>): AsyncGenerator<string> {
  yield csvStart(ACCESSION_FIELDS.map((f) => (f.name === 'documents' ? CSV_DOCUMENTS_COLUMN : f.name)));
  for await (const batch of batches) {
    yield batch
      .map(({ item }) => csvRecord(ACCESSION_FIELDS.map((f): Cell => (f.name === 'documents' ? item.documents.map((d) => d.sha256).join(';') : item[f.name]))))
      .join('');
  }
}

import 'server-only';
import { parseOpenDataQuery } from '@/lib/schemas/opendata';
import { ACCESSION_FIELDS, MUNICIPALITY_FIELDS } from './fields';
import { accessionsCsvChunks, featureCollectionChunks, listJsonChunks, municipalitiesCsvChunks } from './formats';
import { MEDIA, originOf, streamedOpenDataResponse } from './http';
import { openListsVersion, streamOpenAccessions, streamOpenMunicipalities, type OpenRow, type OpenRowStream } from './queries';

/** The streamed open data lists: municipalities and accessions, each as JSON, CSV and GeoJSON. */
export type OpenList = 'municipalities' | 'municipalities.csv' | 'municipalities.geojson' | 'accessions' | 'accessions.csv' | 'accessions.geojson';

const MUNICIPALITY_NAMES = MUNICIPALITY_FIELDS.map((f) => f.name);
const ACCESSION_NAMES = ACCESSION_FIELDS.map((f) => f.name);

/**
 * GET of one open data list (`?term=`; a bad term is a 422, an unknown one
 * a 404, thrown before anything is sent): streamed from the database in
 * batches with a version-based ETag (lib/opendata/http, ADR 0145). Returns
 * the same bytes the whole-list serialisations in lib/opendata/formats give.
 */
export async function openListResponse(request: Request, list: OpenList): Promise<Response> {
  const { term } = parseOpenDataQuery(request);
  // Note: the version first, then the rows: a tag is never newer than the body it goes with.
  const version = await openListsVersion();
  const origin = originOf(request);
  const [table, format = 'json'] = list.split('.') as ['municipalities' | 'accessions', ('csv' | 'geojson')?];
  const withGeometry = format === 'geojson';
  if (table === 'municipalities') {
    const s = await streamOpenMunicipalities({ term, withGeometry });
    return respond(
      request,
      { version, list, format, origin, stream: s, fields: MUNICIPALITY_NAMES },
      {
        filename: `municipalities-${s.term}.csv`,
        csv: municipalitiesCsvChunks,
        featureId: (m) => m.slug,
      },
    );
  }
  const s = await streamOpenAccessions({ term, origin, withGeometry });
  return respond(
    request,
    { version, list, format, origin, stream: s, fields: ACCESSION_NAMES },
    {
      filename: `accessions-${s.term ?? 'all'}.csv`,
      csv: accessionsCsvChunks,
      featureId: (a) => `${a.municipality_slug}/${a.term}`,
    },
  );
}

/** One list in one format: the streamed response with its media type, and for CSV its download name. */
function respond<T>(
  request: Request,
  at: { version: string; list: OpenList; format: 'json' | 'csv' | 'geojson'; origin: string; stream: OpenRowStream<T>; fields: readonly string[] },
  by: { filename: string; csv: (batches: AsyncGenerator<OpenRow<T>[]>) => AsyncGenerator<string>; featureId: (item: T) => string },
): Response {
  const { stream: s } = at;
  const common = { version: at.version, resource: at.list, term: s.term, fields: at.fields };
  if (at.format === 'json') {
    // Note: the JSON names its count before the items, so it waits for the plan; GeoJSON and CSV send their head before it.
    const chunks = async function* () {
      yield* listJsonChunks(s.term, await s.count(), s.batches());
    };
    return streamedOpenDataResponse(request, { ...common, type: MEDIA.json, chunks });
  }
  if (at.format === 'csv') return streamedOpenDataResponse(request, { ...common, type: MEDIA.csv, filename: by.filename, chunks: () => by.csv(s.batches()) });
  return streamedOpenDataResponse(request, {
    ...common,
    type: MEDIA.geojson,
    chunks: () => featureCollectionChunks(s.term, s.batches(), by.featureId, at.origin),
  });
}

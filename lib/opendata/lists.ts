import 'server-only';
import { parseOpenDataQuery } from '@/lib/schemas/opendata';
import { ACCESSION_FIELDS, MUNICIPALITY_FIELDS } from './fields';
import { accessionsCsvChunks, featureCollectionChunks, listJsonChunks, municipalitiesCsvChunks } from './formats';
import { MEDIA, originOf, streamedOpenDataResponse } from './http';
import { openListsVersion, streamOpenAccessions, streamOpenMunicipalities } from './queries';

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
  const common = { version, resource: list };
  switch (list) {
    case 'municipalities':
    case 'municipalities.csv':
    case 'municipalities.geojson': {
      const s = await streamOpenMunicipalities({ term, withGeometry: list === 'municipalities.geojson' });
      const fields = MUNICIPALITY_NAMES;
      if (list === 'municipalities')
        return streamedOpenDataResponse(request, {
          ...common,
          term: s.term,
          fields,
          type: MEDIA.json,
          chunks: () => listJsonChunks(s.term, s.count, s.batches()),
        });
      if (list === 'municipalities.csv')
        return streamedOpenDataResponse(request, {
          ...common,
          term: s.term,
          fields,
          type: MEDIA.csv,
          filename: `municipalities-${s.term}.csv`,
          chunks: () => municipalitiesCsvChunks(s.batches()),
        });
      return streamedOpenDataResponse(request, {
        ...common,
        term: s.term,
        fields,
        type: MEDIA.geojson,
        chunks: () => featureCollectionChunks(s.term, s.batches(), (m) => m.slug, origin),
      });
    }
    default: {
      const s = await streamOpenAccessions({ term, origin, withGeometry: list === 'accessions.geojson' });
      const fields = ACCESSION_NAMES;
      if (list === 'accessions')
        return streamedOpenDataResponse(request, {
          ...common,
          term: s.term,
          fields,
          type: MEDIA.json,
          chunks: () => listJsonChunks(s.term, s.count, s.batches()),
        });
      if (list === 'accessions.csv')
        return streamedOpenDataResponse(request, {
          ...common,
          term: s.term,
          fields,
          type: MEDIA.csv,
          filename: `accessions-${s.term ?? 'all'}.csv`,
          chunks: () => accessionsCsvChunks(s.batches()),
        });
      return streamedOpenDataResponse(request, {
        ...common,
        term: s.term,
        fields,
        type: MEDIA.geojson,
        chunks: () => featureCollectionChunks(s.term, s.batches(), (a) => `${a.municipality_slug}/${a.term}`, origin),
      });
    }
  }
}

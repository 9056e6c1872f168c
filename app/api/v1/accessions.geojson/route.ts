/** GET /api/v1/accessions.geojson  open data: verified and withdrawn accessions (all terms, or ?term=) on their municipality's boundary, as GeoJSON */
import { route } from '@/lib/http/route';
import { parseOpenDataQuery } from '@/lib/schemas/opendata';
import { listOpenAccessions } from '@/lib/opendata/queries';
import { featureCollection } from '@/lib/opendata/formats';
import { MEDIA, openDataResponse, originOf } from '@/lib/opendata/http';

export { OPTIONS } from '@/lib/opendata/http';

export const GET = route(async (request) => {
  const data = await listOpenAccessions({ term: parseOpenDataQuery(request).term, origin: originOf(request), withGeometry: true });
  return openDataResponse(request, featureCollection(data.term, data.rows, (a) => `${a.municipality_slug}/${a.term}`, originOf(request)), MEDIA.geojson);
});

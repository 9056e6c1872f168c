/** GET /api/v1/municipalities.geojson  open data: the municipalities of a council term (?term=, default current) with boundaries and public status, as GeoJSON */
import { route } from '@/lib/http/route';
import { parseOpenDataQuery } from '@/lib/schemas/opendata';
import { listOpenMunicipalities } from '@/lib/opendata/queries';
import { featureCollection } from '@/lib/opendata/formats';
import { MEDIA, openDataResponse, originOf } from '@/lib/opendata/http';

export { OPTIONS } from '@/lib/opendata/http';

export const GET = route(async (request) => {
  const data = await listOpenMunicipalities({ term: parseOpenDataQuery(request).term, withGeometry: true });
  return openDataResponse(request, featureCollection(data.term, data.rows, (m) => m.slug, originOf(request)), MEDIA.geojson);
});

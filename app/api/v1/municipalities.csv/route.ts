/** GET /api/v1/municipalities.csv  open data: the municipalities of a council term (?term=, default current) with their public status, as CSV */
import { route } from '@/lib/http/route';
import { parseOpenDataQuery } from '@/lib/schemas/opendata';
import { listOpenMunicipalities } from '@/lib/opendata/queries';
import { municipalitiesCsv } from '@/lib/opendata/formats';
import { MEDIA, openDataResponse } from '@/lib/opendata/http';

export { OPTIONS } from '@/lib/opendata/http';

export const GET = route(async (request) => {
  const data = await listOpenMunicipalities({ term: parseOpenDataQuery(request).term });
  return openDataResponse(request, municipalitiesCsv(data.rows), MEDIA.csv, `municipalities-${data.term}.csv`);
});

/** GET /api/v1/accessions  open data: verified and withdrawn accessions (all terms, or ?term=) as JSON */
import { route } from '@/lib/http/route';
import { parseOpenDataQuery } from '@/lib/schemas/opendata';
import { listOpenAccessions } from '@/lib/opendata/queries';
import { listJson } from '@/lib/opendata/formats';
import { MEDIA, openDataResponse, originOf } from '@/lib/opendata/http';

export { OPTIONS } from '@/lib/opendata/http';

export const GET = route(async (request) => {
  const data = await listOpenAccessions({ term: parseOpenDataQuery(request).term, origin: originOf(request) });
  return openDataResponse(request, listJson(data.term, data.rows), MEDIA.json);
});

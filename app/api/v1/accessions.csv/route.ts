/** GET /api/v1/accessions.csv  open data: verified and withdrawn accessions (all terms, or ?term=) as CSV */
import { route } from '@/lib/http/route';
import { parseOpenDataQuery } from '@/lib/schemas/opendata';
import { listOpenAccessions } from '@/lib/opendata/queries';
import { accessionsCsv } from '@/lib/opendata/formats';
import { MEDIA, openDataResponse, originOf } from '@/lib/opendata/http';

export { OPTIONS } from '@/lib/opendata/http';

export const GET = route(async (request) => {
  const data = await listOpenAccessions({ term: parseOpenDataQuery(request).term, origin: originOf(request) });
  return openDataResponse(request, accessionsCsv(data.rows), MEDIA.csv, `accessions-${data.term ?? 'all'}.csv`);
});

/** GET /api/v1/progress-actions  open data: the actions of accepted progress reports (dates, budgets) (all terms, or ?term=), as JSON */
import { route } from '@/lib/http/route';
import { parseOpenDataQuery } from '@/lib/schemas/opendata';
import { listOpenProgress } from '@/lib/opendata/progress';
import { itemsJson } from '@/lib/opendata/formats';
import { MEDIA, openDataResponse } from '@/lib/opendata/http';

export { OPTIONS } from '@/lib/opendata/http';

export const GET = route(async (request) => {
  const data = await listOpenProgress({ term: parseOpenDataQuery(request).term });
  return openDataResponse(request, itemsJson(data.term, data.actions), MEDIA.json);
});

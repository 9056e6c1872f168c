/** GET /api/v1/progress-actions.csv  open data: the actions of accepted progress reports (dates, budgets) (all terms, or ?term=), as CSV */
import { route } from '@/lib/http/route';
import { parseOpenDataQuery } from '@/lib/schemas/opendata';
import { listOpenProgress } from '@/lib/opendata/progress';
import { fieldsCsv } from '@/lib/opendata/formats';
import { PROGRESS_ACTION_FIELDS } from '@/lib/opendata/progress-fields';
import { MEDIA, openDataResponse } from '@/lib/opendata/http';

export { OPTIONS } from '@/lib/opendata/http';

export const GET = route(async (request) => {
  const data = await listOpenProgress({ term: parseOpenDataQuery(request).term });
  return openDataResponse(request, fieldsCsv(PROGRESS_ACTION_FIELDS, data.actions), MEDIA.csv, `progress-actions-${data.term ?? 'all'}.csv`);
});

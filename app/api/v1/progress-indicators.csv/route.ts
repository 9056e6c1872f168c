/** GET /api/v1/progress-indicators.csv  open data: the indicators of accepted progress reports (values with units; unknown is null) (all terms, or ?term=), as CSV */
import { route } from '@/lib/http/route';
import { parseOpenDataQuery } from '@/lib/schemas/opendata';
import { listOpenProgress } from '@/lib/opendata/progress';
import { fieldsCsv } from '@/lib/opendata/formats';
import { PROGRESS_INDICATOR_FIELDS } from '@/lib/opendata/progress-fields';
import { MEDIA, openDataResponse } from '@/lib/opendata/http';

export { OPTIONS } from '@/lib/opendata/http';

export const GET = route(async (request) => {
  const data = await listOpenProgress({ term: parseOpenDataQuery(request).term });
  return openDataResponse(request, fieldsCsv(PROGRESS_INDICATOR_FIELDS, data.indicators), MEDIA.csv, `progress-indicators-${data.term ?? 'all'}.csv`);
});

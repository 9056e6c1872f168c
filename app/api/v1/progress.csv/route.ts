/** GET /api/v1/progress.csv  open data: accepted progress reports per municipality, year and commitment (status, narrative) (all terms, or ?term=), as CSV */
import { route } from '@/lib/http/route';
import { parseOpenDataQuery } from '@/lib/schemas/opendata';
import { listOpenProgress } from '@/lib/opendata/progress';
import { fieldsCsv } from '@/lib/opendata/formats';
import { PROGRESS_FIELDS } from '@/lib/opendata/progress-fields';
import { MEDIA, openDataResponse } from '@/lib/opendata/http';

export { OPTIONS } from '@/lib/opendata/http';

export const GET = route(async (request) => {
  const data = await listOpenProgress({ term: parseOpenDataQuery(request).term });
  return openDataResponse(request, fieldsCsv(PROGRESS_FIELDS, data.progress), MEDIA.csv, `progress-${data.term ?? 'all'}.csv`);
});

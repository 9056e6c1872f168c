/** GET /api/v1/municipalities.csv  open data: the municipalities of a council term (?term=, default current) with their public status, as CSV, streamed from the database in batches */
import { route } from '@/lib/http/route';
import { openListResponse } from '@/lib/opendata/lists';

export { OPTIONS } from '@/lib/opendata/http';

export const GET = route((request) => openListResponse(request, 'municipalities.csv'));

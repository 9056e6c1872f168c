/** GET /api/v1/accessions  open data: verified and withdrawn accessions (all terms, or ?term=) as JSON, streamed from the database in batches */
import { route } from '@/lib/http/route';
import { openListResponse } from '@/lib/opendata/lists';

export { OPTIONS } from '@/lib/opendata/http';

export const GET = route((request) => openListResponse(request, 'accessions'));

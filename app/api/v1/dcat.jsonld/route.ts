/** GET /api/v1/dcat.jsonld  the DCAT-AP 3.0.1 description (JSON-LD) of the open data: catalogue, datasets, distributions, API service */
import { route } from '@/lib/http/route';
import { loadDcatCatalogue } from '@/lib/opendata/catalogue';
import { MEDIA, openDataResponse } from '@/lib/opendata/http';

export { OPTIONS } from '@/lib/opendata/http';

export const GET = route(async (request) => openDataResponse(request, JSON.stringify(await loadDcatCatalogue()), MEDIA.jsonld));

/** GET /api/v1/openapi.json  the OpenAPI 3.1 description of every /api/v1 endpoint */
import { route } from '@/lib/http/route';
import { openApiDocument } from '@/lib/opendata/openapi';
import { MEDIA, openDataResponse, originOf } from '@/lib/opendata/http';

export { OPTIONS } from '@/lib/opendata/http';

export const GET = route((request) => openDataResponse(request, JSON.stringify(openApiDocument(originOf(request))), MEDIA.json));

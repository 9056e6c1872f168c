/** GET /api/v1/dcat.jsonld  the DCAT-AP description (JSON-LD) of the open data: catalogue, dataset, distributions, API service */
import { route } from '@/lib/http/route';
import { dcatDocument } from '@/lib/opendata/dcat';
import { openDataModified } from '@/lib/opendata/queries';
import { MEDIA, openDataResponse, originOf } from '@/lib/opendata/http';

export { OPTIONS } from '@/lib/opendata/http';

export const GET = route(async (request) => {
  const doc = dcatDocument({ origin: originOf(request), modified: await openDataModified() });
  return openDataResponse(request, JSON.stringify(doc), MEDIA.jsonld);
});

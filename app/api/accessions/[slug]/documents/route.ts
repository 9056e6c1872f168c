/**
 * POST /api/accessions/[slug]/documents?kind=DECISION|ANNEX&name=<file name>
 * The raw file is the request body; it is streamed to a temporary file
 * (sha256 on the way, stopped at 25 MB), checked by content, then stored.
 */
import { ok, route } from '@/lib/http/route';
import { getSessionUser } from '@/lib/auth/session';
import { requirePermission } from '@/lib/authz';
import { ZUploadQuerySchema } from '@/lib/schemas/accession';
import { receiveUpload } from '@/lib/http/upload';
import { addDocument } from '@/lib/accessions/workflow';
import { municipalityIdBySlug } from '@/lib/municipalities/queries';

export const POST = route<{ slug: string }>(async (request, { params }) => {
  const actor = await getSessionUser();
  // Note: authorise before reading a byte of the body.
  requirePermission(actor, 'accession.upload', { municipalityId: await municipalityIdBySlug(params.slug) });
  const url = new URL(request.url);
  const query = ZUploadQuerySchema.parse({ kind: url.searchParams.get('kind') ?? '', name: url.searchParams.get('name') ?? '' });
  const file = await receiveUpload(request);
  const outcome = await addDocument({ actor, municipalitySlug: params.slug, kind: query.kind, originalName: query.name, file });
  return ok(outcome, 201);
});

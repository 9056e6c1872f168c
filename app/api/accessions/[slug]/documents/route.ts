/**
 * POST /api/accessions/[slug]/documents?kind=DECISION|ANNEX&name=<file name>
 * The raw file is the request body; it is streamed to a temporary file
 * (sha256 on the way, stopped at 25 MB), checked by content, then stored.
 */
import { ok, route } from '@/lib/http/route';
import { AppError } from '@/lib/errors';
import { getSessionUser } from '@/lib/auth/session';
import { requirePermission } from '@/lib/authz';
import { ZUploadQuerySchema } from '@/lib/schemas/accession';
import { MAX_UPLOAD_BYTES } from '@/lib/documents/inspect';
import { receiveToTemp, TooLargeError } from '@/lib/storage';
import { addDocument } from '@/lib/accessions/workflow';
import { municipalityIdBySlug } from '@/lib/municipalities/queries';

export const POST = route<{ slug: string }>(async (request, { params }) => {
  const actor = await getSessionUser();
  // Note: authorise before reading a byte of the body.
  requirePermission(actor, 'accession.upload', { municipalityId: await municipalityIdBySlug(params.slug) });
  const url = new URL(request.url);
  const query = ZUploadQuerySchema.parse({ kind: url.searchParams.get('kind') ?? '', name: url.searchParams.get('name') ?? '' });
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_UPLOAD_BYTES) throw new AppError('TOO_LARGE', 'upload.too_large');
  if (!request.body) throw new AppError('UNPROCESSABLE', 'upload.empty');
  const file = await receiveToTemp(request.body, MAX_UPLOAD_BYTES).catch((error: unknown) => {
    if (error instanceof TooLargeError) throw new AppError('TOO_LARGE', 'upload.too_large');
    throw new AppError('BAD_REQUEST', 'upload.aborted', { cause: error });
  });
  const outcome = await addDocument({ actor, municipalitySlug: params.slug, kind: query.kind, originalName: query.name, file });
  return ok(outcome, 201);
});

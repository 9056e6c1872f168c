/** POST /api/progress/reports/[id]/documents?name=<file name>  evidence for a report (raw body; same checks as signed decisions) */
import { ok, route } from '@/lib/http/route';
import { AppError } from '@/lib/errors';
import { getSessionUser } from '@/lib/auth/session';
import { requirePermission } from '@/lib/authz';
import { db } from '@/lib/db/client';
import { MAX_UPLOAD_BYTES } from '@/lib/documents/inspect';
import { receiveToTemp, TooLargeError } from '@/lib/storage';
import { addReportEvidence } from '@/lib/progress/reports';
import { ZUploadQuerySchema } from '@/lib/schemas/accession';

export const POST = route<{ id: string }>(async (request, { params }) => {
  const actor = await getSessionUser();
  const report = await db().progressReport.findUnique({ where: { id: params.id }, select: { municipalityId: true } });
  if (!report) throw new AppError('NOT_FOUND');
  // Note: authorise before reading a byte of the body.
  requirePermission(actor, 'progress.edit', { municipalityId: report.municipalityId });
  const { name } = ZUploadQuerySchema.pick({ name: true }).parse({ name: new URL(request.url).searchParams.get('name') ?? '' });
  if (Number(request.headers.get('content-length') ?? '0') > MAX_UPLOAD_BYTES) throw new AppError('TOO_LARGE', 'upload.too_large');
  if (!request.body) throw new AppError('UNPROCESSABLE', 'upload.empty');
  const file = await receiveToTemp(request.body, MAX_UPLOAD_BYTES).catch((error: unknown) => {
    if (error instanceof TooLargeError) throw new AppError('TOO_LARGE', 'upload.too_large');
    throw new AppError('BAD_REQUEST', 'upload.aborted', { cause: error });
  });
  return ok(await addReportEvidence({ actor, reportId: params.id, originalName: name, file }), 201);
});

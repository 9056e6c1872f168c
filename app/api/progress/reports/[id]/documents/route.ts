/** POST /api/progress/reports/[id]/documents?name=<file name>  evidence for a report (raw body; same checks as signed decisions) */
import { ok, route } from '@/lib/http/route';
import { getSessionUser } from '@/lib/auth/session';
import { requirePermission } from '@/lib/authz';
import { receiveUpload } from '@/lib/http/upload';
import { addReportEvidence, municipalityIdOfReport } from '@/lib/progress/reports';
import { ZUploadQuerySchema } from '@/lib/schemas/accession';

export const POST = route<{ id: string }>(async (request, { params }) => {
  const actor = await getSessionUser();
  // Note: authorise before reading a byte of the body.
  requirePermission(actor, 'progress.edit', { municipalityId: await municipalityIdOfReport(params.id) });
  const { name } = ZUploadQuerySchema.pick({ name: true }).parse({ name: new URL(request.url).searchParams.get('name') ?? '' });
  const file = await receiveUpload(request);
  return ok(await addReportEvidence({ actor, reportId: params.id, originalName: name, file }), 201);
});

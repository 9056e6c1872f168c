/** POST /api/progress/reports/[id]/submit  the secretary submits the report */
import { ok, parseBody, route } from '@/lib/http/route';
import { getSessionUser } from '@/lib/auth/session';
import { ZReportVersionSchema } from '@/lib/schemas/progress-actions';
import { submitReport } from '@/lib/progress/reports';

export const POST = route<{ id: string }>(async (request, { params }) => {
  const actor = await getSessionUser();
  const { version } = await parseBody(request, ZReportVersionSchema);
  const result = await submitReport({ actor, reportId: params.id, version });
  return ok(result);
});

/** POST /api/staff/progress/[id]/accept  staff accept a submitted report (it becomes public) */
import { ok, parseBody, route } from '@/lib/http/route';
import { getSessionUser } from '@/lib/auth/session';
import { requirePermission } from '@/lib/authz';
import { ZReportVersionSchema } from '@/lib/schemas/progress-actions';
import { acceptReport } from '@/lib/progress/reports';

export const POST = route<{ id: string }>(async (request, { params }) => {
  const actor = requirePermission(await getSessionUser(), 'progress.review');
  const { version } = await parseBody(request, ZReportVersionSchema);
  const result = await acceptReport({ actor, reportId: params.id, version });
  return ok(result);
});

/** POST /api/staff/progress/[id]/return  staff return a submitted report with comments */
import { ok, parseBody, route } from '@/lib/http/route';
import { getSessionUser } from '@/lib/auth/session';
import { requirePermission } from '@/lib/authz';
import { ZReportReturnSchema } from '@/lib/schemas/progress-actions';
import { returnReport } from '@/lib/progress/reports';

export const POST = route<{ id: string }>(async (request, { params }) => {
  const actor = requirePermission(await getSessionUser(), 'progress.review');
  const { version, reason } = await parseBody(request, ZReportReturnSchema);
  const result = await returnReport({ actor, reportId: params.id, version, comment: reason });
  return ok(result);
});

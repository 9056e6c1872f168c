/** DELETE /api/progress/reports/[id]/documents/[documentId]  the secretary removes an evidence document from a draft or returned report */
import { ok, route } from '@/lib/http/route';
import { getSessionUser } from '@/lib/auth/session';
import { removeReportEvidence } from '@/lib/progress/reports';

export const DELETE = route<{ id: string; documentId: string }>(async (_request, { params }) => {
  const actor = await getSessionUser();
  await removeReportEvidence({ actor, reportId: params.id, documentId: params.documentId });
  return ok(null);
});

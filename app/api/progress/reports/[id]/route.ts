/** PUT /api/progress/reports/[id]  autosave of a report draft (the whole editor state, at its version) */
import { ok, parseBody, route } from '@/lib/http/route';
import { getSessionUser } from '@/lib/auth/session';
import { ZReportDraftSchema } from '@/lib/schemas/progress';
import { saveReportDraft } from '@/lib/progress/reports';

export const PUT = route<{ id: string }>(async (request, { params }) => {
  const actor = await getSessionUser();
  const input = await parseBody(request, ZReportDraftSchema);
  return ok(await saveReportDraft({ actor, reportId: params.id, input }));
});

/** PUT /api/progress/reports/[id]  autosave of a report draft: the whole editor state as typed, at its version; saved even with invalid fields, whose errors come back */
import { ok, parseBody, route } from '@/lib/http/route';
import { getSessionUser } from '@/lib/auth/session';
import { translateKey } from '@/lib/i18n/request';
import { ZReportTypedDraftSchema } from '@/lib/schemas/progress';
import { saveTypedReportDraft } from '@/lib/progress/reports';

export const PUT = route<{ id: string }>(async (request, { params, locale }) => {
  const actor = await getSessionUser();
  const typed = await parseBody(request, ZReportTypedDraftSchema);
  const saved = await saveTypedReportDraft({ actor, reportId: params.id, typed });
  const fieldErrors = Object.fromEntries(Object.entries(saved.fieldErrors).map(([k, v]) => [k, v.map((m) => translateKey(locale, m))]));
  return ok({ id: saved.id, version: saved.version, fieldErrors });
});

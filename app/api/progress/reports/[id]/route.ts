/**
 * GET /api/progress/reports/[id]  the report as its editor holds it now (version, state as typed, whether it is still editable)
 * PUT /api/progress/reports/[id]  autosave of a report draft: the whole editor state as typed, at its version; saved even with invalid fields, whose errors come back
 */
import { ok, parseBody, route } from '@/lib/http/route';
import { getSessionUser } from '@/lib/auth/session';
import { translateKey } from '@/lib/i18n/request';
import { ZReportTypedDraftSchema } from '@/lib/schemas/progress';
import { saveTypedReportDraft } from '@/lib/progress/reports';
import { findDraftById } from '@/lib/progress/draft-read';
import { editorStartOf } from '@/components/progress/editor-state';

export const GET = route<{ id: string }>(async (_request, { params, locale }) => {
  const { report, editable } = await findDraftById({ actor: await getSessionUser(), reportId: params.id });
  return ok({ id: report.id, version: report.version, editable, state: editorStartOf(report, locale).initial });
});

export const PUT = route<{ id: string }>(async (request, { params, locale }) => {
  const actor = await getSessionUser();
  const typed = await parseBody(request, ZReportTypedDraftSchema);
  const saved = await saveTypedReportDraft({ actor, reportId: params.id, typed });
  const fieldErrors = Object.fromEntries(Object.entries(saved.fieldErrors).map(([k, v]) => [k, v.map((m) => translateKey(locale, m))]));
  return ok({ id: saved.id, version: saved.version, fieldErrors });
});

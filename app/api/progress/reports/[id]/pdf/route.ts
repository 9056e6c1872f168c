/** GET /api/progress/reports/[id]/pdf?lang=lv|en  one report exactly as submitted, as PDF (its municipality's secretary, staff) */
import { route } from '@/lib/http/route';
import { getSessionUser } from '@/lib/auth/session';
import { isLocale } from '@/lib/i18n';
import { submittedReportPdf } from '@/lib/progress/export';
import { pdfAttachment } from '@/lib/documents/access';

export const GET = route<{ id: string }>(async (request, { params, locale }) => {
  const actor = await getSessionUser();
  const lang = new URL(request.url).searchParams.get('lang');
  const { bytes, fileName } = await submittedReportPdf({ actor, reportId: params.id, locale: isLocale(lang) ? lang : locale });
  return pdfAttachment(bytes, fileName);
});

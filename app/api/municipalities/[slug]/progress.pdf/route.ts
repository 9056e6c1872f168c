/** GET /api/municipalities/[slug]/progress.pdf?lang=lv|en  the municipality's accepted progress reports as PDF (public) */
import { route } from '@/lib/http/route';
import { isLocale } from '@/lib/i18n';
import { progressPdf } from '@/lib/progress/export';
import { pdfAttachment } from '@/lib/documents/access';

export const GET = route<{ slug: string }>(async (request, { params }) => {
  const lang = new URL(request.url).searchParams.get('lang');
  const { bytes, fileName } = await progressPdf(params.slug, isLocale(lang) ? lang : 'lv');
  return pdfAttachment(bytes, fileName, 'public');
});

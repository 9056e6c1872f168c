/** GET /api/municipalities/[slug]/progress.pdf?lang=lv|en  the municipality's accepted progress reports as PDF (public) */
import { route } from '@/lib/http/route';
import { isLocale } from '@/lib/i18n';
import { progressPdf } from '@/lib/progress/export';
import { attachmentHeader } from '@/lib/documents/access';

export const GET = route<{ slug: string }>(async (request, { params }) => {
  const lang = new URL(request.url).searchParams.get('lang');
  const { bytes, fileName } = await progressPdf(params.slug, isLocale(lang) ? lang : 'lv');
  return new Response(Buffer.from(bytes), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': attachmentHeader(fileName),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'public, max-age=60',
    },
  });
});

/** GET /api/municipalities/[slug]/progress.csv  the municipality's accepted progress reports as CSV (public) */
import { route } from '@/lib/http/route';
import { progressCsv } from '@/lib/progress/export';
import { CSV_MEDIA_TYPE } from '@/lib/csv';
import { attachmentHeader } from '@/lib/documents/access';

export const GET = route<{ slug: string }>(async (_request, { params }) => {
  const { body, fileName } = await progressCsv(params.slug);
  return new Response(body, {
    headers: {
      'Content-Type': CSV_MEDIA_TYPE,
      'Content-Disposition': attachmentHeader(fileName),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'public, max-age=60',
    },
  });
});

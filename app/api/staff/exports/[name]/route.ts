/** GET /api/staff/exports/[name]?locale=lv|en&type=&status=&progress=&sort=&dir=  staff download of the dashboard's matrix or indicators (matrix.csv, matrix.xlsx, indicators.csv, indicators.xlsx) */
import { route } from '@/lib/http/route';
import { getSessionUser } from '@/lib/auth/session';
import { requirePermission } from '@/lib/authz';
import { isLocale } from '@/lib/i18n';
import { parseDashboardQuery } from '@/lib/schemas/dashboard';
import { buildDashboardExport } from '@/lib/dashboard/export';
import { attachmentHeader } from '@/lib/documents/access';

export const GET = route<{ name: string }>(async (request, { params, locale }) => {
  const actor = requirePermission(await getSessionUser(), 'dashboard.export');
  const search = new URL(request.url).searchParams;
  const lang = search.get('locale');
  const file = await buildDashboardExport({ actor, name: params.name, locale: isLocale(lang) ? lang : locale, query: parseDashboardQuery(search) });
  return new Response(file.body, {
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': attachmentHeader(file.fileName),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    },
  });
});

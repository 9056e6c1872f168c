import { dataPageResponse } from '@/lib/site/public-pages';

export const dynamic = 'force-dynamic';

/** GET /{lv,en}/data: the open data page as a plain HTML document (lib/site/public-render, ADR 0180). */
export async function GET(_request: Request, { params }: RouteContext<'/[locale]/data'>) {
  const { locale } = await params;
  return dataPageResponse({ locale, pathname: `/${locale}/data` });
}

import { memorandumPageResponse } from '@/lib/site/public-pages';

export const dynamic = 'force-dynamic';

/** GET /{lv,en}/memorandum: the memorandum as a plain HTML document (lib/site/public-render, ADR 0180). */
export async function GET(_request: Request, { params }: RouteContext<'/[locale]/memorandum'>) {
  const { locale } = await params;
  return memorandumPageResponse({ locale, pathname: `/${locale}/memorandum` });
}

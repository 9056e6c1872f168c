import type { NextRequest } from 'next/server';
import { homePageResponse } from '@/lib/site/public-pages';

export const dynamic = 'force-dynamic';

/** GET /{lv,en} (and `/`, rewritten to /lv): the public home page as a plain HTML document (lib/site/public-render, ADR 0180). */
export async function GET(request: NextRequest, { params }: RouteContext<'/[locale]'>) {
  const { locale } = await params;
  return homePageResponse({ locale, pathname: `/${locale}`, search: request.nextUrl.searchParams });
}

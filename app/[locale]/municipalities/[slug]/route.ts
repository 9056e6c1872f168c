import { municipalityPageResponse } from '@/lib/site/public-pages';

export const dynamic = 'force-dynamic';

/** GET /{lv,en}/municipalities/{slug}: a municipality's public page as a plain HTML document; unknown slug → 404 page (ADR 0180). */
export async function GET(_request: Request, { params }: RouteContext<'/[locale]/municipalities/[slug]'>) {
  const { locale, slug } = await params;
  return municipalityPageResponse({ locale, pathname: `/${locale}/municipalities/${slug}`, slug });
}

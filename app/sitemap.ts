/** GET /sitemap.xml  every public page in both languages, each with its hreflang alternates */
import type { MetadataRoute } from 'next';
import { sitemapEntries } from '@/lib/site/sitemap';

export const dynamic = 'force-dynamic';

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  return sitemapEntries();
}

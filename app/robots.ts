/** GET /robots.txt  public pages and open data may be crawled; workspaces, sign-in and invitations not; the sitemap's address */
import type { MetadataRoute } from 'next';
import { siteBase } from '@/lib/site/alternates';

export const dynamic = 'force-dynamic';

export default function robots(): MetadataRoute.Robots {
  const privatePaths = ['staff', 'secretary', 'account', 'signin', 'invite'].flatMap((p) => [`/lv/${p}`, `/en/${p}`]);
  return {
    rules: [{ userAgent: '*', allow: ['/', '/api/v1/'], disallow: [...privatePaths, '/api/'] }],
    sitemap: `${siteBase()}/sitemap.xml`,
  };
}

import 'server-only';
import { db } from '@/lib/db/client';
import { LOCALES } from '@/lib/i18n';
import { languageAlternates, pageUrl } from './alternates';

/** The paths (after the language) of every public page: home, memorandum, data and one per municipality. */
export async function listPublicPagePaths(): Promise<string[]> {
  // Note: every municipality has a public page, also one that ended (its history stays public).
  const municipalities = await db().municipality.findMany({ select: { slug: true }, orderBy: { slug: 'asc' } });
  return ['', '/memorandum', '/data', ...municipalities.map((m) => `/municipalities/${m.slug}`)];
}

export type SitemapEntry = { url: string; alternates: { languages: Record<string, string> } };

/** One sitemap entry per public page and language, each with the hreflang alternates of all languages. */
export async function sitemapEntries(): Promise<SitemapEntry[]> {
  const paths = await listPublicPagePaths();
  return paths.flatMap((path) => LOCALES.map((locale) => ({ url: pageUrl(locale, path), alternates: { languages: languageAlternates(path) } })));
}

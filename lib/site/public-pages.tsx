import 'server-only';
import { isLocale, translator } from '@/lib/i18n';
import { getTermOverview } from '@/lib/municipalities/overview';
import { findCurrentTerm } from '@/lib/municipalities/queries';
import { canonicalSlugFor, findMunicipalityPage } from '@/lib/municipalities/public-page';
import { findMemorandum } from '@/lib/memorandum/queries';
import { buildLocatorGeometry, loadMapGeometry } from '@/lib/map/store';
import { openDataModified } from '@/lib/opendata/queries';
import { loadDcatCatalogue } from '@/lib/opendata/catalogue';
import { ZHomeQuerySchema } from '@/lib/schemas/public';
import { HomePage } from '@/components/public/home-page';
import { MemorandumPage } from '@/components/public/memorandum-page';
import { DataPage } from '@/components/public/data-page';
import { MunicipalityPage } from '@/components/public/municipality-page';
import { renderPublicNotFound, renderPublicPage } from './public-render';

/**
 * The public pages, each read from its domain module and rendered as a
 * plain document (./public-render). The route handlers under app/[locale]
 * only pass their parameters here. An unknown language, term or
 * municipality is the localized 404 page.
 */
type Page = { locale: string; pathname: string };

/** The home page: introduction, the term's headline and map, the filtered, sorted and paged list (GET query, bad values fall back to defaults). */
export async function homePageResponse({ locale, pathname, search }: Page & { search: URLSearchParams }): Promise<Response> {
  if (!isLocale(locale)) return renderPublicNotFound(locale, pathname);
  const q = ZHomeQuerySchema.parse(Object.fromEntries([...new Set(search.keys())].map((k) => [k, search.get(k) ?? undefined])));
  const overview = await getTermOverview(q.term ?? null);
  if (!overview && q.term) return renderPublicNotFound(locale, pathname);
  // The term's own boundaries (its start): a merged unit's territory belongs to its successor.
  const map = overview ? await loadMapGeometry(overview.term.startsOn) : null;
  // The canonical address is the language's home, whatever the query (term, filters, sort).
  return renderPublicPage({
    locale,
    pathname: `/${locale}`,
    head: { canonicalPath: '' },
    body: (t) => <HomePage locale={locale} t={t} q={q} overview={overview} map={map} />,
  });
}

/** The memorandum: its text, commitments (findMemorandum, the same source as the rest of the portal), issuers and source. */
export async function memorandumPageResponse({ locale, pathname }: Page): Promise<Response> {
  if (!isLocale(locale)) return renderPublicNotFound(locale, pathname);
  const memo = await findMemorandum();
  if (!memo) return renderPublicNotFound(locale, pathname);
  return renderPublicPage({
    locale,
    pathname,
    head: { title: translator(locale)('nav.memorandum'), canonicalPath: '/memorandum' },
    body: (t) => <MemorandumPage locale={locale} t={t} memo={memo} />,
  });
}

/** The open data page, with the DCAT catalogue as JSON-LD. */
export async function dataPageResponse({ locale, pathname }: Page): Promise<Response> {
  if (!isLocale(locale)) return renderPublicNotFound(locale, pathname);
  const [modified, term, dcat] = await Promise.all([openDataModified(), findCurrentTerm(), loadDcatCatalogue()]);
  const data = { modified, exampleTerm: term?.slug ?? '2021-2025', dcat };
  return renderPublicPage({
    locale,
    pathname,
    head: { title: translator(locale)('opendata.title'), description: translator(locale)('opendata.lead'), canonicalPath: '/data' },
    body: (t) => <DataPage locale={locale} t={t} data={data} />,
  });
}

/** A municipality's page; an unknown slug is the 404 page. */
export async function municipalityPageResponse({ locale, pathname, slug }: Page & { slug: string }): Promise<Response> {
  if (!isLocale(locale)) return renderPublicNotFound(locale, pathname);
  const page = await findMunicipalityPage(slug);
  if (!page) {
    // "Liepaja", "liepāja": a permanent redirect to the page's one address (QA s13); anything else stays a 404.
    const canonical = await canonicalSlugFor(slug);
    if (canonical) return new Response(null, { status: 308, headers: { Location: `/${locale}/municipalities/${canonical}` } });
    return renderPublicNotFound(locale, pathname);
  }
  const name = page.m.nameLv;
  // The boundaries of the latest term in which the unit existed (the current one, or its last).
  const asOf = page.existedIn.at(-1)?.startsOn.toISOString().slice(0, 10);
  const locator = { geometry: await buildLocatorGeometry(page.m.slug, asOf), asOf };
  return renderPublicPage({
    locale,
    pathname,
    head: { title: name, description: translator(locale)('municipality.metaDescription', { name }), canonicalPath: `/municipalities/${page.m.slug}` },
    body: (t) => <MunicipalityPage locale={locale} t={t} page={page} locator={locator} />,
  });
}

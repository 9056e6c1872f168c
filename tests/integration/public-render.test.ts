import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildStylesheet } from '../../scripts/build-stylesheet';
import { dataPageResponse, homePageResponse, memorandumPageResponse, municipalityPageResponse } from '@/lib/site/public-pages';
import { resetDatabase } from './db-utils';

/**
 * Issue 14: the public pages are plain documents by construction. Each is
 * rendered here by the same functions the route handlers call (React's
 * server renderer, real database): the output carries no executable
 * script, no script preload, no RSC payload, only the JSON-LD data block of
 * the data page, and the head and chrome of the App Router layout.
 */
const EXECUTABLE = /^(|text\/javascript|application\/javascript|module)$/i;

function scriptsOf(html: string) {
  return [...html.matchAll(/<script\b([^>]*)>/gi)].map((m) => /\btype="([^"]*)"/i.exec(m[1] ?? '')?.[1] ?? '');
}

async function page(response: Promise<Response>) {
  const res = await response;
  return { status: res.status, type: res.headers.get('content-type'), html: await res.text() };
}

describe('public pages rendered without client code', () => {
  beforeAll(() => buildStylesheet(process.cwd()));
  beforeEach(resetDatabase);

  it('home, memorandum, data and a municipality in both languages: no script but JSON-LD, full head and chrome', async () => {
    for (const locale of ['lv', 'en']) {
      const pages = {
        home: await page(homePageResponse({ locale, pathname: `/${locale}`, search: new URLSearchParams('sort=population&dir=desc') })),
        memorandum: await page(memorandumPageResponse({ locale, pathname: `/${locale}/memorandum` })),
        data: await page(dataPageResponse({ locale, pathname: `/${locale}/data` })),
        municipality: await page(municipalityPageResponse({ locale, pathname: `/${locale}/municipalities/liepaja`, slug: 'liepaja' })),
      };
      for (const [name, p] of Object.entries(pages)) {
        const what = `${locale} ${name}`;
        expect(p.status, what).toBe(200);
        expect(p.type, what).toBe('text/html; charset=utf-8');
        expect(
          scriptsOf(p.html).filter((type) => EXECUTABLE.test(type)),
          what,
        ).toEqual([]);
        expect(p.html, what).not.toMatch(/<link\b[^>]*\b(as="script"|rel="modulepreload")/i);
        expect(p.html, what).not.toMatch(/__next_f|_next\/static|\bon[a-z]+="/i);
        expect(p.html, what).toMatch(new RegExp(`^<!DOCTYPE html><html lang="${locale}">`));
        expect(p.html, what).toMatch(/<link rel="stylesheet" href="\/assets\/site\.css\?v=[0-9a-f]{16}"/);
        expect(p.html, what).toContain('<a href="#main" class="skip-link">');
        expect(p.html, what).toContain('<main id="main"');
        expect(p.html, what).toMatch(/<meta property="og:image" content="[^"]+\/opengraph-image"/);
        expect(p.html, what).toContain(`hrefLang="${locale === 'lv' ? 'en' : 'lv'}"`);
      }
      expect(scriptsOf(pages.data.html), `${locale} data`).toEqual(['application/ld+json']);
      expect(pages.municipality.html).toContain('<title>Liepāja · Memorands</title>');
      expect(pages.municipality.html).toMatch(new RegExp(`<link rel="canonical" href="[^"]+/${locale}/municipalities/liepaja"/>`));
    }
  });

  it('an unknown municipality, term or language is the localized 404 page, still without script', async () => {
    const missing = await page(municipalityPageResponse({ locale: 'en', pathname: '/en/municipalities/nowhere', slug: 'nowhere' }));
    expect(missing.status).toBe(404);
    expect(missing.html).toContain('<html lang="en">');
    expect(missing.html).toContain('Page not found');
    expect(missing.html).toContain('<meta name="robots" content="noindex"/>');
    expect(scriptsOf(missing.html)).toEqual([]);
    expect((await homePageResponse({ locale: 'lv', pathname: '/lv', search: new URLSearchParams('term=1999-2003') })).status).toBe(404);
    expect((await memorandumPageResponse({ locale: 'xx', pathname: '/xx/memorandum' })).status).toBe(404);
  });
});

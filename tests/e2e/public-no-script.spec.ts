import { test, expect } from './support/fixtures';

/**
 * Public pages are plain documents without Next's client runtime (they work
 * fully without JavaScript): route handlers render them with React's server
 * renderer (lib/site/public-render.tsx, ADR 0180), and nothing removes
 * scripts afterwards. So a page that carries an executable script, a script
 * preload or an RSC payload fails here, whatever produced it (issue 14):
 * turning a public page back into an App Router page, or a component that
 * brings client code, fails this test.
 * Checked on the first answer (rendered) and the second (from the cache), and on the 404 page.
 */
const EXECUTABLE = /^(|text\/javascript|application\/javascript|module)$/i;
const PUBLIC_PAGES = [
  '/',
  '/lv',
  '/en',
  '/lv?sort=population&dir=desc&q=novads',
  '/lv/memorandum',
  '/en/memorandum',
  '/lv/data',
  '/en/data',
  '/lv/municipalities/liepaja',
  '/en/municipalities/jekabpils-novads',
];

function checkPlainDocument(html: string, what: string) {
  const scripts = [...html.matchAll(/<script\b([^>]*)>/gi)].map((m) => /\btype="([^"]*)"/i.exec(m[1] ?? '')?.[1] ?? '');
  expect(
    scripts.filter((type) => EXECUTABLE.test(type)),
    `${what}: executable <script> elements`,
  ).toEqual([]);
  // The only script element allowed is data: the JSON-LD of the data page.
  expect(
    scripts.filter((type) => type !== 'application/ld+json'),
    `${what}: non-JSON-LD <script> elements`,
  ).toEqual([]);
  expect(html, `${what}: script preloads`).not.toMatch(/<link\b[^>]*\bas="script"/i);
  expect(html, `${what}: module preloads`).not.toMatch(/<link\b[^>]*\brel="modulepreload"/i);
  expect(html, `${what}: RSC payload`).not.toContain('self.__next_f');
  expect(html, `${what}: Next's client chunks`).not.toContain('/_next/static/chunks/');
  expect(html, what).toContain('</html>');
}

test('public pages carry no executable script and no script preload', async ({ page }) => {
  for (const url of PUBLIC_PAGES) {
    for (const round of ['first', 'cached']) {
      const res = await page.request.get(url);
      expect(res.status(), url).toBe(200);
      checkPlainDocument(await res.text(), `${url} (${round})`);
    }
  }
  const missing = await page.request.get('/en/municipalities/no-such-place');
  expect(missing.status()).toBe(404);
  const html = await missing.text();
  checkPlainDocument(html, '404');
  expect(html).toContain('Page not found');
});

test('a public page in the browser runs no script and still has its styles', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  await page.goto('/lv/municipalities/liepaja');
  await expect(page.locator('h1')).toHaveText('Liepāja');
  // Our stylesheet is applied (Tailwind's font-bold on the heading), and no script was requested.
  expect(await page.locator('h1').evaluate((h) => getComputedStyle(h).fontWeight)).toBe('700');
  expect(scripts).toEqual([]);
});

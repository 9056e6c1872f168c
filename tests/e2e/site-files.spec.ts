import { test, expect } from './support/fixtures';
import { sql } from './support/db';

/**
 * The web's basic files (public/ and the metadata routes): favicon, web app
 * manifest, robots.txt, sitemap.xml with hreflang alternates, canonical and
 * hreflang links on every public page, and the licences the open data names.
 */
test.describe('site files', () => {
  test('favicon, icons and the web app manifest are served', async ({ page, baseURL }) => {
    const ico = await page.request.get('/favicon.ico');
    expect(ico.status()).toBe(200);
    expect([...(await ico.body()).subarray(0, 4)]).toEqual([0, 0, 1, 0]);
    const manifestRes = await page.request.get('/manifest.webmanifest');
    expect(manifestRes.status()).toBe(200);
    const manifest = (await manifestRes.json()) as { name: string; start_url: string; icons: { src: string; sizes: string }[] };
    expect(manifest).toMatchObject({ short_name: 'Memorands', lang: 'lv', start_url: '/lv' });
    for (const icon of manifest.icons) expect((await page.request.get(icon.src)).status(), icon.src).toBe(200);
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    await page.goto('/lv');
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', '/manifest.webmanifest');
    await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute('href', /favicon/);
    expect(baseURL).toBeTruthy();
  });

  test('robots.txt keeps crawlers out of workspaces and names the sitemap on the public base', async ({ page, baseURL }) => {
    const res = await page.request.get('/robots.txt');
    expect(res.status()).toBe(200);
    const text = await res.text();
    expect(text).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
    for (const path of ['/lv/staff', '/en/secretary', '/lv/signin', '/api/']) expect(text).toContain(`Disallow: ${path}`);
    expect(text).toContain('Allow: /api/v1/');
  });

  test('sitemap.xml lists every public page, every municipality, in both languages with hreflang alternates', async ({ page, baseURL }) => {
    const res = await page.request.get('/sitemap.xml');
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toMatch(/xml/);
    const xml = await res.text();
    const urls = [...xml.matchAll(/<url>([\s\S]*?)<\/url>/g)].map((m) => m[1]!);
    const locs = urls.map((u) => /<loc>([^<]+)<\/loc>/.exec(u)![1]!);
    const { rows } = await sql().query<{ slug: string }>(`SELECT "slug" FROM "Municipality"`);
    expect(rows.length).toBeGreaterThanOrEqual(43);
    const paths = ['', '/memorandum', '/data', ...rows.map((r) => `/municipalities/${r.slug}`)];
    for (const path of paths) for (const locale of ['lv', 'en']) expect(locs, `${locale}${path}`).toContain(`${baseURL}/${locale}${path}`);
    expect(locs).toHaveLength(paths.length * 2);
    for (const [i, u] of urls.entries()) {
      const path = locs[i]!.replace(`${baseURL}/`, '').replace(/^(lv|en)/, '');
      for (const [lang, locale] of [
        ['lv', 'lv'],
        ['en', 'en'],
        ['x-default', 'lv'],
      ]) {
        expect(u, `${locs[i]} ${lang}`).toContain(`<xhtml:link rel="alternate" hreflang="${lang}" href="${baseURL}/${locale}${path}" />`);
      }
    }
  });

  test('every public page has its canonical address and hreflang links to both languages', async ({ page, baseURL }) => {
    for (const path of ['', '/memorandum', '/data', '/municipalities/liepaja', '/municipalities/varaklanu-novads']) {
      for (const locale of ['lv', 'en']) {
        const res = await page.goto(`/${locale}${path}${path === '' ? '?sort=status' : ''}`);
        expect(res?.status(), `${locale}${path}`).toBe(200);
        await expect(page.locator('link[rel="canonical"]'), `${locale}${path}`).toHaveAttribute('href', `${baseURL}/${locale}${path}`);
        for (const [lang, target] of [
          ['lv', 'lv'],
          ['en', 'en'],
          ['x-default', 'lv'],
        ]) {
          await expect(page.locator(`link[rel="alternate"][hreflang="${lang}"]`), `${locale}${path} ${lang}`).toHaveAttribute(
            'href',
            `${baseURL}/${target}${path}`,
          );
        }
      }
    }
  });

  test('the licences named by the open data are served at their stable addresses', async ({ page }) => {
    const geo = (await (await page.request.get('/api/v1/municipalities.geojson')).json()) as { licenses: { url: string }[] };
    for (const l of geo.licenses) {
      const res = await page.request.get(new URL(l.url).pathname);
      expect(res.status(), l.url).toBe(200);
      expect((await res.text()).length, l.url).toBeGreaterThan(1000);
    }
  });
});

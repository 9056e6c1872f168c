import { test, expect, expectNoA11yViolations } from './support/fixtures';

test.describe('open data', () => {
  for (const [locale, heading] of [
    ['lv', 'Atvērtie dati'],
    ['en', 'Open data'],
  ] as const) {
    test(`/${locale}/data explains the API, links its descriptions and has no WCAG A/AA violations`, async ({ page }) => {
      const res = await page.goto(`/${locale}/data`);
      expect(res?.status()).toBe(200);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await expect(page.getByTestId('endpoint-table').locator('tbody tr')).toHaveCount(12);
      await expect(page.getByTestId('progress-indicator-fields').locator('tbody th[scope="row"]', { hasText: 'unit' })).toHaveCount(1);
      await expect(page.getByTestId('municipality-fields').locator('tbody th[scope="row"]').first()).toHaveText('slug');
      await expect(page.locator('a[href="/api/v1/openapi.json"]')).toHaveCount(1);
      await expect(page.locator('a[href="/api/v1/dcat.jsonld"]')).toHaveCount(1);
      await expect(page.locator('link[rel="alternate"][type="application/ld+json"]')).toHaveAttribute('href', '/api/v1/dcat.jsonld');
      const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent()) ?? '{}') as { '@type'?: string };
      expect(jsonLd['@type']).toBe('dcat:Catalog');
      await expectNoA11yViolations(page);
    });
  }

  test('accessions.csv starts with the BOM and lists Liepāja', async ({ page }) => {
    const res = await page.request.get('/api/v1/accessions.csv');
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('text/csv; charset=utf-8');
    const bytes = await res.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.includes('Liepāja') || text.includes('liepaja')).toBe(true);
  });

  test('municipalities.geojson has the 43 municipalities of the current term', async ({ page }) => {
    const res = await page.request.get('/api/v1/municipalities.geojson');
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/geo+json');
    const body = (await res.json()) as { type: string; features: unknown[] };
    expect(body.type).toBe('FeatureCollection');
    expect(body.features).toHaveLength(43);
  });

  test('a matching If-None-Match answers 304 and a bad term is a 4xx', async ({ page }) => {
    // The OpenAPI document: other specs change accession data in parallel, so a data ETag could move between the two calls.
    const first = await page.request.get('/api/v1/openapi.json');
    const etag = first.headers()['etag'];
    // One tag per content coding: Playwright's client accepts br.
    expect(etag).toMatch(/^"[0-9a-f]{64}(-br|-gzip)?"$/);
    const again = await page.request.get('/api/v1/openapi.json', { headers: { 'if-none-match': etag! } });
    expect(again.status()).toBe(304);
    const bad = await page.request.get('/api/v1/municipalities?term=..%2F..%2Fx');
    expect(bad.status()).toBe(422);
  });
});

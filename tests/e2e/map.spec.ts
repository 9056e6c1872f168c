import { test, expect, expectNoA11yViolations } from './support/fixtures';

test.describe('public map, search and filters', () => {
  test('the map shows Liepāja and Jēkabpils novads as signatories of 2021–2025, with a legend and a headline', async ({ page }) => {
    await page.goto('/lv');
    const map = page.getByTestId('signatory-map');
    await expect(map.locator('a.map-area')).toHaveCount(43);
    await expect(map.locator('a.map-area[data-slug="liepaja"]')).toHaveAttribute('data-status', 'VERIFIED');
    await expect(map.locator('a.map-area[data-slug="jekabpils-novads"]')).toHaveAttribute('aria-label', 'Jēkabpils novads: Pievienojusies');
    await expect(page.getByTestId('headline')).toContainText('no 43 pašvaldībām pievienojušās');
    await expect(page.getByTestId('population-note')).toContainText('Iedzīvotāju daļa nav zināma');
    const legend = page.getByTestId('map-legend');
    const verified = Number(await legend.getByTestId('legend-count-VERIFIED').innerText());
    expect(verified).toBe(await map.locator('a.map-area[data-status="VERIFIED"]').count());
    await expect(map.getByRole('link', { name: 'Kartes dati: amCharts' })).toBeVisible();
  });

  test('public pages are plain documents served from the public cache: no JavaScript, ETag and 304', async ({ page, request }) => {
    for (const path of ['/', '/en', '/lv/municipalities/liepaja', '/lv/memorandum']) {
      await page.goto(path);
      expect(await page.locator('script:not([type="application/ld+json"])').count(), path).toBe(0);
    }
    const first = await request.get('/lv/municipalities/liepaja');
    const etag = first.headers()['etag'];
    expect(etag).toBeTruthy();
    const again = await request.get('/lv/municipalities/liepaja', { headers: { 'if-none-match': etag! } });
    expect(again.status()).toBe(304);
  });

  test('pages have titles, descriptions and an Open Graph image of the map', async ({ page, request }) => {
    await page.goto('/en/municipalities/jekabpils-novads');
    await expect(page).toHaveTitle('Jēkabpils novads · Memorands');
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /Jēkabpils novads: membership/);
    const image = await page.locator('meta[property="og:image"]').getAttribute('content');
    const res = await request.get(new URL(image!).pathname + new URL(image!).search);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('image/png');
    expect((await res.body()).subarray(1, 4).toString()).toBe('PNG');
  });

  test('keyboard alone reaches a municipality on the map, shows its name and status, and Enter opens its page', async ({ page }) => {
    await page.goto('/lv');
    let found = false;
    for (let i = 0; i < 40 && !found; i += 1) {
      await page.keyboard.press('Tab');
      found = await page.evaluate(() => document.activeElement?.classList.contains('map-area') ?? false);
    }
    expect(found).toBe(true);
    const slug = await page.evaluate(() => document.activeElement?.getAttribute('data-slug'));
    await expect(page.locator(`.map-tip[data-for="${slug}"]`)).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/lv/municipalities/${slug}$`));
    await expect(page.getByTestId('locator-map')).toBeVisible();
  });

  test('a skip link before the map, visible on focus, takes the keyboard past its 42 regions to the list (QA s13)', async ({ page }) => {
    await page.goto('/lv');
    const skip = page.getByRole('link', { name: 'Pāriet uz pašvaldību sarakstu' });
    let found = false;
    for (let i = 0; i < 15 && !found; i += 1) {
      await page.keyboard.press('Tab');
      found = await skip.evaluate((el) => el === document.activeElement);
    }
    expect(found).toBe(true);
    // Not a map region yet: the skip link comes first, and it is visible (not the 1 px sr-only box) while focused.
    expect(await page.locator('.map-area').evaluateAll((els) => els.some((el) => el === document.activeElement))).toBe(false);
    const box = await skip.boundingBox();
    expect(box!.width).toBeGreaterThan(100);
    expect(box!.height).toBeGreaterThan(10);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/lv#list$/);
    await page.keyboard.press('Tab');
    const inList = await page.evaluate(() => {
      const list = document.getElementById('list')?.closest('section');
      return { inList: !!list && list.contains(document.activeElement), onMap: document.activeElement?.classList.contains('map-area') ?? false };
    });
    expect(inList).toEqual({ inList: true, onMap: false });
  });

  test('with JavaScript disabled the map, the table and the search still work', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/en');
    await expect(page.getByTestId('signatory-map').locator('a.map-area')).toHaveCount(43);
    await expect(page.getByTestId('municipality-table').locator('tbody tr')).toHaveCount(43);
    await page.getByLabel('Name').fill('jekabpils');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page).toHaveURL(/q=jekabpils/);
    const rows = page.getByTestId('municipality-table').locator('tbody tr');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Jēkabpils novads');
    await context.close();
  });

  test('filters and sorting live in the query string (shareable)', async ({ page }) => {
    await page.goto('/lv?type=STATE_CITY');
    await expect(page.getByTestId('municipality-table').locator('tbody tr')).toHaveCount(7);
    await page.goto('/lv?status=VERIFIED&q=LIEPAJA');
    const rows = page.getByTestId('municipality-table').locator('tbody tr');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Liepāja');
    await page.goto('/lv?sort=name&dir=desc');
    const names = await page.getByTestId('municipality-table').locator('tbody th').allInnerTexts();
    expect(names[0]).toBe('Ventspils novads');
    await expect(page.getByRole('columnheader', { name: /Pašvaldība/ })).toHaveAttribute('aria-sort', 'descending');
    // Nonsense parameters fall back to defaults; never an error page.
    const res = await page.goto('/lv?status=%3Cscript%3E&sort=drop&dir=sideways&q=' + 'x'.repeat(500));
    expect(res?.status()).toBe(200);
  });

  for (const locale of ['lv', 'en']) {
    test(`axe: the map page with filters applied (/${locale}) has no violations`, async ({ page }) => {
      await page.goto(`/${locale}?status=NONE`);
      await expectNoA11yViolations(page);
    });
  }
});

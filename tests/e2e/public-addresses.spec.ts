import { test, expect } from './support/fixtures';

test.describe('public municipality pages: addresses and heading (QA s13)', () => {
  test('a slug typed with capitals or diacritics redirects (308) to the canonical one; an unknown slug is still 404', async ({ page, request }) => {
    for (const typed of ['Liepaja', 'liep%C4%81ja', 'LIEPĀJA']) {
      const res = await request.get(`/lv/municipalities/${typed}`, { maxRedirects: 0 });
      expect(res.status(), typed).toBe(308);
      expect(res.headers()['location'], typed).toBe('/lv/municipalities/liepaja');
    }
    const en = await request.get('/en/municipalities/J%C4%93kabpils-Novads', { maxRedirects: 0 });
    expect(en.status()).toBe(308);
    expect(en.headers()['location']).toBe('/en/municipalities/jekabpils-novads');
    const followed = await page.goto('/lv/municipalities/liepāja');
    expect(followed?.status()).toBe(200);
    await expect(page).toHaveURL(/\/lv\/municipalities\/liepaja$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Liepāja');
    expect((await request.get('/lv/municipalities/liepajas', { maxRedirects: 0 })).status()).toBe(404);
    expect((await request.get('/lv/municipalities/..%2Friga', { maxRedirects: 0 })).status()).toBe(404);
  });

  test('the official name is shown under the heading only when it differs from the short name', async ({ page }) => {
    await page.goto('/lv/municipalities/jekabpils-novads');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Jēkabpils novads');
    await expect(page.getByTestId('official-name')).toHaveCount(0);
    await expect(page.locator('header').getByText('Jēkabpils novads', { exact: true })).toHaveCount(1);
    await page.goto('/lv/municipalities/liepaja');
    await expect(page.getByTestId('official-name')).toHaveText('Liepājas valstspilsēta');
  });
});

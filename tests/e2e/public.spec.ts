import { test, expect, expectNoA11yViolations } from './support/fixtures';

test.describe('public pages', () => {
  test('the home page lists every municipality of the current term with Liepāja and Jēkabpils novads joined', async ({ page }) => {
    const res = await page.goto('/');
    expect(res?.status()).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('lang', 'lv');
    await expect(page.getByRole('heading', { name: 'Domes pilnvaru laiks 2021–2025' })).toBeVisible();
    const rows = page.getByTestId('municipality-table').locator('tbody tr');
    await expect(rows).toHaveCount(43);
    // Other tests verify municipalities too; the counter must agree with the table.
    const joined = await rows.locator('[data-status="VERIFIED"]').count();
    expect(joined).toBeGreaterThanOrEqual(2);
    await expect(page.getByTestId('joined-count')).toHaveText(String(joined));
    const liepaja = page.locator('tr[data-slug="liepaja"]');
    await expect(liepaja).toContainText('Pievienojusies');
    await expect(liepaja).toContainText('Nr. 271/9, 2021. gada 22. jūlijs');
    const jekabpils = page.locator('tr[data-slug="jekabpils-novads"]');
    await expect(jekabpils).toContainText('Pievienojusies');
    await expect(jekabpils).toContainText('2021. gada 15. jūnijs (secināts)');
    await expect(page.locator('tr[data-slug="riga"]')).toContainText('Nav pievienojusies');
    // Latvian alphabetical order: Ādažu after Aizkraukles and Alūksnes, Ķekavas after Krāslavas.
    const names = await rows.locator('th').allInnerTexts();
    expect(names.indexOf('Ādažu novads')).toBeLessThan(names.indexOf('Balvu novads'));
    expect(names.indexOf('Ķekavas novads')).toBeGreaterThan(names.indexOf('Krāslavas novads'));
  });

  test('municipality pages show the decision facts with their source, and unknowns as unknown', async ({ page }) => {
    await page.goto('/lv/municipalities/jekabpils-novads');
    const decision = page.getByTestId('decision-2021-2025');
    await expect(decision).toContainText('Jēkabpils novada dome');
    await expect(decision).toContainText('ārkārtas sēde');
    await expect(decision).toContainText('gads secināts');
    await expect(decision).toContainText('Aivars Vanags');
    await expect(decision).toContainText('Jēkabpils novada pašvaldības ziņa');
    await expect(decision).not.toContainText('seed document');
    await expect(page.getByTestId('population')).toHaveText(/nav zināms/);

    await page.goto('/en/municipalities/liepaja');
    const d = page.getByTestId('decision-2021-2025');
    await expect(d).toContainText('271/9');
    await expect(d).toContainText('22 July 2021');
    await expect(d).toContainText('(in Latvian)');
    await expect(d).not.toContainText('seed document');
    await expect(page.getByTestId('population')).toHaveText(/unknown/);
  });

  test('Varakļānu novads keeps its history and points to Madonas novads', async ({ page }) => {
    await page.goto('/en/municipalities/varaklanu-novads');
    await expect(page.getByRole('link', { name: 'Merged into Madonas novads' })).toBeVisible();
  });

  test('the language switch keeps the page', async ({ page }) => {
    await page.goto('/lv/memorandum');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Memorands par sociālā darba attīstību pašvaldībās');
    await page.getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(/\/en\/memorandum$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Memorandum on the Development of Social Work in Municipalities');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });

  test('an unknown municipality is a 404 page, not an error', async ({ page }) => {
    const res = await page.goto('/lv/municipalities/atlantida');
    expect(res?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Lapa nav atrasta' })).toBeVisible();
  });

  for (const locale of ['lv', 'en']) {
    for (const path of ['', '/memorandum', '/municipalities/liepaja', '/signin']) {
      test(`axe: /${locale}${path} has no WCAG A/AA violations`, async ({ page }) => {
        await page.goto(`/${locale}${path}`);
        await expectNoA11yViolations(page);
      });
    }
  }

  test('keyboard: the skip link is first and moves focus to the content, focus is visible', async ({ page }) => {
    await page.goto('/lv');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Pāriet uz saturu' });
    await expect(skip).toBeFocused();
    const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#main$/);
  });
});

import type { Page } from '@playwright/test';
import { test, expect, signInApi } from './support/fixtures';
import { createUser, resetReport } from './support/db';

const SLUG = 'kraslavas-novads';
const empty = { status: 'NOT_STARTED', narrative: '', actions: [] };

/** A fresh, empty 2022 draft of SLUG open in the editor of its signed-in secretary: the report and its first section. */
async function openEmptyReport(page: Page) {
  const report = await resetReport(SLUG, 2022, 'DRAFT');
  await signInApi(page.request, await createUser('SECRETARY', SLUG));
  await page.goto(`/lv/secretary/${SLUG}/reports/2022`);
  const resources = page.getByTestId('report-editor').locator('[data-commitment="resources"]');
  await expect(resources.getByLabel('Apraksts')).toHaveValue('');
  return { report, resources };
}

test.describe('report autosave against a report that changed under the page', () => {
  test('a save that lands after the page was rendered (the save made on leaving the previous page) is merged, not refused: both edits are kept', async ({
    page,
  }) => {
    const { report, resources } = await openEmptyReport(page);

    // What QA saw: the previous page's save on leaving reaches the server only after this page was rendered at the old version.
    const late = await page.request.put(`/api/progress/reports/${report.id}`, {
      data: {
        version: report.version,
        commitments: { resources: { ...empty, narrative: 'Saglabāts, aizejot no lapas' }, staff: empty, cooperation: empty },
        indicators: {},
      },
      headers: { 'x-locale': 'lv' },
    });
    expect(late.status()).toBe(200);

    // The next edit on this page is saved at the old version, refused as stale, merged onto the report as it is now, saved.
    await resources.getByLabel('Sociālā darba speciālisti, slodzes').fill('12,5');
    await expect(page.getByTestId('autosave-status')).toContainText('Melnraksts saglabāts');
    await expect(resources.getByLabel('Apraksts')).toHaveValue('Saglabāts, aizejot no lapas');

    await page.reload();
    const again = page.getByTestId('report-editor').locator('[data-commitment="resources"]');
    await expect(again.getByLabel('Apraksts')).toHaveValue('Saglabāts, aizejot no lapas');
    await expect(again.getByLabel('Sociālā darba speciālisti, slodzes')).toHaveValue('12,5');
  });

  test('the same field changed in two places is a real conflict: the page says so and saves nothing over the other change', async ({ page }) => {
    const { report, resources } = await openEmptyReport(page);
    const other = await page.request.put(`/api/progress/reports/${report.id}`, {
      data: { version: report.version, commitments: { resources: { ...empty, narrative: 'Cits teksts' }, staff: empty, cooperation: empty }, indicators: {} },
      headers: { 'x-locale': 'lv' },
    });
    expect(other.status()).toBe(200);

    await resources.getByLabel('Apraksts').fill('Mans teksts');
    await expect(page.getByTestId('autosave-status')).toContainText('Nav saglabāts');
    const now = await page.request.get(`/api/progress/reports/${report.id}`);
    expect(((await now.json()) as { data: { state: { commitments: { resources: { narrative: string } } } } }).data.state.commitments.resources.narrative).toBe(
      'Cits teksts',
    );
  });

  test('a session that ends while typing loses nothing: the page says so, links to sign-in in a new tab, and saves on coming back', async ({
    page,
    context,
  }) => {
    const { resources } = await openEmptyReport(page);
    const secretary = await createUser('SECRETARY', SLUG);
    await context.clearCookies();
    await resources.getByLabel('Apraksts').fill('Rakstīts pēc sesijas beigām');
    const status = page.getByTestId('autosave-status');
    await expect(status).toContainText('Sesija ir beigusies');
    await expect(status.getByRole('link', { name: 'Pieteikties jaunā cilnē' })).toHaveAttribute('target', '_blank');
    // Signing in again (in another tab: the cookie is the browser's), then coming back to this tab saves what was typed.
    await signInApi(page.request, secretary);
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await expect(status).toContainText('Melnraksts saglabāts');
    await page.reload();
    await expect(page.getByTestId('report-editor').locator('[data-commitment="resources"]').getByLabel('Apraksts')).toHaveValue('Rakstīts pēc sesijas beigām');
  });
});

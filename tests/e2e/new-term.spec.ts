import path from 'node:path';
import os from 'node:os';
import { test, expect, signInApi, expectNoA11yViolations } from './support/fixtures';
import { createUser, sql } from './support/db';
import { writeSignedPdfFile } from '../unit/documents/sign-helper';

/**
 * Opening the 2025–2029 term changes the current term for the whole portal,
 * so this spec runs in its own Playwright project after every other one
 * (playwright.config.ts) and puts the term back when it ends.
 */
test.describe.configure({ mode: 'serial' });

test.afterAll(async () => {
  const { rows } = await sql().query<{ id: string }>(`SELECT "id" FROM "CouncilTerm" WHERE "slug" = '2025-2029'`);
  const termId = rows[0]!.id;
  await sql().query(`DELETE FROM "AccessionEvent" WHERE "accessionId" IN (SELECT "id" FROM "Accession" WHERE "termId" = $1)`, [termId]);
  await sql().query(`DELETE FROM "Document" WHERE "accessionId" IN (SELECT "id" FROM "Accession" WHERE "termId" = $1)`, [termId]);
  await sql().query(`DELETE FROM "Accession" WHERE "termId" = $1`, [termId]);
  await sql().query(`UPDATE "CouncilTerm" SET "openedAt" = NULL WHERE "id" = $1`, [termId]);
});

test('staff open 2025–2029; Liepāja is "not yet renewed"; its secretary renews through the joining journey; the new map shows it', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const secretary = await createUser('SECRETARY', 'liepaja');

  // Staff open the term from the terms page, keyboard only.
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signInApi(staff.request, await createUser('STAFF'));
  await staff.goto('/lv/staff/terms');
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Pilnvaru laiki');
  await expect(staff.getByTestId('terms-table').locator('tr[data-term="2025-2029"]')).toContainText('Nav atvērts');
  await expectNoA11yViolations(staff);
  const form = staff.getByTestId('open-term-2025-2029');
  await form.getByRole('button', { name: 'Atvērt pilnvaru laiku' }).click();
  await expect(form.getByRole('alert')).toContainText('Lūdzu, izlabojiet atzīmētos laukus.');
  await expect(form.getByText('Atzīmējiet apstiprinājumu.')).toBeVisible();
  await form.getByLabel('Apstiprinu, ka pilnvaru laiks 2025–2029 ir sācies un to jāatver').focus();
  await staff.keyboard.press('Space');
  await staff.keyboard.press('Tab');
  await staff.keyboard.press('Enter');
  const opened = staff.getByTestId('term-opened');
  await expect(opened).toContainText('Pilnvaru laiks 2025–2029 ir atvērts.');
  await expect(opened).toContainText('Liepāja');
  await opened.getByRole('link', { name: 'Skatīt atjaunināto pilnvaru laiku sarakstu' }).click();
  await expect(staff.getByTestId('terms-table').locator('tr[data-term="2025-2029"]')).toContainText('Atvērts');
  await expect(staff.getByTestId('ended-units').locator('li[data-slug="varaklanu-novads"]')).toContainText('Madonas novads');
  await expectNoA11yViolations(staff);

  // The public sees the new term: Liepāja joined in 2021–2025 and has not renewed; Varakļānu novads is gone from the map.
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto('/lv');
  await expect(visitor.locator('tr[data-slug="liepaja"]')).toContainText('nav atjaunots');
  await expect(visitor.locator('.map-area[data-slug="liepaja"]')).toHaveAttribute('data-status', 'PREVIOUS');
  await expect(visitor.locator('.map-area[data-slug="varaklanu-novads"]')).toHaveCount(0);
  await visitor.goto('/lv/municipalities/liepaja');
  await expect(visitor.getByTestId('renewal-pending')).toHaveText('Pievienojās pilnvaru laikā 2021–2025, dalība vēl nav atjaunota.');
  await expect(visitor.getByTestId('decision-2021-2025')).toContainText('271/9');
  await visitor.goto('/lv/municipalities/varaklanu-novads');
  await expect(visitor.locator('article[data-term="2021-2025"]')).toBeVisible();
  await expect(visitor.locator('article[data-term="2025-2029"]')).toHaveCount(0);

  // The secretary is invited to renew and goes through the same joining journey.
  await signInApi(page.request, secretary);
  await page.goto('/lv/secretary/liepaja');
  await expect(page.getByTestId('renewal-banner')).toContainText('pilnvaru laikā 2021–2025');
  await expect(page.getByTestId('accession-status')).toContainText('2025–2029');
  await expectNoA11yViolations(page);
  const decision = page.getByTestId('decision-form');
  await decision.getByLabel('Lēmējinstitūcija').fill('Liepājas valstspilsētas dome');
  await decision.getByLabel('Sēdes datums').fill('2025-09-18');
  await decision.getByLabel('kārtējā sēde').check();
  await decision.getByLabel('Lēmuma numurs').fill('412/12');
  await decision.getByLabel('Parakstītāja vārds, uzvārds').fill('Gunārs Ansiņš');
  await decision.getByLabel('Parakstītāja amats').fill('domes priekšsēdētājs');
  await decision.getByRole('button', { name: 'Saglabāt lēmuma datus' }).click();
  await expect(decision.getByText('Saglabāts.')).toBeVisible();
  const file = path.join(os.tmpdir(), `liepaja-2025-${Date.now()}.pdf`);
  await writeSignedPdfFile(file, { text: 'Liepajas valstspilsetas domes lemums 2025' });
  await page.getByLabel('Izvēlieties failu').setInputFiles(file);
  await page.getByRole('button', { name: 'Augšupielādēt' }).click();
  await expect(page.getByTestId('upload-ok')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('submit-form').getByRole('button', { name: 'Iesniegt pārbaudei' }).click();
  await page.getByTestId('submit-form').getByRole('button', { name: 'Jā, iesniegt lēmumu' }).click();
  await expect(page.getByTestId('accession-status')).toContainText('Gaida pārbaudi');

  await staff.goto('/lv/staff');
  await staff.getByTestId('verification-queue').locator('tr[data-slug="liepaja"]').getByRole('link').click();
  await staff.getByTestId('verify-form').getByRole('button', { name: 'Apstiprināt dalību' }).click();
  await staff.getByTestId('verify-form').getByRole('button', { name: 'Jā, apstiprināt un publicēt' }).click();
  await expect(staff.getByTestId('review-status')).toContainText('Pievienojusies');

  // The map of the new term shows Liepāja as joined, with both terms' decisions on its page.
  await visitor.goto('/lv');
  await expect(visitor.locator('.map-area[data-slug="liepaja"]')).toHaveAttribute('data-status', 'VERIFIED');
  await expect(visitor.locator('tr[data-slug="liepaja"]')).toContainText('Pievienojusies');
  await visitor.goto('/lv/municipalities/liepaja');
  await expect(visitor.getByTestId('decision-2025-2029')).toContainText('412/12');
  await expect(visitor.getByTestId('decision-2021-2025')).toContainText('271/9');
  await Promise.all([staffContext.close(), visitorContext.close()]);
});

import { test, expect, signInApi, expectNoA11yViolations } from './support/fixtures';
import { createUser, municipalityIdOf, resetReport, sql } from './support/db';
import { extractPdfText } from '../unit/pdf/extract-text';
import { writeSignedPdfFile } from '../unit/documents/sign-helper';
import { shot } from './support/screenshots';
import os from 'node:os';
import path from 'node:path';

const NBSP = '\u00a0';

test.describe('the secretary’s year (issue 13)', () => {
  test('numbers typed the Latvian way are kept; leaving with an invalid field loses nothing; the summary links to the field', async ({ browser }) => {
    test.setTimeout(120_000);
    await sql().query(`DELETE FROM "ProgressReport" WHERE "municipalityId" = $1`, [await municipalityIdOf('jekabpils-novads')]);
    const secretary = await createUser('SECRETARY', 'jekabpils-novads');
    const staffUser = await createUser('STAFF');
    const context = await browser.newContext();
    let page = await context.newPage();
    await signInApi(page.request, secretary);
    await page.goto('/lv/secretary/jekabpils-novads/reports/2023');
    await page.getByRole('button', { name: 'Atvērt ziņojumu' }).click();
    const editor = page.getByTestId('report-editor');
    const resources = editor.locator('[data-commitment="resources"]');
    await resources.getByLabel('Sociālā dienesta darbinieki, slodzes').fill('42,5');
    await resources.getByLabel('Sociālā dienesta gada budžets, EUR').fill('1 234,5');
    await resources.getByLabel('Apraksts').fill('Teksts, kas nedrīkst pazust.');
    // An action without a title, and a pay figure typed wrong: saved anyway, each with one error next to it.
    await resources.getByRole('button', { name: 'Pievienot rīcību' }).click();
    await resources.getByLabel('Budžets, EUR', { exact: true }).fill('5 900 000');
    const staff = editor.locator('[data-commitment="staff"]');
    await staff.getByLabel('Sociālo darbinieku vidējā bruto mēnešalga, EUR').fill('1450 eiro');
    await expect(page.getByTestId('autosave-status')).toContainText('Kļūdaini lauki: 2');
    await expect(staff.locator('#ind-avg_gross_monthly_pay_eur-error')).toHaveText('Kļūda: Ievadiet skaitli, piemēram, 42,5 vai 1 234,5.');
    await expect(resources.locator('#resources-a0-title-error')).toHaveText('Kļūda: Šis lauks ir obligāts.');
    await expect(staff.getByLabel('Sociālo darbinieku vidējā bruto mēnešalga, EUR')).toHaveAttribute('aria-invalid', 'true');
    // The summary at the top links to each field.
    const summary = page.getByTestId('error-summary');
    await expect(summary.getByRole('link')).toHaveCount(2);
    await summary.getByRole('link', { name: /mēnešalga/ }).click();
    await expect(staff.getByLabel('Sociālo darbinieku vidējā bruto mēnešalga, EUR')).toBeFocused();
    // Leaving a number field shows it back in the Latvian format.
    await resources.getByLabel('Sociālā dienesta gada budžets, EUR').fill('1234,5');
    await resources.getByLabel('Sociālā dienesta gada budžets, EUR').blur();
    await expect(resources.getByLabel('Sociālā dienesta gada budžets, EUR')).toHaveValue(`1${NBSP}234,5`);
    await expect(page.getByTestId('autosave-status')).toContainText('Kļūdaini lauki: 2');
    await expectNoA11yViolations(page);
    await shot(page, 'report-editor-error');

    // Leave (a new page), come back: every field as typed, the errors still shown.
    await page.close();
    page = await context.newPage();
    await page.goto('/lv/secretary/jekabpils-novads/reports/2023');
    const again = page.getByTestId('report-editor');
    await expect(again.locator('[data-commitment="resources"]').getByLabel('Sociālā dienesta darbinieki, slodzes')).toHaveValue('42,5');
    await expect(again.locator('[data-commitment="resources"]').getByLabel('Sociālā dienesta gada budžets, EUR')).toHaveValue(`1${NBSP}234,5`);
    await expect(again.locator('[data-commitment="resources"]').getByLabel('Apraksts')).toHaveValue('Teksts, kas nedrīkst pazust.');
    await expect(again.locator('[data-commitment="resources"]').getByLabel('Budžets, EUR', { exact: true })).toHaveValue(`5${NBSP}900${NBSP}000`);
    await expect(again.locator('[data-commitment="staff"]').getByLabel('Sociālo darbinieku vidējā bruto mēnešalga, EUR')).toHaveValue('1450 eiro');
    await expect(page.getByTestId('error-summary').getByRole('link')).toHaveCount(2);

    // Submitting is a second step that names the consequence; with errors it is refused and the summary takes focus.
    await page.getByRole('button', { name: 'Iesniegt ziņojumu', exact: true }).click();
    await expect(page.getByRole('group', { name: 'Vai iesniegt ziņojumu biedrībai?' })).toContainText('vairs nevarēs labot');
    await expectNoA11yViolations(page);
    await shot(page, 'confirm-submit-report');
    await expect(page.getByRole('heading', { name: 'Vai iesniegt ziņojumu biedrībai?' })).toBeFocused();
    await page.getByRole('button', { name: 'Jā, iesniegt ziņojumu' }).click();
    await expect(page.getByTestId('autosave-status')).toContainText('lauki, kas jāizlabo');
    await expect(page.getByTestId('error-summary')).toBeFocused();
    const { rows } = await sql().query(`SELECT "status" FROM "ProgressReport" WHERE "municipalityId" = $1`, [await municipalityIdOf('jekabpils-novads')]);
    expect(rows.map((r) => r.status)).toEqual(['DRAFT']);

    // Fix both; then the submission goes through.
    await page.getByTestId('report-editor').locator('[data-commitment="staff"]').getByLabel('Sociālo darbinieku vidējā bruto mēnešalga, EUR').fill('1 450');
    await page.getByTestId('report-editor').locator('[data-commitment="resources"]').getByLabel('Nosaukums').fill('Telpu pārbūve');
    await page.getByTestId('report-editor').locator('[data-commitment="resources"]').getByLabel('Stāvoklis').selectOption('DONE');
    await page.getByTestId('report-editor').locator('[data-commitment="resources"]').getByLabel('Paveikšanas datums').fill('15.06.2023');
    await expect(page.getByTestId('autosave-status')).toContainText('Melnraksts saglabāts');
    await expect(page.getByTestId('error-summary')).toHaveCount(0);

    // Evidence: a wrong file is removed (its own button name, a second step), the right one uploaded in its place.
    const wrong = path.join(os.tmpdir(), `nepareizais-${Date.now()}.pdf`);
    await writeSignedPdfFile(wrong, { text: 'Nepareizais fails' });
    await page.getByLabel('Izvēlieties failu').setInputFiles(wrong);
    await page.getByRole('button', { name: 'Augšupielādēt' }).click();
    await expect(page.getByTestId('documents')).toContainText(path.basename(wrong));
    await page.getByRole('button', { name: `Noņemt ${path.basename(wrong)}` }).click();
    await expect(page.getByRole('group', { name: `Vai noņemt ${path.basename(wrong)}?` })).toContainText('atvienots no ziņojuma');
    await page.getByRole('button', { name: 'Jā, noņemt' }).click();
    await expect(page.getByText(path.basename(wrong))).toHaveCount(0);
    const right = path.join(os.tmpdir(), `ligums-${Date.now()}.pdf`);
    await writeSignedPdfFile(right, { text: 'Supervizijas ligums' });
    await page.getByLabel('Izvēlieties failu').setInputFiles(right);
    await page.getByRole('button', { name: 'Augšupielādēt' }).click();
    await expect(page.getByTestId('upload-ok')).toBeVisible();
    const { rows: audit } = await sql().query(
      `SELECT count(*)::int AS n FROM "AuditEvent" WHERE "action" = 'progress.evidence.remove' AND "municipalityId" = $1`,
      [await municipalityIdOf('jekabpils-novads')],
    );
    expect(audit[0].n).toBe(1);

    await page.reload();
    await page.getByRole('button', { name: 'Iesniegt ziņojumu', exact: true }).click();
    await page.getByRole('button', { name: 'Jā, iesniegt ziņojumu' }).click();
    await expect(page.getByTestId('report-status')).toContainText('Iesniegts');

    // Staff are told by e-mail (outbox), in their language.
    const { rows: staffMail } = await sql().query(
      `SELECT "subject", "text" FROM "OutboxMessage" WHERE "kind" = 'staff.submission' AND "toEmail" = $1 AND "municipalityId" = $2`,
      [staffUser.email, await municipalityIdOf('jekabpils-novads')],
    );
    expect(staffMail.map((m) => m.subject)).toEqual(['Jēkabpils novads: 2023. gada progresa ziņojums']);
    expect(staffMail[0].text).toContain('iesniegts pirmo reizi');

    // After submitting: exactly what was sent, printable and as PDF.
    const sent = page.getByTestId('submitted-view');
    await expect(sent).toContainText('Telpu pārbūve');
    await expect(sent.locator('[data-indicator="service_budget_eur"]')).toContainText('1234,50');
    await expect(sent.locator('td[data-field="doneOn"]')).toHaveText('2023. gada 15. jūnijs');
    await expect(sent.getByTestId('documents')).toContainText(path.basename(right));
    await expectNoA11yViolations(page);
    await shot(page, 'submitted-view');
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed += 1;
      };
    });
    await sent.getByRole('button', { name: 'Drukāt' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('banner')).toBeHidden();
    await expect(sent.getByRole('button', { name: 'Drukāt' })).toBeHidden();
    await expect(sent).toContainText('Telpu pārbūve');
    await page.emulateMedia({ media: 'screen' });
    const pdf = await page.request.get((await sent.getByRole('link', { name: 'Lejupielādēt PDF' }).getAttribute('href'))!);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const pdfText = await extractPdfText(new Uint8Array(await pdf.body()));
    for (const expected of ['Jēkabpils', 'Telpu pārbūve', '2023. gada 15. jūnijs', path.basename(right)]) expect(pdfText).toContain(expected);

    // The secretary's home lists every report with its state, due date and overdue flag.
    await page.goto('/lv/secretary/jekabpils-novads');
    const table = page.getByTestId('report-periods');
    await expect(table.locator('tr[data-year="2023"]')).toContainText('Iesniegts');
    await expect(table.locator('tr[data-year="2023"]')).toHaveAttribute('data-overdue', 'no');
    await expect(table.locator('tr[data-year="2022"]')).toHaveAttribute('data-overdue', 'yes');
    await expect(table.locator('tr[data-year="2022"]')).toContainText('Nokavēts');
    await expect(table.locator('tr[data-year="2022"]')).toContainText('2023. gada 31. marts');
    await expectNoA11yViolations(page);

    // Staff see what the public will see: evidence with its signature verdict, completion dates; the publish step is distinct.
    const staffContext = await browser.newContext();
    const staffPage = await staffContext.newPage();
    await signInApi(staffPage.request, staffUser);
    await staffPage.goto('/lv/staff');
    await staffPage.getByTestId('report-queue').locator('li[data-slug="jekabpils-novads"]').getByRole('link').click();
    await expect(staffPage.getByTestId('documents')).toContainText(path.basename(right));
    await expect(staffPage.getByTestId('documents')).toContainText('Digitāli parakstījis');
    await expect(staffPage.getByTestId('report-view').locator('td[data-field="doneOn"]')).toHaveText('2023. gada 15. jūnijs');
    await expect(staffPage.getByTestId('revision-changes')).toContainText('pirmā iesniegšana');
    await staffPage.getByTestId('accept-report-form').getByRole('button', { name: 'Pieņemt ziņojumu' }).click();
    await expect(staffPage.getByTestId('accept-report-form').getByRole('group', { name: 'Vai pieņemt ziņojumu un publicēt?' })).toContainText(
      'publiskajā lapā',
    );
    await expectNoA11yViolations(staffPage);
    await staffPage.getByRole('button', { name: 'Atcelt' }).click();
    await expect(staffPage.getByTestId('accept-report-form').getByRole('button', { name: 'Pieņemt ziņojumu' })).toBeFocused();
    // Returned and resubmitted: staff see what changed since the previous submission.
    await staffPage.getByTestId('return-report-form').getByLabel('Komentārs sekretāram').fill('Lūdzu precizējiet budžetu.');
    await staffPage.getByTestId('return-report-form').getByRole('button', { name: 'Atgriezt labošanai' }).click();
    await expect(staffPage.getByTestId('report-status')).toContainText('Atgriezts labošanai');
    await page.goto('/lv/secretary/jekabpils-novads/reports/2023');
    await page.getByTestId('report-editor').locator('[data-commitment="resources"]').getByLabel('Sociālā dienesta gada budžets, EUR').fill('2 000');
    await expect(page.getByTestId('autosave-status')).toContainText('Melnraksts saglabāts');
    await page.getByRole('button', { name: 'Iesniegt ziņojumu', exact: true }).click();
    await page.getByRole('button', { name: 'Jā, iesniegt ziņojumu' }).click();
    await expect(page.getByTestId('report-status')).toContainText('Iesniegts');
    await staffPage.reload();
    const changes = staffPage.getByTestId('revision-changes');
    await expect(changes).toContainText('iepriekšējo iesniegšanu');
    await expect(changes.getByRole('row', { name: /Sociālā dienesta gada budžets/ })).toContainText('1234,50');
    await expect(changes.getByRole('row', { name: /Sociālā dienesta gada budžets/ })).toContainText('2000,00');
    await expect(changes.getByRole('row')).toHaveCount(2);
    await staffContext.close();
    const stored = await sql().query(
      `SELECT i."key", i."numberValue"::text AS v FROM "ReportIndicator" i JOIN "ProgressReport" r ON r."id" = i."reportId" WHERE r."municipalityId" = $1 ORDER BY 1`,
      [await municipalityIdOf('jekabpils-novads')],
    );
    expect(Object.fromEntries(stored.rows.map((r) => [r.key, r.v]))).toEqual({
      avg_gross_monthly_pay_eur: '1450.00',
      service_budget_eur: '2000.00',
      service_staff_fte: '42.50',
    });
    await context.close();
  });

  test('typing while a slow save is under way is saved after it, never refused as a conflict', async ({ page }) => {
    // Valkas novads: no other spec touches it.
    const { id } = await resetReport('valkas-novads', 2022, 'DRAFT');
    await signInApi(page.request, await createUser('SECRETARY', 'valkas-novads'));
    await page.goto('/lv/secretary/valkas-novads/reports/2022');
    // A slow network: every autosave answer arrives 1,5 s late, so the next change is typed while a save runs.
    let puts = 0;
    await page.route(`**/api/progress/reports/${id}`, async (route) => {
      if (route.request().method() !== 'PUT') return route.continue();
      puts += 1;
      const response = await route.fetch();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.fulfill({ response });
    });
    const pay = page.getByTestId('report-editor').locator('[data-commitment="staff"]').getByLabel('Sociālo darbinieku vidējā bruto mēnešalga, EUR');
    await pay.fill('-5');
    await expect(page.getByTestId('autosave-status')).toContainText('Saglabā');
    await pay.fill('1450');
    await page.getByTestId('report-editor').locator('[data-commitment="cooperation"]').getByLabel('Kopīgas sanāksmes gadā: izglītība').fill('6');
    await expect(page.getByTestId('autosave-status')).toContainText('Melnraksts saglabāts', { timeout: 15_000 });
    expect(puts).toBeGreaterThanOrEqual(2);
    const stored = await sql().query(`SELECT "key", "numberValue"::text AS v FROM "ReportIndicator" WHERE "reportId" = $1 ORDER BY 1`, [id]);
    expect(Object.fromEntries(stored.rows.map((r) => [r.key, r.v]))).toMatchObject({ avg_gross_monthly_pay_eur: '1450.00', joint_meetings_education: '6.00' });
  });

  test('leaving with changes not yet saved asks first', async ({ page }) => {
    await sql().query(`DELETE FROM "ProgressReport" WHERE "municipalityId" = $1 AND "periodId" IN (SELECT "id" FROM "ReportingPeriod" WHERE "year" = 2024)`, [
      await municipalityIdOf('jekabpils-novads'),
    ]);
    await signInApi(page.request, await createUser('SECRETARY', 'jekabpils-novads'));
    await page.goto('/lv/secretary/jekabpils-novads/reports/2024');
    await page.getByRole('button', { name: 'Atvērt ziņojumu' }).click();
    await page.getByTestId('report-editor').locator('[data-commitment="resources"]').getByLabel('Sociālā dienesta darbinieki, slodzes').fill('7');
    // Within the autosave delay the change is not saved yet: the browser asks before leaving.
    const dialog = page.waitForEvent('dialog');
    void page.goto('/lv/secretary/jekabpils-novads').catch(() => undefined);
    const shown = await dialog;
    expect(shown.type()).toBe('beforeunload');
    await shown.dismiss();
    await expect(page).toHaveURL(/reports\/2021-2025\/2024$/); // the year alone redirected to the report's own address (ADR 0215)
  });
});

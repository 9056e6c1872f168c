import { test, expect, signInApi, expectNoA11yViolations } from './support/fixtures';
import { announceChange, createUser, municipalityIdOf, resetReport, sql } from './support/db';
import { extractPdfText } from '../unit/pdf/extract-text';
import { writeSignedPdfFile } from '../unit/documents/sign-helper';
import os from 'node:os';
import path from 'node:path';

test.describe('progress reports', () => {
  test('a signatory fills all three commitments, closes the page mid-way and finds the draft intact, submits; staff return; fix; staff accept', async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    await sql().query(`DELETE FROM "ProgressReport" WHERE "municipalityId" = $1`, [await municipalityIdOf('liepaja')]);
    const secretary = await createUser('SECRETARY', 'liepaja');
    const context = await browser.newContext();
    let page = await context.newPage();
    await signInApi(page.request, secretary);
    await page.goto('/lv/secretary/liepaja');
    await page.getByTestId('report-periods').getByRole('link', { name: '2022. gada ziņojums' }).click();
    await page.getByRole('button', { name: 'Atvērt ziņojumu' }).click();
    const editor = page.getByTestId('report-editor');
    await expect(editor).toBeVisible();
    await expectNoA11yViolations(page);

    const resources = editor.locator('[data-commitment="resources"]');
    await resources.getByLabel('Statuss', { exact: true }).selectOption('IN_PROGRESS');
    await resources.getByLabel('Apraksts').fill('Sociālais dienests iesaistīts attīstības programmas izstrādē; 33 rīcības.');
    await resources.getByRole('button', { name: 'Pievienot rīcību' }).click();
    await resources.getByLabel('Nosaukums').fill('Dienesta telpu pārbūve');
    await resources.getByLabel('Budžets, EUR', { exact: true }).fill('5900000');
    await resources.getByLabel('Sociālā darba speciālisti, slodzes').fill('42');
    await resources.getByLabel('Sociālais dienests iesaistīts attīstības plānošanā').selectOption('yes');
    const staffSection = editor.locator('[data-commitment="staff"]');
    await staffSection.getByLabel('Statuss', { exact: true }).selectOption('ACHIEVED');
    await staffSection.getByLabel('Apraksts').fill('Supervīzija pieejama visiem.');
    await staffSection.getByLabel('Sociālo darbinieku vidējā bruto mēnešalga, EUR').fill('-5');
    // Saved as typed even when invalid (issue 13), with the error next to the field.
    await expect(page.getByTestId('autosave-status')).toContainText('Kļūdaini lauki: 1');
    await expect(staffSection.locator('#ind-avg_gross_monthly_pay_eur-error')).toHaveText('Kļūda: Ne mazāk kā 300.');
    await staffSection.getByLabel('Sociālo darbinieku vidējā bruto mēnešalga, EUR').fill('1450');
    const cooperation = editor.locator('[data-commitment="cooperation"]');
    await cooperation.getByLabel('Apraksts').fill('Sadarbība ar skolām un policiju.');
    await cooperation.getByLabel('Kopīgas sanāksmes gadā: izglītība').fill('6');
    await expect(page.getByTestId('autosave-status')).toContainText('Melnraksts saglabāts');
    // Evidence goes through the same upload pipeline as signed decisions.
    const evidence = path.join(os.tmpdir(), `evidence-${Date.now()}.pdf`);
    await writeSignedPdfFile(evidence, { text: 'Supervizijas liguma kopija' });
    await page.getByLabel('Izvēlieties failu').setInputFiles(evidence);
    await page.getByRole('button', { name: 'Augšupielādēt' }).click();
    await expect(page.getByTestId('upload-ok')).toBeVisible();
    await expect(page.getByTestId('documents')).toContainText('Digitāli parakstījis');

    // Close the page mid-way; a new page finds the draft intact.
    await page.close();
    page = await context.newPage();
    await page.goto('/lv/secretary/liepaja/reports/2022');
    const again = page.getByTestId('report-editor');
    await expect(again.locator('[data-commitment="resources"]').getByLabel('Apraksts')).toHaveValue(
      'Sociālais dienests iesaistīts attīstības programmas izstrādē; 33 rīcības.',
    );
    await expect(again.locator('[data-commitment="resources"]').getByLabel('Budžets, EUR', { exact: true })).toHaveValue('5\u00a0900\u00a0000');
    await expect(again.locator('[data-commitment="staff"]').getByLabel('Sociālo darbinieku vidējā bruto mēnešalga, EUR')).toHaveValue('1\u00a0450');
    await expect(again.locator('[data-commitment="cooperation"]').getByLabel('Kopīgas sanāksmes gadā: izglītība')).toHaveValue('6');
    await page.getByRole('button', { name: 'Iesniegt ziņojumu', exact: true }).click();
    await page.getByRole('button', { name: 'Jā, iesniegt ziņojumu' }).click();
    await expect(page.getByTestId('report-status')).toContainText('Iesniegts');

    // Staff return it with a comment.
    const staffContext = await browser.newContext();
    const staff = await staffContext.newPage();
    await signInApi(staff.request, await createUser('STAFF'));
    await staff.goto('/lv/staff');
    // Overdue: past the due date with no report submitted (Jēkabpils novads has none; Liepāja's 2022 report is in).
    await expect(staff.getByTestId('overdue-reports').locator('tr[data-slug="jekabpils-novads"]').first()).toBeVisible();
    await expect(staff.getByTestId('overdue-reports').getByRole('row', { name: /Liepāja 2022/ })).toHaveCount(0);
    await staff.getByTestId('report-queue').locator('li[data-slug="liepaja"]').getByRole('link').click();
    await expect(staff.getByTestId('report-view')).toContainText('Dienesta telpu pārbūve');
    await expectNoA11yViolations(staff);
    await staff.getByTestId('return-report-form').getByLabel('Komentārs sekretāram').fill('Lūdzu norādiet mācību stundas.');
    await staff.getByTestId('return-report-form').getByRole('button', { name: 'Atgriezt labošanai' }).click();
    await expect(staff.getByTestId('report-status')).toContainText('Atgriezts labošanai');

    // The secretary fixes and resubmits; staff accept.
    await page.reload();
    await expect(page.getByTestId('report-return-comment')).toContainText('Lūdzu norādiet mācību stundas.');
    await page.getByTestId('report-editor').locator('[data-commitment="staff"]').getByLabel('Mācību stundas vienam sociālajam darbiniekam gadā').fill('24');
    await expect(page.getByTestId('autosave-status')).toContainText('Melnraksts saglabāts');
    await page.getByRole('button', { name: 'Iesniegt ziņojumu', exact: true }).click();
    await page.getByRole('button', { name: 'Jā, iesniegt ziņojumu' }).click();
    await expect(page.getByTestId('report-status')).toContainText('Iesniegts');
    await staff.goto('/lv/staff');
    await staff.getByTestId('report-queue').locator('li[data-slug="liepaja"]').getByRole('link').click();
    // Test data: a population figure for the year, so the derived ratio has a denominator.
    await sql().query(
      `INSERT INTO "PopulationFigure" ("id", "municipalityId", "year", "value", "source") VALUES ('popliepaja2022', $1, 2022, 60000, 'e2e test fixture') ON CONFLICT DO NOTHING`,
      [await municipalityIdOf('liepaja')],
    );
    await staff.getByTestId('accept-report-form').getByRole('button', { name: 'Pieņemt ziņojumu' }).click();
    await staff.getByTestId('accept-report-form').getByRole('button', { name: 'Jā, pieņemt un publicēt' }).click();
    await expect(staff.getByTestId('report-status')).toContainText('Pieņemts');
    await staffContext.close();
    await context.close();

    // The public page shows the accepted report, the derived ratio and the charts; the PDF carries the name with diacritics.
    const visitorContext = await browser.newContext();
    const visitor = await visitorContext.newPage();
    await visitor.goto('/lv/municipalities/liepaja');
    const section = visitor.getByTestId('progress-section');
    await expect(section.locator('li[data-year="2022"]')).toContainText('Pieņemts');
    // Liepāja joined on 22 July 2021, after the 2021 period began: nothing is owed for 2021 (issue 12), ever: "not owed",
    // not "not yet due" (QA s13 minor 10).
    await expect(section.locator('li[data-year="2021"]')).toContainText('Ziņojums nav jāiesniedz (periods sākās pirms domes lēmuma).');
    await expect(section.getByTestId('owed-rule')).toContainText('pirmo ziņošanas periodu, kas sākas pēc domes lēmuma dienas');
    await expect(section.getByTestId('report-view')).toContainText('Dienesta telpu pārbūve');
    await expect(section.getByTestId('report-view').locator('[data-indicator="avg_gross_monthly_pay_eur"]')).toContainText('1450,00');
    await expect(section.getByTestId('report-view').locator('[data-indicator="service_budget_eur"]')).toContainText('nav zināms');
    await expect(section.getByTestId('specialist-ratio')).toContainText('uz 1 000 iedzīvotājiem: 0,7');
    expect(await section.getByTestId('indicator-chart').count()).toBeGreaterThan(0);
    await expect(section.getByTestId('documents')).toContainText('Pierādījums');
    await expectNoA11yViolations(visitor);
    const pdf = await visitor.request.get('/api/municipalities/liepaja/progress.pdf?lang=lv');
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(await extractPdfText(new Uint8Array(await pdf.body()))).toContain('Liepāja');
    const csv = await visitor.request.get('/api/municipalities/liepaja/progress.csv');
    const bytes = await csv.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('liepaja,2021-2025,2022,1,staff,avg_gross_monthly_pay_eur,1450');
    await visitorContext.close();
  });

  test('public charts carry their values in Latvian format, the median of the reporting municipalities with n, and the legal minimum only where one is stored', async ({
    page,
  }) => {
    // Test data: three verified municipalities with accepted 2022 reports and populations (0,5, 0,3 and 0,9 specialists per 1 000).
    for (const [slug, fte] of [
      ['madonas-novads', 10],
      ['saldus-novads', 6],
      ['ventspils-novads', 18],
    ] as const) {
      const { id } = await resetReport(slug, 2022, 'ACCEPTED');
      await sql().query(`UPDATE "ProgressReport" SET "acceptedAt" = now(), "submittedAt" = now() WHERE "id" = $1`, [id]);
      await sql().query(`INSERT INTO "ReportIndicator" ("id", "reportId", "key", "numberValue") VALUES ($1, $2, 'social_work_specialists_fte', $3)`, [
        `${id}fte`,
        id,
        fte,
      ]);
      await sql().query(
        `INSERT INTO "PopulationFigure" ("id", "municipalityId", "year", "value", "source") VALUES ($1, $2, 2022, 20000, 'e2e test fixture') ON CONFLICT ("municipalityId", "year") DO UPDATE SET "value" = 20000`,
        [`pop${slug}`, await municipalityIdOf(slug)],
      );
    }
    await announceChange();
    const { rows: norms } = await sql().query<{ value: string }>(
      `SELECT "value"::text FROM "LegalNorm" WHERE "key" = 'social_work_specialists_per_1000' AND "validFrom" <= '2022-12-31' AND ("validTo" IS NULL OR "validTo" >= '2022-12-31') ORDER BY "validFrom" DESC LIMIT 1`,
    );
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/lv/municipalities/madonas-novads');
    const ratio = page.getByTestId('progress-section').locator('[data-testid="indicator-chart"][data-indicator="specialists_per_1000"]');
    await expect(ratio.getByTestId('chart-value')).toHaveText(['0,5']);
    await expect(ratio.getByTestId('chart-median')).toHaveCount(1);
    await expect(ratio.getByTestId('chart-legend')).toContainText('Mediāna: visas pašvaldības ar pieņemtu ziņojumu par to pašu gadu');
    await expect(ratio.getByRole('img')).toHaveAttribute('aria-label', /2022: 0,5, mediāna \d,\d+ no \d+ pašvaldībām/);
    await ratio.getByText('Skaitļi tabulā').click();
    const row2022 = ratio.getByRole('row', { name: /^2022 / });
    await expect(row2022.getByTestId('chart-median-cell')).toHaveText(/^\d,\d+ \(n = \d+\)$/);
    await expect(ratio.getByRole('row', { name: /^2023 / }).getByTestId('chart-median-cell')).toHaveText('nerāda (ziņojušas mazāk nekā 3 pašvaldības)');
    if (norms[0]) {
      await expect(ratio.getByTestId('chart-norm')).toHaveCount(1);
      await expect(ratio.getByTestId('chart-norm-label')).toContainText('minimums');
    } else {
      await expect(ratio.getByTestId('chart-norm')).toHaveCount(0);
      await expect(row2022.getByTestId('chart-norm-cell')).toHaveText('nav ievadīts ar avotu');
    }
    // A chart the norm does not apply to has no reference line and no minimum column.
    const fte = page.getByTestId('progress-section').locator('[data-indicator="social_work_specialists_fte"]');
    await expect(fte.getByTestId('chart-value')).toHaveText(['10']);
    await expect(fte.getByTestId('chart-norm')).toHaveCount(0);
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoA11yViolations(page);
  });

  test('a secretary of a municipality that has not joined cannot open a report', async ({ page }) => {
    await signInApi(page.request, await createUser('SECRETARY', 'saulkrastu-novads'));
    const res = await page.request.post('/api/progress/saulkrastu-novads/2022', { headers: { 'x-locale': 'en' } });
    expect(res.status()).toBe(403);
    expect((await res.json()).message).toBe('The municipality is not a signatory in this term, so it cannot report progress.');
  });
});

test('staff define a reporting period’s due date and record the legal minimum with its citation', async ({ page }) => {
  await signInApi(page.request, await createUser('STAFF'));
  await page.goto('/en/staff/reporting');
  await expectNoA11yViolations(page);
  const form = page.getByTestId('period-form');
  await form.getByLabel('Year').fill('2031');
  await form.getByLabel('Due').fill('2032-03-31');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.locator('#f-year-error')).toHaveText('The year is not in this term.');
  await form.getByLabel('Year').fill('2024');
  await form.getByLabel('Due').fill('2025-04-30');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('periods')).toContainText('30 April 2025');
});

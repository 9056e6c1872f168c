import path from 'node:path';
import pg from 'pg';
import { test, expect, expectNoA11yViolations } from './support/fixtures';
import { createUser } from './support/db';
import { prepareOwnDatabase } from './support/own-database';
import { startAppServer, type AppServer } from '../support/app-server';
import { ROOT } from '../support/run-script';

/**
 * QA s13 M1/M2 (ADR 0215) in Chromium, on a fresh install served with the clock frozen at 2026-12-03.
 * Liepāja is a member of 2021–2025 (published decision of 22 July 2021; its January–June 2025 report accepted)
 * and joined 2025–2029 by the decision of 26 November 2026 (verified). Before staff set up 2025–2029 reporting,
 * its 2026 report says reporting is not open yet (not "not a signatory"); afterwards the two 2025 reports are
 * told apart by term and months, each at its own address, the year alone offers both, and periods that began
 * before the decision are "not owed" with no deadline, for the secretary and the public alike.
 */
test.describe.configure({ mode: 'serial' });

let url = '';
let server: AppServer;
let pool: pg.Pool;
const web = () => `http://localhost:${server.port}`;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  ({ url, pool } = prepareOwnDatabase('memorands_e2e_report_periods'));
  const { rows } = await pool.query<{ m: string; old: string; term: string }>(
    `SELECT m."id" AS m, p."id" AS old, t."id" AS term FROM "Municipality" m, "ReportingPeriod" p JOIN "CouncilTerm" o ON o."id" = p."termId", "CouncilTerm" t
     WHERE m."slug" = 'liepaja' AND o."slug" = '2021-2025' AND p."year" = 2025 AND t."slug" = '2025-2029'`,
  );
  const { m, old, term } = rows[0]!;
  await pool.query(
    `INSERT INTO "ProgressReport" ("id", "municipalityId", "periodId", "status", "submittedAt", "acceptedAt", "updatedAt") VALUES ('rep-liepaja-2025-h1', $1, $2, 'ACCEPTED', '2025-09-01', '2025-09-10', now())`,
    [m, old],
  );
  for (const key of ['resources', 'staff', 'cooperation'])
    await pool.query(`INSERT INTO "ReportCommitment" ("id", "reportId", "commitmentKey") VALUES ($1, 'rep-liepaja-2025-h1', $2)`, [`rc-h1-${key}`, key]);
  await pool.query(
    `INSERT INTO "Accession" ("id", "municipalityId", "termId", "status", "councilBody", "sessionDate", "sessionType", "decisionNumber", "verifiedAt", "updatedAt")
     VALUES ('acc-liepaja-2025-2029', $1, $2, 'VERIFIED', 'Liepājas valstspilsētas dome', '2026-11-26', 'EXTRAORDINARY', '271/9', '2026-12-01T10:00:00Z', now())`,
    [m, term],
  );
  server = await startAppServer({
    databaseUrl: url,
    storageDir: path.join(ROOT, '.data/e2e-report-periods-storage'),
    env: { FROZEN_NOW: '2026-12-03' },
    timeoutMs: 120_000,
  });
});

test.afterAll(async () => {
  await server?.kill();
  await pool?.end();
});

const user = (role: 'SECRETARY' | 'STAFF', slug?: string) => createUser(role, slug, pool);

test('a verified member before set-up, then two 2025 reports with their own labels and addresses; periods not owed say so', async ({ browser }) => {
  test.setTimeout(180_000);
  const secretaryContext = await browser.newContext();
  const page = await secretaryContext.newPage();
  expect((await page.request.post(`${web()}/api/session`, { data: await user('SECRETARY', 'liepaja') })).status()).toBe(200);
  await page.goto(`${web()}/lv/secretary/liepaja/reports/2025-2029/2026`);
  await expect(page.getByTestId('report-not-open')).toContainText('Ziņošana par šo sasaukumu vēl nav atvērta');
  await expect(page.locator('main')).not.toContainText('nav memoranda parakstītāja');
  await expectNoA11yViolations(page);

  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  expect((await staff.request.post(`${web()}/api/session`, { data: await user('STAFF') })).status()).toBe(200);
  await staff.goto(`${web()}/lv/staff/terms`);
  const form = staff.getByTestId('open-term-2025-2029');
  await form.getByLabel('Apstiprinu, ka jāsagatavo ziņošana par pilnvaru laiku 2025–2029').check();
  await form.getByRole('button', { name: 'Sagatavot ziņošanu' }).click();
  await expect(staff.getByTestId('term-opened')).toContainText('Ziņošana par pilnvaru laiku 2025–2029 ir sagatavota.');

  await page.goto(`${web()}/lv/secretary/liepaja`);
  const table = page.getByTestId('report-periods');
  const row = (term: string, year: number) => table.locator(`tr[data-term="${term}"][data-year="${year}"]`);
  await expect(row('2021-2025', 2025)).toContainText('Pieņemts');
  await expect(row('2021-2025', 2025).getByRole('link')).toHaveText('2025. gada ziņojums (janv.–jūn., sasaukums 2021–2025)');
  await expect(row('2021-2025', 2025).getByRole('link')).toHaveAttribute('href', '/lv/secretary/liepaja/reports/2021-2025/2025');
  await expect(row('2025-2029', 2025).getByRole('link')).toHaveText('2025. gada ziņojums (jūl.–dec., sasaukums 2025–2029)');
  await expect(row('2025-2029', 2025).getByRole('link')).toHaveAttribute('href', '/lv/secretary/liepaja/reports/2025-2029/2025');
  // Not owed (begun before the decision of 26 November 2026; 2021 before that of 22 July 2021): no deadline, never overdue.
  for (const [term, year] of [
    ['2021-2025', 2021],
    ['2025-2029', 2025],
    ['2025-2029', 2026],
  ] as const) {
    await expect(row(term, year)).toContainText('Nav jāiesniedz');
    await expect(row(term, year)).not.toContainText('31. marts');
    await expect(row(term, year)).not.toContainText('Nav sākts');
    await expect(row(term, year)).toHaveAttribute('data-overdue', 'no');
  }
  await expect(row('2025-2029', 2027)).toContainText('Nav sākts');
  await expect(row('2025-2029', 2027)).toContainText('2028. gada 31. marts');
  await expectNoA11yViolations(page);

  // The accepted report is reachable at its own address.
  await row('2021-2025', 2025).getByRole('link').click();
  await expect(page).toHaveURL(`${web()}/lv/secretary/liepaja/reports/2021-2025/2025`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Liepāja: 2025. gada progresa ziņojums (janv.–jūn., sasaukums 2021–2025)');
  await expect(page.getByTestId('submitted-view')).toBeVisible();
  // The old address by year: a choice where the year is split, a redirect where it is not.
  await page.goto(`${web()}/lv/secretary/liepaja/reports/2025`);
  await expect(page.getByTestId('year-periods').getByRole('link')).toHaveText([
    '2025. gada ziņojums (janv.–jūn., sasaukums 2021–2025)',
    '2025. gada ziņojums (jūl.–dec., sasaukums 2025–2029)',
  ]);
  await expectNoA11yViolations(page);
  await page.goto(`${web()}/lv/secretary/liepaja/reports/2024`);
  await expect(page).toHaveURL(`${web()}/lv/secretary/liepaja/reports/2021-2025/2024`);
  // A period not owed may be reported on voluntarily, and says it is not owed.
  await page.goto(`${web()}/lv/secretary/liepaja/reports/2025-2029/2026`);
  await expect(page.getByTestId('report-due')).toContainText('Šis ziņojums nav jāiesniedz');
  await page.getByRole('button', { name: 'Atvērt ziņojumu' }).click();
  await expect(page.getByTestId('report-editor')).toBeVisible();

  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto(`${web()}/lv/municipalities/liepaja`);
  const periods = visitor.getByTestId('public-periods');
  await expect(periods.locator('li[data-term="2021-2025"][data-year="2025"]')).toHaveText('2025. gada ziņojums (janv.–jūn., sasaukums 2021–2025): Pieņemts');
  await expect(periods.locator('li[data-term="2025-2029"][data-year="2025"]')).toContainText('(jūl.–dec., sasaukums 2025–2029): Ziņojums nav jāiesniedz');
  await expect(periods.locator('li[data-term="2021-2025"][data-year="2021"]')).toContainText('Ziņojums nav jāiesniedz');
  await expect(periods).not.toContainText('vēl nav jāiesniedz');
  await expectNoA11yViolations(visitor);
  await Promise.all([secretaryContext.close(), staffContext.close(), visitorContext.close()]);
});

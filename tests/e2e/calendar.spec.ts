import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { test, expect, expectNoA11yViolations } from './support/fixtures';
import { createUser } from './support/db';
import { prepareOwnDatabase } from './support/own-database';
import { writeSignedPdfFile } from '../unit/documents/sign-helper';
import { startAppServer, type AppServer } from '../support/app-server';
import { ROOT } from '../support/run-script';

/**
 * Council terms come from the calendar (issue 12). A fresh install (its own
 * database, migrated and seeded, nobody has done anything) served by a
 * production server whose clock is frozen at 2026-12-03 shows 2025–2029 with
 * 42 municipalities; the same database on a server frozen at 2025-05-01 shows
 * 2021–2025 with 43. Staff only set up reporting; the renewal journey works.
 * With SCREENSHOT_DIR set, the home page of both dates is saved there.
 */
test.describe.configure({ mode: 'serial' });

let url = '';
let december: AppServer;
let may: AppServer;
let pool: pg.Pool;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  ({ url, pool } = prepareOwnDatabase('memorands_e2e_calendar'));
  const storageDir = path.join(ROOT, '.data/e2e-calendar-storage');
  december = await startAppServer({ databaseUrl: url, storageDir, env: { FROZEN_NOW: '2026-12-03' }, timeoutMs: 120_000 });
  may = await startAppServer({ databaseUrl: url, storageDir, env: { FROZEN_NOW: '2025-05-01' }, timeoutMs: 120_000 });
});

test.afterAll(async () => {
  await Promise.all([december?.kill(), may?.kill()]);
  await pool?.end();
});

/** The server's public address (PUBLIC_BASE_URL): same-origin checks on POSTs compare against it. */
const web = (s: AppServer) => `http://localhost:${s.port}`;

/** A user in this spec's own database, made by the shared e2e factory. */
const user = (role: 'SECRETARY' | 'STAFF', slug?: string) => createUser(role, slug, pool);

async function shoot(page: import('@playwright/test').Page, name: string) {
  const dir = process.env.SCREENSHOT_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, name), fullPage: true });
}

test('a fresh database on 2026-12-03 shows 2025–2029 with 42 units; on 2025-05-01 2021–2025 with 43; no staff action', async ({ page }) => {
  await page.goto(`${web(december)}/lv`);
  await expect(page.getByRole('heading', { name: 'Domes pilnvaru laiks 2025–2029' })).toBeVisible();
  const rows = page.getByTestId('municipality-table').locator('tbody tr');
  await expect(rows).toHaveCount(42);
  await expect(page.locator('tr[data-slug="varaklanu-novads"]')).toHaveCount(0);
  await expect(page.locator('.map-area[data-slug="varaklanu-novads"]')).toHaveCount(0);
  await expect(page.locator('tr[data-slug="liepaja"]')).toContainText('nav atjaunots');
  await expect(page.locator('.map-area[data-slug="liepaja"]')).toHaveAttribute('data-status', 'PREVIOUS');
  await expectNoA11yViolations(page);
  await shoot(page, 'home-2026-12-03.png');
  // /lv?term=2025-2029 works; the earlier term stays browsable with its 43 units.
  expect((await page.goto(`${web(december)}/lv?term=2025-2029`))?.status()).toBe(200);
  await page.goto(`${web(december)}/lv?term=2021-2025`);
  await expect(page.getByRole('heading', { name: 'Domes pilnvaru laiks 2021–2025' })).toBeVisible();
  await expect(page.getByTestId('municipality-table').locator('tbody tr')).toHaveCount(43);
  // Open data and its default follow the calendar.
  const open = await page.request.get(`${web(december)}/api/v1/municipalities`);
  expect(open.status()).toBe(200);
  expect(JSON.stringify(await open.json())).toContain('2025-2029');

  await page.goto(`${web(may)}/lv`);
  await expect(page.getByRole('heading', { name: 'Domes pilnvaru laiks 2021–2025' })).toBeVisible();
  await expect(page.getByTestId('municipality-table').locator('tbody tr')).toHaveCount(43);
  await expect(page.locator('tr[data-slug="liepaja"]')).toContainText('Pievienojusies');
  await shoot(page, 'home-2025-05-01.png');
  expect((await page.goto(`${web(may)}/lv?term=2025-2029`))?.status()).toBe(404);
});

test('the municipality page explains Jēkabpils, cites its sources in the page language and shows only real events', async ({ page }) => {
  await page.goto(`${web(december)}/lv/municipalities/jekabpils-novads`);
  const decision = page.getByTestId('decision-2021-2025');
  await expect(page.getByTestId('before-term-start-2021-2025')).toContainText('jaunievēlētā dome sanāca, pirms jaunā pašvaldība oficiāli sāka darbu');
  await expect(decision).toContainText('Jēkabpils novada pašvaldības ziņa');
  await expect(decision).not.toContainText('seed document');
  await expect(page.getByTestId('published-source-2021-2025')).toHaveText('Reģistrēts no publicēta avota');
  await expect(page.getByTestId('renewal-pending')).toHaveText('Pievienojās pilnvaru laikā 2021–2025, dalība vēl nav atjaunota.');
  await expect(page.getByTestId('facts-history-2021-2025')).toContainText('2021. gada 15. jūnijs (secināts) — Domes sēde, kurā pieņemts lēmums');
  await expect(page.getByTestId('facts-history-2021-2025')).not.toContainText('2026');

  await page.goto(`${web(december)}/en/municipalities/liepaja`);
  const citation = page.getByTestId('citation-2021-2025');
  await expect(citation).toContainText('Liepājas valstspilsētas pašvaldības domes 2021. gada 22. jūlija lēmums Nr. 271/9');
  await expect(citation).toContainText('published 22 July 2021 (in Latvian)');
  await expect(page.getByTestId('facts-history-2021-2025')).toContainText('22 July 2021 — Council session that took the decision');
  await expect(page.getByTestId('history-2021-2025')).toHaveCount(0);

  await page.goto(`${web(december)}/lv/municipalities/varaklanu-novads`);
  await expect(page.locator('article[data-term="2021-2025"]')).toBeVisible();
  await expect(page.locator('article[data-term="2025-2029"]')).toHaveCount(0);
  await expect(page.getByTestId('change-citation').getByRole('link')).toHaveAttribute('href', /eng\.lsm\.lv/);
  // Its locator map draws the 2021–2025 boundaries, the last term in which it existed.
  await expect(page.getByTestId('locator-map')).toHaveAttribute('data-as-of', '2021-07-01');
});

test("the locator map on a municipality page draws the term's boundaries: Madonas novads with Varakļāni from 2025", async ({ page }) => {
  const highlight = async (server: AppServer) => {
    await page.goto(`${web(server)}/lv/municipalities/madonas-novads`);
    const map = page.getByTestId('locator-map');
    return {
      asOf: await map.getAttribute('data-as-of'),
      d: await map.locator('path').nth(1).getAttribute('d'),
      outline: await map.locator('path').first().getAttribute('d'),
    };
  };
  const now = await highlight(december);
  const before = await highlight(may);
  expect(now.asOf).toBe('2025-07-01');
  expect(before.asOf).toBe('2021-07-01');
  // The merged unit is one larger shape, and the outline has one unit fewer (no Varakļāni border inside Madona).
  expect(now.d).not.toBe(before.d);
  expect(now.outline!.length).toBeLessThan(before.outline!.length);
});

test('staff set up reporting for 2025–2029; Liepāja renews through the joining journey; the map follows', async ({ browser }) => {
  test.setTimeout(180_000);
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  const s = await user('STAFF');
  expect((await staff.request.post(`${web(december)}/api/session`, { data: s })).status()).toBe(200);
  await staff.goto(`${web(december)}/lv/staff/terms`);
  await expect(staff.getByTestId('terms-table').locator('tr[data-term="2025-2029"]')).toContainText('pašreizējais');
  await expect(staff.getByTestId('terms-table').locator('tr[data-term="2025-2029"]')).toContainText('Ziņošana nav sagatavota');
  await expect(staff.getByTestId('ended-units').locator('li[data-slug="varaklanu-novads"]')).toContainText('Madonas novads');
  const form = staff.getByTestId('open-term-2025-2029');
  await form.getByLabel('Apstiprinu, ka jāsagatavo ziņošana par pilnvaru laiku 2025–2029').check();
  await form.getByRole('button', { name: 'Sagatavot ziņošanu' }).click();
  await expect(staff.getByTestId('term-opened')).toContainText('Ziņošana par pilnvaru laiku 2025–2029 ir sagatavota.');
  await expectNoA11yViolations(staff);

  const secretaryContext = await browser.newContext();
  const page = await secretaryContext.newPage();
  const sec = await user('SECRETARY', 'liepaja');
  expect((await page.request.post(`${web(december)}/api/session`, { data: sec })).status()).toBe(200);
  await page.goto(`${web(december)}/lv/secretary/liepaja`);
  await expect(page.getByTestId('renewal-banner')).toContainText('pilnvaru laikā 2021–2025');
  await expect(page.getByTestId('accession-status')).toContainText('2025–2029');
  const decision = page.getByTestId('decision-form');
  await decision.getByLabel('Lēmējinstitūcija').fill('Liepājas valstspilsētas dome');
  await decision.getByLabel('kārtējā sēde').check();
  await decision.getByLabel('Lēmuma numurs').fill('412/12');
  await decision.getByLabel('Parakstītāja vārds, uzvārds').fill('Gunārs Ansiņš');
  await decision.getByLabel('Parakstītāja amats').fill('domes priekšsēdētājs');
  // A date before the 2025 election day is refused, naming the allowed dates.
  await decision.getByLabel('Sēdes datums').fill('2025-05-20');
  await decision.getByRole('button', { name: 'Saglabāt lēmuma datus' }).click();
  await expect(decision.getByText('Pilnvaru laikam 2025–2029 atļautie sēdes datumi: 2025. gada 7. jūnijs – 2026. gada 3. decembris')).toBeVisible();
  await decision.getByLabel('Sēdes datums').fill('2025-09-18');
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

  await staff.goto(`${web(december)}/lv/staff`);
  await staff.getByTestId('verification-queue').locator('tr[data-slug="liepaja"]').getByRole('link').click();
  await staff.getByTestId('verify-form').getByRole('button', { name: 'Apstiprināt dalību' }).click();
  await staff.getByTestId('verify-form').getByRole('button', { name: 'Jā, apstiprināt un publicēt' }).click();
  await expect(staff.getByTestId('review-status')).toContainText('Pievienojusies');

  const visitor = await browser.newPage();
  await visitor.goto(`${web(december)}/lv`);
  await expect(visitor.locator('.map-area[data-slug="liepaja"]')).toHaveAttribute('data-status', 'VERIFIED');
  await visitor.goto(`${web(december)}/lv/municipalities/liepaja`);
  await expect(visitor.getByTestId('decision-2025-2029')).toContainText('412/12');
  await expect(visitor.getByTestId('decision-2021-2025')).toContainText('271/9');
  await Promise.all([staffContext.close(), secretaryContext.close(), visitor.close()]);
});

test('staff import the official population table and ATVK codes; a file with unknown or missing units is refused, naming them', async ({ browser }) => {
  test.setTimeout(180_000);
  const fixture = (name: string) => path.join(ROOT, 'tests/fixtures/official-data', name);
  const context = await browser.newContext();
  const page = await context.newPage();
  const s = await user('STAFF');
  expect((await page.request.post(`${web(december)}/api/session`, { data: s })).status()).toBe(200);
  await page.goto(`${web(december)}/lv/staff/official-data`);
  await expect(page.getByTestId('official-state')).toContainText('Iedzīvotāju skaits zināms: 0 no 42 pašvaldībām.');
  await expectNoA11yViolations(page);
  const population = page.getByTestId('import-population');

  // A unit the registry does not know: refused, named in the error summary, which takes the focus.
  await population.getByLabel('CSV fails').setInputFiles(fixture('IRS051-unknown-unit.csv'));
  await population.getByRole('button', { name: 'Importēt iedzīvotāju skaitu' }).click();
  const summary = page.getByTestId('error-summary-population');
  await expect(summary).toContainText('Fails netika importēts');
  await expect(summary).toContainText('Pašvaldības, kuru nav reģistrā (1): Jaunpils novads.');
  await expect(summary).toBeFocused();
  await expectNoA11yViolations(page);
  // A registry unit missing: refused for each year, named.
  await population.getByLabel('CSV fails').setInputFiles(fixture('IRS051-missing-unit.csv'));
  await population.getByRole('button', { name: 'Importēt iedzīvotāju skaitu' }).click();
  await expect(summary).toContainText('2025. gadā trūkst reģistra pašvaldību (1): Ventspils novads.');
  await expect(summary).toContainText('2026. gadā trūkst reģistra pašvaldību (1): Ventspils novads.');
  expect((await pool.query('SELECT count(*)::int AS n FROM "PopulationFigure"')).rows[0].n).toBe(0);

  // The good file: PxWeb's file name gives the table code and the download date.
  await population.getByLabel('CSV fails').setInputFiles(fixture('IRS051_20261203-101500.csv'));
  await expect(population.getByLabel('Tabulas vai datu kopas kods')).toHaveValue('IRS051');
  await expect(population.getByLabel('Lejupielādes datums')).toHaveValue('2026-12-03');
  await population.getByRole('button', { name: 'Importēt iedzīvotāju skaitu' }).click();
  await expect(page.getByTestId('imported-population')).toHaveText('Importēts: 85 skaitļi (gadi: 2025, 2026).');
  await expect(summary).toHaveCount(0);

  const atvk = page.getByTestId('import-atvk');
  await atvk.getByLabel('CSV fails').setInputFiles(fixture('atu_nuts_codes.csv'));
  await atvk.getByRole('button', { name: 'Importēt ATVK kodus' }).click();
  await expect(page.getByTestId('imported-atvk')).toHaveText('Importēti 43 ATVK kodi.');

  // The public page shows the figure and the code with their citations, in the page's language.
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto(`${web(december)}/lv/municipalities/riga`);
  await expect(visitor.getByTestId('population')).toContainText(/10\s551 \(2026\)/);
  await expect(visitor.getByTestId('population-citation')).toContainText('Centrālā statistikas pārvalde');
  await expect(visitor.getByTestId('population-citation')).toContainText('izgūts');
  await expect(visitor.getByTestId('population-citation').getByRole('link')).toHaveAttribute(
    'href',
    'https://data.stat.gov.lv/pxweb/lv/OSP_PUB/START__POP__IR__IRS/IRS051/',
  );
  await expect(visitor.getByTestId('atvk-code')).toContainText('9400051');
  await visitor.goto(`${web(december)}/en/municipalities/riga`);
  await expect(visitor.getByTestId('population-citation')).toContainText('retrieved');
  await expect(visitor.getByTestId('population-citation')).toContainText('(in Latvian)');
  await expectNoA11yViolations(visitor);
  await Promise.all([context.close(), visitorContext.close()]);
});

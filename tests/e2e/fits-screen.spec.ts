import { test, expect, signInApi } from './support/fixtures';
import { createUser, resetReport, sql } from './support/db';
import type { Page } from '@playwright/test';

/** Issue 13: no page scrolls sideways on a 390 px phone; wide tables scroll in their own container. */
test.use({ viewport: { width: 390, height: 844 } });

const failures: string[] = [];
async function expectNoSidewaysScroll(page: Page, url: string): Promise<void> {
  const res = await page.goto(url);
  expect(res?.status(), url).toBeLessThan(400);
  const { scrollWidth, viewport, culprits } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > width + 1 && !e.parentElement?.closest('.table-scroll'))
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}.${[...e.classList].slice(0, 3).join('.')}`);
    return { scrollWidth: document.scrollingElement!.scrollWidth, viewport: width, culprits: wide };
  });
  if (scrollWidth > viewport) failures.push(`${url} is ${scrollWidth} px wide at ${viewport} px: ${culprits.join(', ')}`);
}

test('every page fits 390 px: public, secretary and staff', async ({ browser, page }) => {
  test.setTimeout(180_000);
  const publicPages = [
    '/lv',
    '/en',
    '/lv/memorandum',
    '/lv/municipalities/liepaja',
    '/lv/municipalities/jekabpils-novads',
    '/lv/data',
    '/en/data',
    '/lv/signin',
    '/lv/forgot-password',
    '/lv/reset-password/not-a-real-token-000000',
  ];
  for (const url of publicPages) await expectNoSidewaysScroll(page, url);
  // The home page at 390 px for the issue's closing note, only when SCREENSHOT_DIR is set.
  if (process.env.SCREENSHOT_DIR) {
    await page.goto('/lv');
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/home-390.png`, fullPage: false });
  }

  const secretaryContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const secretary = await secretaryContext.newPage();
  await signInApi(secretary.request, await createUser('SECRETARY', 'liepaja'));
  for (const url of ['/lv/secretary/liepaja', '/lv/secretary/liepaja/reports/2023', '/lv/secretary/liepaja/reports/2022'])
    await expectNoSidewaysScroll(secretary, url);
  await secretaryContext.close();

  // A municipality no other spec touches: the authorization matrix resets Tukums's reports, progress.spec Saldus's, in the other worker.
  const report = await resetReport('ogres-novads', 2022, 'SUBMITTED');
  const { rows } = await sql().query<{ id: string }>(`SELECT "id" FROM "Accession" ORDER BY "createdAt" LIMIT 1`);
  const adminContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const admin = await adminContext.newPage();
  await signInApi(admin.request, await createUser('ADMIN'));
  for (const url of [
    '/lv/staff',
    '/lv/staff/users',
    '/lv/staff/audit',
    '/lv/staff/terms',
    '/lv/staff/reporting',
    '/lv/staff/outbox',
    `/lv/staff/accessions/${rows[0]!.id}`,
    `/lv/staff/reports/${report.id}`,
  ])
    await expectNoSidewaysScroll(admin, url);
  await adminContext.close();
  expect(failures).toEqual([]);
});

test('at 1280 px the staff users table shows its actions', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signInApi(page.request, await createUser('ADMIN'));
  await createUser('SECRETARY', 'liepaja');
  await page.goto('/lv/staff/users');
  const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
  expect(width).toBeLessThanOrEqual(1280);
  // Every action button of the users table is inside the viewport without scrolling.
  const offscreen = await page.evaluate(
    () => [...document.querySelectorAll('main table button')].filter((b) => b.getBoundingClientRect().right > window.innerWidth).length,
  );
  expect(offscreen).toBe(0);
  await context.close();
});

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test, expect, signInApi } from './support/fixtures';
import { createUser, resetAccession, sql } from './support/db';

/**
 * QA s13: on a 390 px phone the staff accession page's "Kā tas noteikts" signature details ran
 * to x≈422 and were cut off (an Estonian certificate name with the personal code is one long word).
 * Long values wrap; nothing on the page, with every details element open, leaves the viewport.
 */
const SLUG = 'preilu-novads';
const CORPUS = path.join(import.meta.dirname, '../fixtures/corpus');

test.use({ viewport: { width: 390, height: 844 } });

test('the staff accession page with its signature details open fits 390 px', async ({ page, browser }) => {
  const accession = await resetAccession(SLUG, 'DRAFT');
  await signInApi(page.request, await createUser('SECRETARY', SLUG));
  for (const [kind, file] of [
    ['DECISION', 'ee-valid-asice.asice'],
    ['ANNEX', 'lv-eid-sha256.edoc'],
  ] as const) {
    const up = await page.request.post(`/api/accessions/${SLUG}/documents?kind=${kind}&name=${file}`, {
      data: await readFile(path.join(CORPUS, file)),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(up.status(), await up.text()).toBe(201);
  }
  await sql().query(`UPDATE "Accession" SET "status" = 'SUBMITTED', "submittedAt" = now() WHERE "id" = $1`, [accession.id]);

  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const staff = await context.newPage();
  await signInApi(staff.request, await createUser('STAFF'));
  await staff.goto(`/lv/staff/accessions/${accession.id}`);
  const facts = staff.getByTestId('verdict-facts');
  await expect(facts).toHaveCount(2);
  for (const summary of await staff.getByText('Kā tas noteikts').all()) await summary.click();
  await expect(facts.first().locator('dl')).toBeVisible();
  await expect(facts.first()).toContainText('ŽÕRINÜWŠKY');
  const { scrollWidth, width, culprits } = await staff.evaluate(() => {
    const w = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().width > 0 && e.getBoundingClientRect().right > w + 1 && !e.parentElement?.closest('.table-scroll'))
      .map((e) => `${e.tagName.toLowerCase()}: ${(e.textContent ?? '').slice(0, 40)} (right ${Math.round(e.getBoundingClientRect().right)})`)
      .slice(0, 5);
    return { scrollWidth: document.scrollingElement!.scrollWidth, width: w, culprits: wide };
  });
  expect(culprits).toEqual([]);
  expect(scrollWidth).toBeLessThanOrEqual(width);
  await context.close();
});

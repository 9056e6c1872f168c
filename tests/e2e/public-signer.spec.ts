import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test, expect, signInApi } from './support/fixtures';
import { announceChange, createUser, resetAccession, sql } from './support/db';

/**
 * QA s13 M4 (ADR 0220): an Estonian ID-card signature (CN "SURNAME,GIVEN,PERSONALCODE") on a
 * verified decision. The public page names the signer by given name and surname and carries the
 * personal code nowhere in its HTML; staff still see the certificate's common name in full.
 */
// A municipality no other spec uses (ADR 0200: specs of one worker share its database).
const SLUG = 'augsdaugavas-novads';
const CORPUS = path.join(import.meta.dirname, '../fixtures/corpus');
const CODE = '11404176865';

test('the public page shows the signer name without the personal code; staff keep the full certificate name', async ({ page, browser }) => {
  const accession = await resetAccession(SLUG, 'DRAFT');
  await signInApi(page.request, await createUser('SECRETARY', SLUG));
  const up = await page.request.post(`/api/accessions/${SLUG}/documents?kind=ANNEX&name=pielikums.asice`, {
    data: await readFile(path.join(CORPUS, 'ee-valid-asice.asice')),
    headers: { 'content-type': 'application/octet-stream' },
  });
  expect(up.status(), await up.text()).toBe(201);
  await sql().query(`UPDATE "Accession" SET "status" = 'VERIFIED', "submittedAt" = now(), "verifiedAt" = now() WHERE "id" = $1`, [accession.id]);
  await announceChange();

  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  const response = await visitor.goto(`/lv/municipalities/${SLUG}`);
  expect(await response!.text()).not.toContain(CODE);
  const signature = visitor.getByTestId('signature').first();
  await expect(signature).toContainText('Digitāli parakstījis MÄRÜ-LÖÖZ ŽÕRINÜWŠKY');
  await expect(signature.getByTestId('trust-verdict')).toContainText('MÄRÜ-LÖÖZ ŽÕRINÜWŠKY');
  await expect(visitor.locator('body')).not.toContainText(CODE);
  await expect(visitor.locator('body')).not.toContainText('darbiniekiem tas jāpārbauda pašiem');
  await visitorContext.close();

  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signInApi(staff.request, await createUser('STAFF'));
  await staff.goto(`/lv/staff/accessions/${accession.id}`);
  await expect(staff.getByTestId('signature').first()).toContainText(`ŽÕRINÜWŠKY,MÄRÜ-LÖÖZ,${CODE}`);
  await staffContext.close();
});

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { test, expect, expectNoA11yViolations, signInApi } from './support/fixtures';
import { createUser, resetAccession, sql } from './support/db';

/**
 * Issue 11: the trust verdict in plain words for staff (facts on demand, cross-check warnings,
 * re-check) and the public; the same bytes twice on one decision refused with a clear message;
 * unsigned documents carry no "verified signature" sentence.
 */
const SLUG = 'livanu-novads';
const CORPUS = path.join(import.meta.dirname, '../fixtures/corpus');

test('a real eParaksts container: verdict, facts, warnings and re-check for staff; duplicate refused; the public sees the verdict', async ({
  page,
  browser,
}) => {
  const accession = await resetAccession(SLUG, 'DRAFT');
  const secretary = await createUser('SECRETARY', SLUG);
  await signInApi(page.request, secretary);
  const edoc = await readFile(path.join(CORPUS, 'lv-eid-sha256.edoc'));
  const up = await page.request.post(`/api/accessions/${SLUG}/documents?kind=DECISION&name=lemums.edoc`, {
    data: edoc,
    headers: { 'content-type': 'application/octet-stream' },
  });
  expect(up.status(), await up.text()).toBe(201);
  const unsigned = await PDFDocument.create();
  unsigned.addPage().drawText('Pielikums');
  const annex = await page.request.post(`/api/accessions/${SLUG}/documents?kind=ANNEX&name=pielikums.pdf`, {
    data: Buffer.from(await unsigned.save()),
    headers: { 'content-type': 'application/octet-stream' },
  });
  expect(annex.status(), await annex.text()).toBe(201);

  // The same bytes again through the form: 409, said plainly, nothing added.
  await page.goto(`/lv/secretary/${SLUG}`);
  await page.getByLabel('Izvēlieties failu').setInputFiles(path.join(CORPUS, 'lv-eid-sha256.edoc'));
  await page.getByRole('button', { name: 'Augšupielādēt' }).click();
  await expect(page.getByTestId('upload-error')).toHaveText(
    'Šis pats fails jau ir pievienots šim lēmumam. Ja vēlaties aizstāt dokumentu, augšupielādējiet citu failu (piem., no jauna parakstītu lēmumu).',
  );
  const again = await page.request.post(`/api/accessions/${SLUG}/documents?kind=DECISION&name=lemums.edoc`, {
    data: edoc,
    headers: { 'content-type': 'application/octet-stream', 'x-locale': 'en' },
  });
  expect(again.status()).toBe(409);
  const { rows } = await sql().query<{ n: string }>(`SELECT count(*) AS n FROM "Document" WHERE "accessionId" = $1`, [accession.id]);
  expect(Number(rows[0]!.n)).toBe(2);

  await sql().query(`UPDATE "Accession" SET "status" = 'SUBMITTED', "submittedAt" = now() WHERE "id" = $1`, [accession.id]);
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signInApi(staff.request, await createUser('STAFF'));
  await staff.goto(`/lv/staff/accessions/${accession.id}`);
  const signature = staff.getByTestId('signature').first();
  await expect(signature).toHaveAttribute('data-verdict', 'indeterminate');
  await expect(signature.getByTestId('trust-verdict')).toContainText('GATIS BEIKERTS, izdevējs E-ME SI (CA1)');
  await expect(signature.getByTestId('trust-verdict')).toContainText('SHA-1');
  await expect(signature.getByTestId('trust-verdict')).toContainText('Biedrību darbiniekiem tas jāpārbauda pašiem.');
  await expect(signature.getByTestId('cross-check-warnings')).toContainText('pirms domes sēdes');
  await expect(signature.getByTestId('cross-check-warnings')).toContainText('“GATIS BEIKERTS” neatbilst lēmumā norādītajam parakstītājam “Testa Parakstītājs”');
  await signature.getByText('Kā tas noteikts').click();
  await expect(signature.getByTestId('verdict-facts')).toContainText('E-ME SI (CA1) from 03.2014 (CA/QC)');
  await expect(signature.getByTestId('verdict-facts')).toContainText('Nr. 41');
  await expectNoA11yViolations(staff);
  await staff.getByTestId('trust-recheck').first().click();
  await expect(staff.getByRole('status').filter({ hasText: 'Pārbaudīts vēlreiz.' })).toBeVisible();
  const verdicts = await sql().query<{ n: string }>(
    `SELECT count(*) AS n FROM "SignatureVerdict" v JOIN "Document" d ON d."id" = v."documentId" WHERE d."accessionId" = $1`,
    [accession.id],
  );
  expect(Number(verdicts.rows[0]!.n)).toBe(2);
  await staff.goto(`/en/staff/accessions/${accession.id}`);
  await expect(staff.getByTestId('trust-verdict').first()).toContainText('cannot be confirmed automatically');
  await staffContext.close();

  // Published: the public page shows the verdict beside the document; the unsigned annex says only that it is unsigned.
  await sql().query(`UPDATE "Accession" SET "status" = 'VERIFIED', "verifiedAt" = now() WHERE "id" = $1`, [accession.id]);
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto(`/lv/municipalities/${SLUG}`);
  const reports = visitor.getByTestId('signature-report');
  await expect(reports.first().getByTestId('trust-verdict')).toContainText('E-ME SI (CA1)');
  await expect(reports.first().getByTestId('verdict-facts')).toHaveCount(0);
  // QA s13 minor 15: the public gets the neutral statement, not the instruction meant for staff.
  await expect(reports.first().getByTestId('trust-verdict')).toContainText('nevar automātiski apstiprināt');
  await expect(reports.first()).not.toContainText('darbiniekiem');
  await expect(reports.nth(1).getByTestId('unsigned')).toBeVisible();
  await expect(reports.nth(1)).not.toContainText('integritāte');
  await expect(reports.nth(1)).not.toContainText('parakstītie dati');
  await expectNoA11yViolations(visitor);
  await visitorContext.close();
});

import { readFile, readdir } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import os from 'node:os';
import { test, expect, signInApi, expectNoA11yViolations } from './support/fixtures';
import { createUser, documentCount, e2eStorageDir, resetAccession, sql } from './support/db';
import { writeSignedPdfFile } from '../unit/documents/sign-helper';
import { extractPdfText } from '../unit/pdf/extract-text';

const SLUG = 'kekavas-novads';
const NAME = 'Ķekavas novads';

test.describe('joining the memorandum', () => {
  test('secretary records, uploads and submits; staff return; secretary resubmits; staff verify; the public sees it', async ({ page, browser }) => {
    test.setTimeout(120_000);
    const secretary = await createUser('SECRETARY', SLUG);
    await signInApi(page.request, secretary);
    await page.goto(`/lv/secretary/${SLUG}`);
    await expect(page.getByTestId('secretary-municipality')).toHaveText(NAME);

    // Record the decision; a future date is refused with a field message first.
    const form = page.getByTestId('decision-form');
    await form.getByLabel('Lēmējinstitūcija').fill('Ķekavas novada dome');
    await form.getByLabel('Sēdes datums').fill('2099-01-01');
    await form.getByLabel('ārkārtas sēde').check();
    await form.getByLabel('Lēmuma numurs').fill('Nr. 5 (prot. Nr. 3, 12. §)');
    await form.getByLabel('Parakstītāja vārds, uzvārds').fill('Jānis Ozoliņš');
    await form.getByLabel('Parakstītāja amats').fill('domes priekšsēdētāja vietnieks veselības un sociālo pakalpojumu jautājumos');
    await form.getByRole('button', { name: 'Saglabāt lēmuma datus' }).click();
    await expect(page.locator('#f-sessionDate-error')).toHaveText('Datums nevar būt nākotnē.');
    await form.getByLabel('Sēdes datums').fill('2021-09-16');
    await form.getByRole('button', { name: 'Saglabāt lēmuma datus' }).click();
    await expect(form.getByText('Saglabāts.')).toBeVisible();
    await expectNoA11yViolations(page);

    // The signing sheet carries the municipality's name with its diacritics.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('signing-sheet-link').click()]);
    const sheet = await readFile(await download.path());
    const text = await extractPdfText(new Uint8Array(sheet));
    expect(text).toContain(NAME);
    expect(text).toContain('Nr. 5 (prot. Nr. 3, 12. §)');

    // Upload a PDF signed in this test, on a slowed-down connection so that the progress bar shows.
    const file = path.join(os.tmpdir(), `lemums-${Date.now()}.pdf`);
    await writeSignedPdfFile(file, { text: 'Kekavas novada domes lemums', contentsBytes: 8192 });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 50, downloadThroughput: -1, uploadThroughput: 8 * 1024 });
    await page.getByLabel('Izvēlieties failu').setInputFiles(file);
    await page.getByRole('button', { name: 'Augšupielādēt' }).click();
    await expect(page.getByTestId('upload-progress')).toBeVisible();
    await expect(page.getByTestId('upload-ok')).toBeVisible({ timeout: 30_000 });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await expect(page.getByTestId('documents')).toContainText('Digitāli parakstījis');
    await expect(page.getByTestId('documents')).toContainText('integritāte saglabāta');

    // A refused file names its reason and leaves nothing behind.
    const before = await documentCount();
    const junk = path.join(os.tmpdir(), `not-a-pdf-${Date.now()}.pdf`);
    await (await import('node:fs/promises')).writeFile(junk, '<html>not a pdf</html>');
    await page.getByLabel('Izvēlieties failu').setInputFiles(junk);
    await page.getByRole('button', { name: 'Augšupielādēt' }).click();
    await expect(page.getByTestId('upload-error')).toHaveText(
      'Tas nav PDF vai eParaksta (.edoc) dokuments. Augšupielādējiet lēmumu kā PDF vai parakstīto .edoc failu.',
    );
    expect(await documentCount()).toBe(before);

    await page.getByTestId('submit-form').getByRole('button', { name: 'Iesniegt pārbaudei' }).click();
    await page.getByTestId('submit-form').getByRole('button', { name: 'Jā, iesniegt lēmumu' }).click();
    await expect(page.getByTestId('accession-status')).toContainText('Gaida pārbaudi');
    // The submitted decision as staff and the public see it: a Latvian date and the session type (QA s13), in both languages.
    await expect(page.getByTestId('decision-session')).toHaveText('2021. gada 16. septembris, ārkārtas sēde');
    await page.goto(`/en/secretary/${SLUG}`);
    await expect(page.getByTestId('decision-session')).toHaveText('16 September 2021, extraordinary session');
    await page.goto(`/lv/secretary/${SLUG}`);

    // Staff return it with a reason.
    const staffContext = await browser.newContext();
    const staff = await staffContext.newPage();
    await signInApi(staff.request, await createUser('STAFF'));
    await staff.goto('/lv/staff');
    await staff.getByTestId('verification-queue').locator(`tr[data-slug="${SLUG}"]`).getByRole('link').click();
    await expect(staff.getByTestId('signature-report')).toContainText('Digitāli parakstījis');
    await expectNoA11yViolations(staff);
    await staff
      .getByTestId('return-form')
      .getByLabel('Atgriešanas iemesls (obligāts; sekretārs to redzēs)', { exact: true })
      .fill('Lūdzu norādiet lēmuma numuru kā protokolā.');
    await staff.getByTestId('return-form').getByRole('button', { name: 'Atgriezt labošanai' }).click();
    await expect(staff.getByTestId('review-status')).toContainText('Atgriezts labošanai');

    // The secretary sees the reason, fixes the number and resubmits.
    await page.reload();
    await expect(page.getByTestId('return-reason')).toContainText('Lūdzu norādiet lēmuma numuru kā protokolā.');
    await form.getByLabel('Lēmuma numurs').fill('Nr. 5 (prot. Nr. 3, 13. §)');
    await form.getByRole('button', { name: 'Saglabāt lēmuma datus' }).click();
    await expect(form.getByText('Saglabāts.')).toBeVisible();
    await page.getByTestId('submit-form').getByRole('button', { name: 'Iesniegt pārbaudei' }).click();
    await page.getByTestId('submit-form').getByRole('button', { name: 'Jā, iesniegt lēmumu' }).click();
    await expect(page.getByTestId('accession-status')).toContainText('Gaida pārbaudi');

    // Staff verify.
    await staff.goto('/lv/staff');
    await staff.getByTestId('verification-queue').locator(`tr[data-slug="${SLUG}"]`).getByRole('link').click();
    await staff.getByTestId('verify-form').getByRole('button', { name: 'Apstiprināt dalību' }).click();
    await staff.getByTestId('verify-form').getByRole('button', { name: 'Jā, apstiprināt un publicēt' }).click();
    await expect(staff.getByTestId('review-status')).toContainText('Pievienojusies');
    await staffContext.close();

    // The public municipality page shows the decision, the signature report and the download.
    const publicContext = await browser.newContext();
    const visitor = await publicContext.newPage();
    await visitor.goto(`/lv/municipalities/${SLUG}`);
    const decision = visitor.getByTestId('decision-2021-2025');
    await expect(decision).toContainText('Nr. 5 (prot. Nr. 3, 13. §)');
    await expect(decision).toContainText('2021. gada 16. septembris');
    await expect(visitor.getByTestId('signature-report')).toContainText('Digitāli parakstījis');
    await expect(visitor.getByTestId(`history-2021-2025`)).toContainText('Atgriezts labošanai');
    await expect(visitor.getByTestId(`history-2021-2025`)).not.toContainText('protokolā');
    await expectNoA11yViolations(visitor);
    const link = visitor.getByTestId('documents').getByRole('link').first();
    const res = await visitor.request.get((await link.getAttribute('href'))!);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    expect(res.headers()['content-disposition']).toMatch(/^attachment; filename=/);
    expect(res.headers()['x-content-type-options']).toBe('nosniff');
    const served = await res.body();
    const { createHash } = await import('node:crypto');
    await expect(visitor.getByTestId('documents')).toContainText(createHash('sha256').update(served).digest('hex'));
    await visitor.goto('/lv');
    await expect(visitor.locator(`tr[data-slug="${SLUG}"]`)).toContainText('Pievienojusies');
    await publicContext.close();
  });

  test('two staff verifying at once: exactly one succeeds, the other is told it was already handled', async ({ browser }) => {
    const a = await resetAccession('jurmala', 'SUBMITTED');
    const contexts = await Promise.all([browser.newContext(), browser.newContext()]);
    await Promise.all(contexts.map(async (c) => signInApi(c.request, await createUser('STAFF'))));
    const answers = await Promise.all(
      contexts.map((c) => c.request.post(`/api/staff/accessions/${a.id}/verify`, { data: { version: a.version }, headers: { 'x-locale': 'en' } })),
    );
    const statuses = answers.map((r) => r.status()).sort();
    expect(statuses).toEqual([200, 409]);
    const loser = answers.find((r) => r.status() === 409)!;
    expect((await loser.json()).message).toBe('Another staff member has already handled this submission. Reload the page.');
    const { rows } = await sql().query(`SELECT count(*)::int AS n FROM "AccessionEvent" WHERE "accessionId" = $1 AND "type" = 'VERIFIED'`, [a.id]);
    expect(rows[0].n).toBe(1);
    await Promise.all(contexts.map((c) => c.close()));
  });

  test('bad decision input is refused with field messages (future date, empty signatory, 10 000-character number)', async ({ page }) => {
    await resetAccession('ventspils', 'DRAFT');
    await signInApi(page.request, await createUser('SECRETARY', 'ventspils'));
    const res = await page.request.put('/api/accessions/ventspils', {
      headers: { 'x-locale': 'en' },
      data: {
        councilBody: 'Ventspils valstspilsētas pašvaldības dome',
        sessionDate: '2999-12-31',
        sessionType: 'REGULAR',
        decisionNumber: '9'.repeat(10_000),
        signatoryName: '   ',
        signatoryRole: 'mayor',
      },
    });
    expect(res.status()).toBe(422);
    const body = await res.json();
    expect(body.fieldErrors).toEqual({
      sessionDate: ['The date cannot be in the future.'],
      decisionNumber: ['At most 100 characters.'],
      signatoryName: ['This field is required.'],
    });
  });

  test('an upload cut off mid-way leaves no document row and no temporary file', async ({ page, baseURL }) => {
    await resetAccession('rezekne', 'DRAFT');
    const secretary = await createUser('SECRETARY', 'rezekne');
    await signInApi(page.request, secretary);
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const before = await documentCount();
    const url = new URL('/api/accessions/rezekne/documents?kind=DECISION&name=cut.pdf', baseURL);
    await new Promise<void>((resolve) => {
      const req = http.request(url, { method: 'POST', headers: { cookie, 'content-type': 'application/octet-stream', 'content-length': String(2_000_000) } });
      req.on('error', () => resolve());
      req.write(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(500_000, 0x20)]));
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 500);
    });
    await expect.poll(async () => (await readdir(path.join(e2eStorageDir(), 'tmp')).catch(() => [])).length, { timeout: 10_000 }).toBe(0);
    expect(await documentCount()).toBe(before);
  });
});

import { test, expect, signInApi, expectNoA11yViolations } from './support/fixtures';
import { createUser, municipalityIdOf, sql } from './support/db';
import { shot } from './support/screenshots';

/** The secretary's account (issue 13, continued from secretary-year.spec.ts): password reset, the guided workspace, the signed-in header. */

test('password reset through the e-mailed link: same answer for any address, the link works once, other sessions end', async ({ browser }) => {
  const user = await createUser('SECRETARY', 'jekabpils-novads');
  // A session elsewhere (another browser), which the reset must end.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signInApi(otherPage.request, user);
  await otherPage.goto('/lv/secretary/jekabpils-novads');
  await expect(otherPage.getByTestId('secretary-municipality')).toBeVisible();

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/lv/signin');
  await page.getByRole('link', { name: 'Aizmirsāt paroli?' }).click();
  await expect(page.getByRole('heading', { name: 'Paroles maiņa' })).toBeVisible();
  await expectNoA11yViolations(page);
  // An address that is not registered gets the same answer and no e-mail.
  await page.getByLabel('E-pasts').fill(`nav-${Date.now()}@e2e.test`);
  await page.getByRole('button', { name: 'Nosūtīt saiti' }).click();
  const answer = 'Ja šī adrese ir reģistrēta portālā, uz to nosūtīta saite paroles maiņai.';
  await expect(page.getByRole('status').filter({ hasText: answer })).toBeVisible();
  await page.getByLabel('E-pasts').fill(user.email);
  await page.getByRole('button', { name: 'Nosūtīt saiti' }).click();
  await expect(page.getByRole('status').filter({ hasText: answer })).toBeVisible();

  // The e-mail in the outbox (no SMTP in the tests): the link in it.
  await expect
    .poll(
      async () =>
        (await sql().query(`SELECT count(*)::int AS n FROM "OutboxMessage" WHERE "kind" = 'password.reset' AND "toEmail" = $1`, [user.email])).rows[0].n,
    )
    .toBe(1);
  const { rows } = await sql().query(`SELECT "subject", "text" FROM "OutboxMessage" WHERE "kind" = 'password.reset' AND "toEmail" = $1`, [user.email]);
  expect(rows[0].subject).toBe('Paroles maiņa portālā Memorands');
  const link = /\/lv\/reset-password\/[A-Za-z0-9_-]+/.exec(rows[0].text)![0];
  await page.goto(link);
  await expectNoA11yViolations(page);
  await page.getByLabel('Jaunā parole', { exact: true }).fill('jauna gara parole 2026');
  await page.getByLabel('Jaunā parole vēlreiz').fill('jauna gara parole 2026');
  await page.getByRole('button', { name: 'Saglabāt jauno paroli' }).click();
  await expect(page.getByRole('status')).toContainText('Parole nomainīta');

  // The link is used up.
  await page.goto(link);
  await expect(page.getByTestId('reset-refused')).toContainText('vairs nav derīga');
  const reuse = await page.request.post('/api/password-reset/confirm', {
    data: { token: link.split('/').pop(), password: 'vēl cita gara parole', passwordConfirm: 'vēl cita gara parole' },
  });
  expect(reuse.status()).toBe(410);

  // The other session has ended; the new password signs in (that the old one no longer does is checked in
  // tests/integration/secretary-year.test.ts, so this suite adds no failed sign-in to the shared address throttle).
  await otherPage.goto('/lv/secretary/jekabpils-novads');
  await expect(otherPage).toHaveURL(/\/lv\/signin/);
  expect((await page.request.post('/api/session', { data: { email: user.email, password: 'jauna gara parole 2026' } })).status()).toBe(200);
  await other.close();
  await context.close();
});

test('a guided workspace: the joining steps with the current one marked, required fields marked, the council body prefilled, one error per field, the date format shown', async ({
  page,
}) => {
  await sql().query(`DELETE FROM "Accession" WHERE "municipalityId" = $1`, [await municipalityIdOf('siguldas-novads')]);
  await signInApi(page.request, await createUser('SECRETARY', 'siguldas-novads'));
  await page.goto('/lv/secretary/siguldas-novads');
  const steps = page.getByRole('navigation', { name: 'Pievienošanās soļi' });
  await expect(steps.getByRole('listitem')).toHaveCount(5);
  await expect(steps.locator('[aria-current="step"]')).toContainText('Ierakstiet domes lēmumu');
  const form = page.getByTestId('decision-form');
  await expect(form.getByLabel('Lēmējinstitūcija (obligāts)')).toHaveValue('Siguldas novada dome');
  await expect(form.getByText('Formāts GGGG-MM-DD')).toBeVisible();
  await expect(form.getByLabel('Sēdes datums (obligāts)')).toHaveAttribute('type', 'text');
  // An empty date is one error, not four.
  await form.getByRole('button', { name: 'Saglabāt lēmuma datus' }).click();
  await expect(page.locator('#f-sessionDate-error')).toHaveText('Šis lauks ir obligāts.');
  await expectNoA11yViolations(page);
  // The Latvian way of writing a date is understood.
  await form.getByLabel('Sēdes datums (obligāts)').fill('16.09.2021');
  await form.getByLabel('ārkārtas sēde').check();
  await form.getByLabel('Lēmuma numurs (obligāts)').fill('Nr. 7');
  await form.getByLabel('Parakstītāja vārds, uzvārds (obligāts)').fill('Anna Bērziņa');
  await form.getByLabel('Parakstītāja amats (obligāts)').fill('domes priekšsēdētāja');
  await form.getByRole('button', { name: 'Saglabāt lēmuma datus' }).click();
  await expect(form.getByText('Saglabāts.')).toBeVisible();
  await expect(steps.locator('[aria-current="step"]')).toContainText('Lejupielādējiet parakstu lapu');
  await expect(steps.locator('[data-state="done"]')).toHaveCount(1);
  const { rows } = await sql().query(`SELECT "sessionDate"::date::text AS d, "councilBody" FROM "Accession" WHERE "municipalityId" = $1`, [
    await municipalityIdOf('siguldas-novads'),
  ]);
  expect(rows[0]).toEqual({ d: '2021-09-16', councilBody: 'Siguldas novada dome' });
  await shot(page, 'secretary-home');
});

test('public pages show the signed-in state in the header and stay one cached page for everyone', async ({ browser }) => {
  const visitor = await (await browser.newContext()).newPage();
  const first = await visitor.goto('/lv/memorandum');
  const cachedHtml = await first!.text();
  await expect(visitor.getByRole('banner').getByRole('link', { name: 'Pieteikties' })).toBeVisible();
  await expect(visitor.getByRole('banner').getByRole('link', { name: 'Mana pašvaldība' })).toBeHidden();

  const context = await browser.newContext();
  const page = await context.newPage();
  await signInApi(page.request, await createUser('SECRETARY', 'liepaja'));
  const res = await page.goto('/lv/memorandum');
  // The same cached document (no per-user HTML); the signed-in state comes from the private stylesheet.
  expect(await res!.text()).toBe(cachedHtml);
  const banner = page.getByRole('banner');
  await expect(banner.getByRole('link', { name: 'Mana pašvaldība' })).toBeVisible();
  await expect(banner.getByRole('link', { name: 'Pieteikties' })).toBeHidden();
  await expectNoA11yViolations(page);
  const css = await page.request.get('/api/session.css');
  expect(css.headers()['cache-control']).toBe('private, no-store');
  await banner.getByRole('link', { name: 'Mana pašvaldība' }).click();
  await expect(page).toHaveURL(/\/lv\/secretary\/liepaja$/);
  await context.close();
});

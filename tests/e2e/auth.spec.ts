import { test, expect, signInApi, expectNoA11yViolations } from './support/fixtures';
import { createUser, sql } from './support/db';

test.describe('sign-in, invitations and roles', () => {
  test('staff invite a secretary for Valmieras novads; the secretary accepts and sees only their municipality', async ({ page, browser }) => {
    const staff = await createUser('STAFF');
    await page.goto('/lv/signin');
    await page.getByLabel('E-pasts').fill(staff.email);
    await page.getByLabel('Parole').fill(staff.password);
    await page.getByRole('button', { name: 'Pieteikties' }).click();
    await expect(page).toHaveURL(/\/lv\/staff$/);
    await expectNoA11yViolations(page);
    await page.getByRole('navigation', { name: 'Darba vietas sadaļas' }).getByRole('link', { name: 'Lietotāji' }).click();
    await expect(page).toHaveURL(/\/lv\/staff\/users$/);

    const email = `valmiera-${Date.now()}@e2e.test`;
    await page.getByLabel('E-pasts').fill(email);
    await page.getByLabel('Pašvaldība', { exact: true }).selectOption('valmieras-novads');
    await page.getByRole('button', { name: 'Izveidot uzaicinājumu' }).click();
    const link = (await page.getByTestId('invitation-link').innerText()).trim();
    expect(link).toMatch(/\/lv\/invite\//);
    await expect(page.getByRole('cell', { name: email, exact: true })).toBeVisible();

    // The invitee, in a browser context of their own.
    const invitee = await browser.newContext();
    const p2 = await invitee.newPage();
    await p2.goto(new URL(link).pathname);
    await expect(p2.getByText('Valmieras novads')).toBeVisible();
    await p2.getByLabel('Vārds, uzvārds').fill('Ilze Bērziņa');
    await p2.getByLabel('Jaunā parole').fill('a-very-long-password');
    await p2.getByLabel('Atkārtojiet paroli').fill('a-very-long-password');
    await p2.getByRole('button', { name: 'Izveidot kontu' }).click();
    await expect(p2.getByText('Konts izveidots')).toBeVisible();
    await p2.getByRole('link', { name: 'Pieteikties' }).last().click();
    await p2.getByLabel('E-pasts').fill(email);
    await p2.getByLabel('Parole').fill('a-very-long-password');
    await p2.getByRole('button', { name: 'Pieteikties' }).click();
    await expect(p2).toHaveURL(/\/lv\/secretary\/valmieras-novads$/);
    await expect(p2.getByTestId('secretary-municipality')).toHaveText('Valmieras novads');

    // Another municipality's secretary page: a 403 page, no redirect loop.
    const res = await p2.goto('/lv/secretary/liepaja');
    expect(res?.status()).toBe(403);
    await expect(p2.getByTestId('forbidden')).toContainText('Nav piekļuves');
    await expect(p2).toHaveURL(/\/lv\/secretary\/liepaja$/);
    // The staff workspace is not theirs either.
    expect((await p2.goto('/lv/staff'))?.status()).toBe(403);

    // The used link is refused with a clear message.
    await p2.goto(new URL(link).pathname);
    await expect(p2.getByTestId('invitation-refused')).toContainText('jau ir izmantots');
    await invitee.close();
  });

  test('an expired invitation is refused with its own message', async ({ page }) => {
    await signInApi(page.request, await createUser('STAFF'));
    const res = await page.request.post('/api/invitations', { data: { email: `late-${Date.now()}@e2e.test`, municipalitySlug: 'liepaja' } });
    expect(res.status()).toBe(201);
    const { data } = await res.json();
    await sql().query(`UPDATE "Invitation" SET "expiresAt" = now() - interval '1 minute' WHERE "email" = $1`, [data.email]);
    await page.goto(new URL(data.url).pathname.replace('/lv/', '/en/'));
    await expect(page.getByTestId('invitation-refused')).toContainText('This invitation has expired');
    const accept = await page.request.post('/api/invitations/accept', {
      data: { token: data.url.split('/invite/')[1], name: 'X', password: 'long enough password', passwordConfirm: 'long enough password' },
      headers: { 'x-locale': 'en' },
    });
    expect(accept.status()).toBe(410);
    expect((await accept.json()).message).toContain('expired');
  });

  test('six wrong passwords: the sixth attempt is throttled with a clear message', async ({ page }) => {
    const user = await createUser('STAFF');
    await page.goto('/en/signin');
    await page.getByLabel('E-mail').fill(user.email);
    for (let i = 1; i <= 5; i += 1) {
      await page.getByLabel('Password').fill(`wrong-${i}`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.locator('form [role=alert]')).toHaveText('Wrong e-mail or password.');
    }
    await page.getByLabel('Password').fill(user.password);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/session') && r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Sign in' }).click(),
    ]);
    expect(response.status()).toBe(429);
    await expect(page.locator('form [role=alert]')).toContainText('Too many failed attempts. Try again in 15 min.');
  });

  test('bad form input: field errors in the chosen language, a 4xx, never a 500', async ({ page }) => {
    await page.goto('/lv/signin');
    const [lv] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/session') && r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Pieteikties' }).click(),
    ]);
    expect(lv.status()).toBe(422);
    await expect(page.locator('#f-email-error')).toHaveText('Šis lauks ir obligāts.');
    await expect(page.getByLabel('E-pasts')).toHaveAttribute('aria-invalid', 'true');

    await page.goto('/en/signin');
    await page.getByLabel('E-mail').fill('not-an-address');
    await page.getByLabel('Password').fill('x');
    const [en] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/session') && r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Sign in' }).click(),
    ]);
    expect(en.status()).toBe(422);
    await expect(page.locator('#f-email-error')).toHaveText('Enter a valid e-mail address.');

    // Malformed bodies are 4xx as well.
    for (const body of ['{"email":', '[]', '"text"']) {
      const r = await page.request.post('/api/session', { data: body, headers: { 'content-type': 'application/json' } });
      expect(r.status()).toBe(400);
    }
    const wrongType = await page.request.post('/api/session', { data: 'email=a', headers: { 'content-type': 'text/plain' } });
    expect(wrongType.status()).toBe(415);
    const accept = await page.request.post('/api/invitations/accept', {
      data: { token: 'x'.repeat(40), name: '', password: 'short', passwordConfirm: 'other' },
      headers: { 'x-locale': 'lv' },
    });
    expect(accept.status()).toBe(422);
    const body = await accept.json();
    expect(body.fieldErrors.password).toEqual(['Vismaz 12 rakstzīmes.']);
    expect(body.fieldErrors.name).toEqual(['Šis lauks ir obligāts.']);
  });

  test('signed-out visitors are sent to sign in and come back afterwards', async ({ page }) => {
    const staff = await createUser('ADMIN');
    await page.goto('/lv/staff');
    await expect(page).toHaveURL(/\/lv\/signin\?next=%2Flv%2Fstaff$/);
    await page.getByLabel('E-pasts').fill(staff.email);
    await page.getByLabel('Parole').fill(staff.password);
    await page.getByRole('button', { name: 'Pieteikties' }).click();
    await expect(page).toHaveURL(/\/lv\/staff$/);
    await page.getByRole('button', { name: 'Iziet' }).click();
    await expect(page).toHaveURL(/\/lv$/);
    await page.goto('/lv/staff');
    await expect(page).toHaveURL(/\/lv\/signin/);
  });

  test('a deactivated user loses their session at once', async ({ page }) => {
    const secretary = await createUser('SECRETARY', 'liepaja');
    await signInApi(page.request, secretary);
    expect((await page.goto('/lv/secretary/liepaja'))?.status()).toBe(200);
    await sql().query('UPDATE "User" SET "isActive" = false WHERE "id" = $1', [secretary.id]);
    await page.goto('/lv/secretary/liepaja');
    await expect(page).toHaveURL(/\/lv\/signin/);
  });
});

import { test, expect } from './support/fixtures';
import { createUser } from './support/db';

/**
 * Issue 17, "Hardening from an outside probe": each test is the probe's
 * reproduction of one finding.
 */

test.describe('open redirect after sign-in', () => {
  for (const next of ['/en/..//evil.example/', '/en/../\\evil.example/', '//evil.example/', 'http://evil.example/']) {
    test(`the sign-in form does not follow next=${next}`, async ({ browser }) => {
      const staff = await createUser('STAFF');
      const context = await browser.newContext();
      const page = await context.newPage();
      try {
        await page.goto(`/en/signin?next=${encodeURIComponent(next)}`);
        await page.getByLabel('E-mail').fill(staff.email);
        await page.getByLabel('Password').fill(staff.password);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await expect(page).toHaveURL(/\/en\/staff$/);
        expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
      } finally {
        await context.close();
      }
    });
  }

  test('a same-origin next is still followed', async ({ browser }) => {
    const staff = await createUser('STAFF');
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`/en/signin?next=${encodeURIComponent('/en/staff/users')}`);
    await page.getByLabel('E-mail').fill(staff.email);
    await page.getByLabel('Password').fill(staff.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/en\/staff\/users$/);
    await context.close();
  });
});

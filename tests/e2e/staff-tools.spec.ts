import { test, expect, signInApi, expectNoA11yViolations } from './support/fixtures';
import { createUser, municipalityIdOf, sql } from './support/db';

test.describe('association staff tools', () => {
  test('the dashboard shows headline figures, the matrix and queues, and exports CSV and XLSX', async ({ page }) => {
    await signInApi(page.request, await createUser('STAFF'));
    await page.goto('/lv/staff');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByTestId('metric-joined')).toBeVisible();
    await expect(page.getByTestId('metric-population-share')).toContainText('nav zināms');
    await expect(page.getByTestId('matrix').locator('[data-testid="matrix-row"][data-slug="liepaja"]')).toBeVisible();
    await expect(page.getByTestId('joins-chart')).toBeVisible();
    await expectNoA11yViolations(page);
    // Filter by type through the GET form, sort by name descending through the header link.
    await page.goto('/lv/staff?type=STATE_CITY');
    const rows = page.getByTestId('matrix').getByTestId('matrix-row');
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await rows.count()).toBeLessThan(43);
    for (const type of ['csv', 'xlsx']) {
      const res = await page.request.get(`/api/staff/exports/matrix.${type}`);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-disposition']).toMatch(/^attachment; filename=/);
      const body = await res.body();
      if (type === 'csv') expect(body.toString('utf8')).toContain('Liepāja');
      else expect(body.subarray(0, 2).toString()).toBe('PK');
    }
    expect((await page.request.get('/api/staff/exports/nothing.pdf')).status()).toBe(404);
    await page.goto('/en/staff');
    await expectNoA11yViolations(page);
  });

  test('staff resend and revoke invitations, deactivate and move a secretary; the audit log shows it, filtered', async ({ page, browser }) => {
    await signInApi(page.request, await createUser('STAFF'));
    // A pending invitation, resent (a new link) and then revoked.
    const email = `resend-${Date.now()}@e2e.test`;
    const created = await page.request.post('/api/invitations', { data: { email, municipalitySlug: 'dobeles-novads', locale: 'en' } });
    expect(created.status()).toBe(201);
    const firstLink = (await created.json()).data.url as string;
    expect(firstLink).toMatch(/\/en\/invite\//);
    await page.goto('/lv/staff/users');
    await expectNoA11yViolations(page);
    const row = page.locator(`[data-testid="invitation-row"][data-email="${email}"]`);
    await row.getByTestId('invitation-resend').click();
    const resent = page.getByTestId('invitation-link').last();
    await expect(resent).toContainText('/en/invite/');
    const newLink = (await resent.innerText()).trim();
    expect(newLink).not.toBe(firstLink);
    expect((await page.request.get(new URL(firstLink).pathname)).status()).toBeLessThan(500);
    await page.reload();
    await page.locator(`[data-testid="invitation-row"][data-email="${email}"]`).getByTestId('invitation-revoke').click();
    await expect(page.locator(`[data-testid="invitation-row"][data-email="${email}"]`)).toHaveAttribute('data-state', 'revoked');

    // A secretary with a live session is deactivated: the session ends at once.
    const secretary = await createUser('SECRETARY', 'dobeles-novads');
    const secContext = await browser.newContext();
    await signInApi(secContext.request, secretary);
    expect((await (await secContext.request.get('/api/session')).json()).data).not.toBeNull();
    await page.reload();
    const userRow = page.locator(`[data-testid="user-row"][data-email="${secretary.email}"]`);
    await userRow.getByTestId('user-deactivate').click();
    await userRow.getByTestId('user-deactivate-confirm').click();
    await expect(page.locator(`[data-testid="user-row"][data-email="${secretary.email}"]`)).toHaveAttribute('data-active', 'false');
    expect((await (await secContext.request.get('/api/session')).json()).data).toBeNull();
    const again = await secContext.request.post('/api/session', {
      data: { email: secretary.email, password: secretary.password },
      headers: { 'x-locale': 'en' },
    });
    expect(again.status()).toBeGreaterThanOrEqual(400);
    expect(again.status()).toBeLessThan(500);
    await secContext.close();

    // Another secretary moves to Cēsu novads.
    const mover = await createUser('SECRETARY', 'dobeles-novads');
    const moved = await page.request.post(`/api/users/${mover.id}/move`, { data: { municipalitySlug: 'cesu-novads' } });
    expect(moved.status()).toBe(200);
    const { rows } = await sql().query<{ municipalityId: string }>(`SELECT "municipalityId" FROM "User" WHERE "id" = $1`, [mover.id]);
    expect(rows[0]!.municipalityId).toBe(await municipalityIdOf('cesu-novads'));

    // The audit log, filtered by action and by municipality.
    await page.goto('/lv/staff/audit?action=user.deactivate');
    await expectNoA11yViolations(page);
    const audit = page.getByTestId('audit-row');
    expect(await audit.count()).toBeGreaterThan(0);
    for (const action of await audit.evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))) expect(action).toBe('user.deactivate');
    await page.goto('/lv/staff/audit?action=user.move&municipalitySlug=cesu-novads');
    await expect(page.getByTestId('audit-row').first()).toHaveAttribute('data-action', 'user.move');
    await page.goto('/lv/staff/audit?from=not-a-date');
    await expect(page.getByTestId('filter-error')).toBeVisible();
  });

  test("admins read the outbox (no SMTP configured): the invitation e-mail is there in the invitee's language", async ({ page }) => {
    await signInApi(page.request, await createUser('ADMIN'));
    const email = `outbox-${Date.now()}@e2e.test`;
    expect((await page.request.post('/api/invitations', { data: { email, municipalitySlug: 'talsu-novads', locale: 'en' } })).status()).toBe(201);
    await page.goto('/lv/staff/outbox');
    await expect(page.getByTestId('smtp-off')).toBeVisible();
    const table = page.getByTestId('outbox');
    await expect(table).toContainText(email);
    await expect(table).toContainText('Invitation');
    await expectNoA11yViolations(page);
    // Test data: enough older messages for four pages, so the page links are checked too (24 px targets).
    await sql().query(
      `INSERT INTO "OutboxMessage" ("id", "kind", "locale", "toEmail", "subject", "text", "createdAt") SELECT 'e2e-outbox-' || g || '-' || $1, 'invitation', 'lv', 'filler-' || g || '@e2e.test', 'e2e test fixture', 'e2e test fixture', now() - interval '1 day' FROM generate_series(1, 80) AS g`,
      [String(Date.now())],
    );
    await page.goto('/lv/staff/outbox');
    await expect(page.getByTestId('outbox-pagination').getByRole('link', { name: /2/ })).toBeVisible();
    await expectNoA11yViolations(page);
    // Staff (not admin) may not read mail.
    const staff = await createUser('STAFF');
    const ctx = page.context();
    await ctx.clearCookies();
    await signInApi(page.request, staff);
    expect((await page.goto('/lv/staff/outbox'))?.status()).toBe(403);
  });
});

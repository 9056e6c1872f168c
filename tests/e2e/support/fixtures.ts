import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { createUser, type TestUser } from './db';
import { e2eWorker, type E2EWorker } from './workers';

/** Signs in through the API (not the form); the page's context keeps the cookie. */
export async function signInApi(request: APIRequestContext, user: TestUser, ip?: string): Promise<void> {
  const res = await request.post('/api/session', { data: { email: user.email, password: user.password }, headers: ip ? { 'x-forwarded-for': ip } : {} });
  expect(res.status(), await res.text()).toBe(200);
}

export const test = base.extend<{ loginAs: (role: TestUser['role'], municipalitySlug?: string) => Promise<TestUser> }, { e2eWorker: E2EWorker }>({
  // The worker's own server and database (ADR 0200), by its parallelIndex: tests/e2e/support/db.ts writes to the
  // same database (Playwright's TEST_PARALLEL_INDEX in the worker process is this parallelIndex).
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern: none.
  e2eWorker: [async ({}, use, workerInfo) => use(e2eWorker(workerInfo.parallelIndex)), { scope: 'worker' }],
  // page, request and browser.newContext() resolve relative URLs against the worker's server.
  baseURL: async ({ e2eWorker }, use) => use(e2eWorker.baseURL),
  loginAs: async ({ page }, use) => {
    await use(async (role, municipalitySlug) => {
      const user = await createUser(role, municipalitySlug);
      await signInApi(page.request, user);
      return user;
    });
  },
});

/** Runs axe-core (WCAG 2.x A and AA, 2.2 included) on the page and expects no violations. */
export async function expectNoA11yViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id}: ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
  expect(summary).toEqual([]);
}

export { expect };

import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { createUser, type TestUser } from './db';

/** Signs in through the API (not the form); the page's context keeps the cookie. */
export async function signInApi(request: APIRequestContext, user: TestUser, ip?: string): Promise<void> {
  const res = await request.post('/api/session', { data: { email: user.email, password: user.password }, headers: ip ? { 'x-forwarded-for': ip } : {} });
  expect(res.status(), await res.text()).toBe(200);
}

export const test = base.extend<{ loginAs: (role: TestUser['role'], municipalitySlug?: string) => Promise<TestUser> }>({
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

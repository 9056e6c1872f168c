import { test, expect, signInApi } from './support/fixtures';
import { createUser, resetAccession } from './support/db';
import type { APIResponse } from '@playwright/test';

/**
 * Security headers on every type of page and answer, and the session
 * cookie's flags. Raw HTML is checked (browsers hide nonce values from the DOM).
 */
const EXECUTABLE = /^(|text\/javascript|application\/javascript|module)$/i;

/** The headers every answer carries; pages also a script nonce, other answers a policy that runs nothing. */
function checkHeaders(res: APIResponse, what: string, kind: 'page' | 'other' = 'page'): string | null {
  const h = res.headers();
  expect(h['strict-transport-security'], what).toMatch(/max-age=\d{7,}/);
  expect(h['referrer-policy'], what).toBe('strict-origin-when-cross-origin');
  expect(h['permissions-policy'], what).toContain('camera=()');
  expect(h['x-content-type-options'], what).toBe('nosniff');
  const csp = h['content-security-policy'];
  expect(csp, what).toBeTruthy();
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  if (kind === 'other') {
    expect(csp, what).toContain("default-src 'none'");
    return null;
  }
  expect(csp, what).toContain("object-src 'none'");
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp ?? '')?.[1] ?? null;
  expect(nonce, what).toBeTruthy();
  return nonce;
}

async function checkHtml(res: APIResponse, what: string): Promise<number> {
  const nonce = checkHeaders(res, what);
  const html = await res.text();
  let scripts = 0;
  for (const m of html.matchAll(/<script\b([^>]*)>/gi)) {
    const attrs = m[1] ?? '';
    const type = /\btype="([^"]*)"/i.exec(attrs)?.[1] ?? '';
    if (!EXECUTABLE.test(type)) continue;
    scripts += 1;
    expect(/\bnonce="([^"]*)"/.exec(attrs)?.[1], `${what}: <script${attrs}>`).toBe(nonce);
  }
  // Inline event handlers would run without a nonce check.
  expect(html, what).not.toMatch(/<[^>]+\son(click|load|error|submit)=/i);
  return scripts;
}

test('every page type carries CSP with a nonce on every script, HSTS, frame-ancestors, Referrer- and Permissions-Policy', async ({ page, browser }) => {
  const anonymous = page.request;
  const publicPages = [
    '/lv',
    '/en',
    '/lv/memorandum',
    '/lv/data',
    '/lv/municipalities/liepaja',
    '/en/municipalities/jekabpils-novads',
    '/lv/signin',
    '/lv/no-such-page',
    '/en/a/b/c',
    '/lv/municipalities/no-such-place',
    '/no-such-language',
  ];
  for (const url of publicPages) {
    const res = await anonymous.get(url);
    expect([200, 404], url).toContain(res.status());
    await checkHtml(res, url);
  }
  // Pages behind sign-in (Next renders them per request, with its scripts).
  await resetAccession('tukuma-novads', 'DRAFT');
  const secretary = await browser.newContext();
  await signInApi(secretary.request, await createUser('SECRETARY', 'tukuma-novads'));
  const secScripts = await checkHtml(await secretary.request.get('/lv/secretary/tukuma-novads'), 'secretary page');
  expect(secScripts).toBeGreaterThan(0);
  await checkHtml(await secretary.request.get('/lv/secretary/liepaja'), '403 page');
  await checkHtml(await secretary.request.get('/lv/staff'), 'staff page as secretary (403)');
  const staff = await browser.newContext();
  await signInApi(staff.request, await createUser('STAFF'));
  for (const url of ['/lv/staff', '/lv/staff/terms', '/lv/staff/reporting', '/en/staff']) await checkHtml(await staff.request.get(url), url);
  // API answers, open data, the OG image.
  for (const url of ['/api/v1/accessions', '/api/v1/municipalities.csv', '/api/session', '/api/staff/exports/matrix.csv', '/lv/opengraph-image']) {
    const res = await (url.includes('/staff/') ? staff.request : anonymous).get(url);
    expect(res.status(), url).toBe(200);
    checkHeaders(res, url, 'other');
  }
  const bad = await anonymous.post('/api/session', { data: { email: 'x' } });
  expect(bad.status()).toBe(422);
  checkHeaders(bad, 'POST /api/session 422', 'other');
  // Each response has its own nonce.
  const a = checkHeaders(await staff.request.get('/lv/staff'), 'a');
  const b = checkHeaders(await staff.request.get('/lv/staff'), 'b');
  expect(a).not.toBe(b);
  await Promise.all([secretary.close(), staff.close()]);
});

test('pages run their scripts under the policy: no CSP violations while signing in through the form', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(m.text())) violations.push(m.text());
  });
  const user = await createUser('STAFF');
  await page.goto('/lv/signin');
  await page.getByLabel('E-pasts').fill(user.email);
  await page.getByLabel('Parole').fill(user.password);
  await page.getByRole('button', { name: 'Pieteikties' }).click();
  await expect(page).toHaveURL(/\/lv\/(account|staff)/);
  await page.goto('/lv/staff');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(violations).toEqual([]);

  const cookies = await page.context().cookies();
  const session = cookies.find((c) => /session-token/.test(c.name));
  expect(session, JSON.stringify(cookies.map((c) => c.name))).toBeDefined();
  expect(session).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
  expect(session!.name.startsWith('__Secure-')).toBe(true);
  // No other cookie is readable by scripts either.
  for (const c of cookies) expect(c.httpOnly, c.name).toBe(true);
});

import http from 'node:http';
import { test, expect, signInApi } from './support/fixtures';
import { createUser } from './support/db';

/**
 * Issue 17, "Hardening from an outside probe" (continued from hardening.spec.ts): Host header cache poisoning,
 * sign-out, methods and the Auth.js callback cookie, trusted proxy hops. Each test is the probe's reproduction of
 * one finding.
 */

test.describe('Host header cache poisoning', () => {
  /** GET with a Host header of the client's choosing (as the probe sent it), through a raw socket request. */
  function getWithHost(baseURL: string, path: string, host?: string): Promise<{ status: number; body: string }> {
    const url = new URL(path, baseURL);
    return new Promise((resolve, reject) => {
      http
        .get({ host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, headers: host ? { host, 'x-forwarded-host': host } : {} }, (res) => {
          let body = '';
          res.on('data', (c: Buffer) => {
            body += c.toString();
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        })
        .on('error', reject);
    });
  }

  for (const path of ['/lv/data', '/en/data', '/api/v1/dcat.jsonld', '/api/v1/openapi.json', '/api/v1/accessions']) {
    test(`${path} requested with Host: evil.example carries, and caches, only the portal's own origin`, async ({ baseURL }) => {
      const target = `${path}?probe=${Date.now()}`;
      const poisoned = await getWithHost(baseURL!, target, 'evil.example');
      expect(poisoned.status).toBe(200);
      expect(poisoned.body).not.toContain('//evil.example/');
      const next = await getWithHost(baseURL!, target);
      expect(next.body).not.toContain('//evil.example/');
      if (path !== '/api/v1/accessions') expect(next.body).toContain(baseURL!);
    });
  }
});

test.describe('sign-out ends the session', () => {
  test('a session cookie replayed after DELETE /api/session is refused', async ({ browser }) => {
    const staff = await createUser('STAFF');
    const context = await browser.newContext();
    await signInApi(context.request, staff);
    const cookies = await context.cookies();
    expect(cookies.some((c) => c.name.includes('authjs.session-token'))).toBe(true);
    expect((await (await context.request.get('/api/session')).json()).data).toMatchObject({ role: 'STAFF' });
    expect((await context.request.delete('/api/session', { headers: { 'x-locale': 'en' } })).status()).toBe(200);
    await context.close();

    // The attacker kept a copy of the cookie.
    const replay = await browser.newContext();
    await replay.addCookies(cookies);
    expect((await (await replay.request.get('/api/session')).json()).data).toBeNull();
    const invite = await replay.request.post('/api/invitations', {
      data: { email: `replay-${Date.now()}@e2e.test`, municipalitySlug: 'tukuma-novads' },
      headers: { 'x-locale': 'en' },
    });
    expect(invite.status()).toBe(401);
    const page = await replay.newPage();
    await page.goto('/en/staff');
    await expect(page).toHaveURL(/\/en\/signin/);
    await replay.close();

    // Signing in again works.
    const again = await browser.newContext();
    await signInApi(again.request, staff);
    expect((await (await again.request.get('/api/session')).json()).data).toMatchObject({ role: 'STAFF' });
    await again.close();
  });
});

test.describe('methods and the Auth.js callback cookie', () => {
  /** A request with any method, through a raw socket request (clients refuse some methods). */
  function rawRequest(baseURL: string, method: string, path: string): Promise<{ status: number; allow?: string; body: string }> {
    const url = new URL(path, baseURL);
    return new Promise((resolve, reject) => {
      const req = http.request({ host: url.hostname, port: url.port, method, path: url.pathname, headers: { 'x-locale': 'en' } }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => {
          body += c.toString();
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, allow: res.headers.allow, body }));
      });
      req.on('error', reject);
      req.end();
    });
  }

  for (const [method, path] of [
    ['TRACE', '/'],
    ['TRACE', '/lv'],
    ['TRACE', '/api/session'],
    ['TRACE', '/api/v1/accessions'],
    ['PROPFIND', '/lv'],
  ] as const) {
    test(`${method} ${path} is 405 with Allow`, async ({ baseURL }) => {
      const answer = await rawRequest(baseURL!, method, path);
      expect(answer.status, answer.body).toBe(405);
      expect(answer.allow).toContain('GET');
      if (path.startsWith('/api/')) expect(JSON.parse(answer.body)).toMatchObject({ ok: false, code: 'METHOD_NOT_ALLOWED' });
    });
  }

  test('CORS preflight of open data stays allowed', async ({ request }) => {
    const res = await request.fetch('/api/v1/accessions', {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(res.status()).toBeLessThan(300);
  });

  // Secure cookies in these tests (AUTH_COOKIE_SECURE=1): Auth.js reads the __Secure- name; both are sent.
  const malformed = '__Secure-authjs.callback-url=http%3A%2F%2F%5B%3A%3A1; authjs.callback-url=http%3A%2F%2F%5B%3A%3A1';

  test('a malformed authjs.callback-url cookie: a wrong password is a 401 and counts toward the lock', async ({ request }) => {
    const staff = await createUser('STAFF');
    for (let i = 0; i < 5; i += 1) {
      const res = await request.post('/api/session', {
        data: { email: staff.email, password: `wrong ${i}` },
        headers: { cookie: malformed, 'x-forwarded-for': `198.18.20.${i}`, 'x-locale': 'en' },
      });
      expect(res.status(), await res.text()).toBe(401);
    }
    const locked = await request.post('/api/session', {
      data: { email: staff.email, password: staff.password },
      headers: { cookie: malformed, 'x-forwarded-for': '198.18.20.9', 'x-locale': 'en' },
    });
    expect(locked.status()).toBe(429);
  });

  test('a malformed authjs.callback-url cookie: the right password signs in through the form, and the session holds', async ({ browser, baseURL }) => {
    const staff = await createUser('STAFF');
    const context = await browser.newContext();
    await context.addCookies([
      { name: '__Secure-authjs.callback-url', value: 'http%3A%2F%2F%5B%3A%3A1', domain: new URL(baseURL!).hostname, path: '/', secure: true },
      { name: 'authjs.callback-url', value: 'http%3A%2F%2F%5B%3A%3A1', domain: new URL(baseURL!).hostname, path: '/' },
    ]);
    const page = await context.newPage();
    const signin = await page.goto('/en/signin');
    expect(signin?.status()).toBe(200);
    await page.getByLabel('E-mail').fill(staff.email);
    await page.getByLabel('Password').fill(staff.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/en\/staff$/);
    // The session holds while the malformed cookie stays (a sibling subdomain may keep setting it).
    expect((await (await context.request.get('/api/session')).json()).data).toMatchObject({ role: 'STAFF' });
    expect((await page.goto('/en/staff/users'))?.status()).toBe(200);
    await expect(page).toHaveURL(/\/en\/staff\/users$/);
    await context.close();
  });
});

test.describe('TRUST_PROXY hops', () => {
  // The tests stand in for one trusted reverse proxy (TRUST_PROXY=1, TRUST_PROXY_HOPS=1): it appended the last entry.
  test('a client that rotates a spoofed first X-Forwarded-For hop is still locked out by the address the proxy appended', async ({ request }) => {
    const proxied = `198.18.40.${Date.now() % 200}`;
    const statuses: number[] = [];
    for (let i = 0; i < 22; i += 1) {
      const res = await request.post('/api/session', {
        data: { email: `spoof-${Date.now()}-${i}@e2e.test`, password: 'wrong' },
        headers: { 'x-forwarded-for': `203.0.113.${i}, ${proxied}`, 'x-locale': 'en' },
      });
      statuses.push(res.status());
    }
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
  });
});

import http from 'node:http';
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { test, expect, signInApi } from './support/fixtures';
import { createUser, sql } from './support/db';

/** Serves one HTML page from another port of the same host (same site, other origin), as the probe's attacker did. */
async function attackerPage(html: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://localhost:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

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

test.describe('CSRF from a same-site origin', () => {
  test('a form auto-submitted from another port of the same host creates no invitation', async ({ page, baseURL }) => {
    await signInApi(page.request, await createUser('STAFF'));
    const email = `csrf-${Date.now()}@e2e.test`;
    const attacker = await attackerPage(`<!doctype html><title>x</title>
      <form method="post" action="${baseURL}/api/invitations"><input name="email" value="${email}"><input name="municipalitySlug" value="tukuma-novads"></form>
      <script>document.forms[0].submit()</script>`);
    try {
      const answer = page.waitForResponse((r) => r.url().endsWith('/api/invitations'));
      await page.goto(attacker.url);
      expect((await answer).status()).toBe(403);
      expect((await sql().query(`SELECT 1 FROM "Invitation" WHERE "email" = $1`, [email])).rowCount).toBe(0);
    } finally {
      await attacker.close();
    }
  });

  test('url-encoded and multipart bodies are refused by JSON routes even without Origin', async ({ request }) => {
    await signInApi(request, await createUser('STAFF'));
    const norm = { validFrom: '2031-01-01', value: '1', citation: 'csrf probe', sourceUrl: 'https://example.test/n' };
    const form = await request.post('/api/staff/norms', { form: norm, headers: { 'x-locale': 'en' } });
    expect(form.status(), await form.text()).toBe(415);
    const multipart = await request.post('/api/staff/norms', { multipart: norm, headers: { 'x-locale': 'en' } });
    expect(multipart.status()).toBe(415);
    const text = await request.post('/api/staff/norms', { data: JSON.stringify(norm), headers: { 'content-type': 'text/plain', 'x-locale': 'en' } });
    expect(text.status()).toBe(415);
    expect((await sql().query(`SELECT 1 FROM "LegalNorm" WHERE "citation" = 'csrf probe'`)).rowCount).toBe(0);
  });

  test('open data stays readable cross-origin', async ({ request }) => {
    const res = await request.get('/api/v1/accessions', { headers: { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' } });
    expect(res.status()).toBe(200);
  });
});

test.describe('unauthenticated CPU exhaustion', () => {
  /**
   * Floods `path` from 16 connections (autocannon, in a process of its own, so the test's event loop only measures)
   * while timing 15 sequential GET /api/session; returns their median (ms) and the flood's status counts.
   */
  async function underFlood(baseURL: string, path: string, body: string) {
    const baseline: number[] = [];
    for (let i = 0; i < 15; i += 1) {
      const started = performance.now();
      await fetch(`${baseURL}/api/session`);
      baseline.push(performance.now() - started);
    }
    baseline.sort((a, b) => a - b);
    const flood = spawn(
      process.execPath,
      [
        'node_modules/autocannon/autocannon.js',
        '-c',
        '16',
        '-d',
        '8',
        '-m',
        'POST',
        '-I',
        '-j',
        '-n',
        '-H',
        'content-type=application/json',
        '-H',
        'x-locale=en',
        '-H',
        'x-forwarded-for=198.18.7.1',
        '-b',
        body,
        `${baseURL}${path}`,
      ],
      { stdio: ['ignore', 'pipe', 'ignore'] },
    );
    let output = '';
    flood.stdout.on('data', (c: Buffer) => {
      output += c.toString();
    });
    const finished = new Promise<void>((resolve) => flood.on('close', () => resolve()));
    try {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const times: number[] = [];
      for (let i = 0; i < 15; i += 1) {
        const started = performance.now();
        expect((await fetch(`${baseURL}/api/session`)).status).toBe(200);
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      await finished;
      const result = JSON.parse(output) as { requests: { total: number }; statusCodeStats?: Record<string, { count: number }> };
      console.log(
        `flood ${path}: median GET /api/session ${times[7]!.toFixed(0)} ms (${baseline[7]!.toFixed(0)} ms before the flood), p100 ${times[14]!.toFixed(0)} ms, ${JSON.parse(output).requests.total} flood requests`,
      );
      return { median: times[7]!, total: result.requests.total, codes: Object.keys(result.statusCodeStats ?? {}) };
    } finally {
      flood.kill();
    }
  }

  test('16 clients posting random invitation tokens: an unrelated request stays under 200 ms, no 500', async ({ baseURL }) => {
    test.setTimeout(60_000);
    // [<id>] is a fresh random id per request (autocannon -I): every request carries an unknown token.
    const { median, total, codes } = await underFlood(
      baseURL!,
      '/api/invitations/accept',
      JSON.stringify({ token: 'flood-token-[<id>]', name: 'Flood', password: 'long enough password', passwordConfirm: 'long enough password' }),
    );
    expect(total).toBeGreaterThan(16);
    expect(codes.filter((c) => c.startsWith('5'))).toEqual([]);
    expect(median).toBeLessThan(200);
  });
});

test.describe('request body limits', () => {
  /** Peak resident memory (VmHWM, kB) of this run's portal server process (its command line names scripts/server.ts and the port). */
  function serverPeakRssKb(port: string): number {
    let peak = 0;
    for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
      try {
        const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
        if (!cmd.some((a) => a.endsWith('scripts/server.ts')) || !cmd.includes(port)) continue;
        const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
        peak = Math.max(peak, Number(hwm?.[1] ?? 0));
      } catch {
        // a process that ended meanwhile
      }
    }
    return peak;
  }

  /** Posts a 300 MB JSON body (declared, or chunked without a length) and stops sending once an answer arrives. */
  function post300MB(baseURL: string, path: string, declared: boolean): Promise<{ status: number; body: string }> {
    const size = 300 * 1024 * 1024;
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    return new Promise((resolve, reject) => {
      const url = new URL(path, baseURL);
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-locale': 'en', ...(declared ? { 'content-length': String(size) } : {}) },
        },
        (res) => {
          let body = '';
          res.on('data', (c: Buffer) => {
            body += c.toString();
          });
          res.on('end', () => {
            resolve({ status: res.statusCode ?? 0, body });
            req.destroy();
          });
        },
      );
      let answered = false;
      req.on('response', () => {
        answered = true;
      });
      req.on('error', (error) => {
        if (!answered)
          setTimeout(() => {
            if (!answered) reject(error);
          }, 1000);
      });
      let sent = 0;
      const pump = () => {
        while (!answered && sent < size) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        if (!answered) req.end();
      };
      // As a careful client does: the headers and a first chunk, then a pause in which an early refusal can arrive.
      req.write('{"email":"');
      req.write(chunk);
      sent += chunk.length;
      setTimeout(pump, 500);
    });
  }

  test('four concurrent 300 MB bodies, with and without Content-Length, are 413 and the server memory stays bounded', async ({ baseURL }) => {
    test.setTimeout(120_000);
    const port = new URL(baseURL!).port;
    const before = serverPeakRssKb(port);
    expect(before).toBeGreaterThan(0);
    const answers = await Promise.all([
      post300MB(baseURL!, '/api/session', true),
      post300MB(baseURL!, '/api/invitations/accept', true),
      post300MB(baseURL!, '/api/session', false),
      post300MB(baseURL!, '/api/invitations/accept', false),
    ]);
    for (const answer of answers) {
      expect(answer.status, answer.body).toBe(413);
      expect(JSON.parse(answer.body)).toMatchObject({ ok: false, code: 'TOO_LARGE', message: 'The request is too large.' });
    }
    const after = serverPeakRssKb(port);
    console.log(`server peak RSS ${Math.round(before / 1024)} MB before, ${Math.round(after / 1024)} MB after four 300 MB bodies`);
    expect(after - before).toBeLessThan(100 * 1024);
  });

  test('a JSON body just under 64 kB is still read; one just over is 413', async ({ request }) => {
    const email = `body-limit-${Date.now()}@e2e.test`;
    const padding = (n: number) => JSON.stringify({ email, password: 'x', pad: 'p'.repeat(n) });
    const under = await request.post('/api/session', {
      data: padding(60_000),
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.18.9.1', 'x-locale': 'en' },
    });
    expect(under.status()).toBe(401);
    const over = await request.post('/api/session', {
      data: padding(70_000),
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.18.9.1', 'x-locale': 'en' },
    });
    expect(over.status()).toBe(413);
  });
});

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

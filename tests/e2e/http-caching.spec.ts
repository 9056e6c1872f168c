import http from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { test, expect } from './support/fixtures';

/**
 * HTTP caching and CORS of the open data as a harvester and a browser meet
 * them, through the front server (scripts/server.ts) and its public cache:
 * conditional requests with weak tags, lists and `*` (RFC 9110 §13.1.2), an
 * entity tag per content coding, the CORS preflight, and JSON 404s under /api.
 */
type Raw = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/** A request with exactly these headers (Playwright's client adds and decodes its own Accept-Encoding). */
function raw(baseURL: string, path: string, opts: { method?: string; headers?: Record<string, string> } = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(path, baseURL), { method: opts.method ?? 'GET', headers: opts.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

// The OpenAPI document: other specs change accession data in parallel, so a data ETag could move between two calls.
const URL_ = '/api/v1/openapi.json';

test.describe('open data over HTTP', () => {
  test('one entity tag per content coding, Vary: Accept-Encoding, identical content', async ({ baseURL }) => {
    const identity = await raw(baseURL!, URL_, { headers: { 'accept-encoding': 'identity' } });
    const gzip = await raw(baseURL!, URL_, { headers: { 'accept-encoding': 'gzip' } });
    const br = await raw(baseURL!, URL_, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    const refused = await raw(baseURL!, URL_, { headers: { 'accept-encoding': 'br;q=0, gzip' } });
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(br.headers['content-encoding']).toBe('br');
    expect(refused.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).equals(identity.body)).toBe(true);
    expect(brotliDecompressSync(br.body).equals(identity.body)).toBe(true);
    const tags = [identity, gzip, br].map((r) => r.headers.etag);
    expect(new Set(tags).size).toBe(3);
    expect(identity.headers.etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect(gzip.headers.etag).toBe(`${identity.headers.etag!.slice(0, -1)}-gzip"`);
    for (const r of [identity, gzip, br]) {
      expect(r.headers.vary).toMatch(/Accept-Encoding/i);
      expect(r.headers['access-control-allow-origin']).toBe('*');
      expect(r.headers['access-control-expose-headers']).toMatch(/\bETag\b/);
    }
  });

  test('If-None-Match: the same tag, its weak form, a list holding it and `*` answer 304; another tag 200', async ({ baseURL }) => {
    const accept = { 'accept-encoding': 'gzip' };
    const first = await raw(baseURL!, URL_, { headers: accept });
    const etag = first.headers.etag!;
    const cases: [string, number][] = [
      [etag, 304],
      [`W/${etag}`, 304],
      [`"stale", W/${etag}, "older"`, 304],
      ['*', 304],
      ['"stale"', 200],
      // The identity tag does not validate the gzip bytes.
      [etag.replace('-gzip"', '"'), 200],
    ];
    for (const [value, status] of cases) {
      const res = await raw(baseURL!, URL_, { headers: { ...accept, 'if-none-match': value } });
      expect(res.status, value).toBe(status);
      expect(res.headers.etag, value).toBe(etag);
      if (status === 304) expect(res.body.length, value).toBe(0);
    }
    // Also for HEAD, and for a data endpoint read twice in a row.
    expect((await raw(baseURL!, URL_, { method: 'HEAD', headers: { ...accept, 'if-none-match': `W/${etag}` } })).status).toBe(304);
  });

  test('a CORS preflight is answered with the allowed methods, headers and max-age', async ({ baseURL }) => {
    for (const path of ['/api/v1/accessions.geojson', '/api/v1/municipalities.csv', URL_]) {
      const res = await raw(baseURL!, path, {
        method: 'OPTIONS',
        headers: { origin: 'https://harvester.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'if-none-match' },
      });
      expect(res.status, path).toBe(204);
      expect(res.headers['access-control-allow-origin'], path).toBe('*');
      expect(res.headers['access-control-allow-methods'], path).toMatch(/\bGET\b/);
      expect(res.headers['access-control-allow-headers']?.toLowerCase(), path).toContain('if-none-match');
      expect(Number(res.headers['access-control-max-age']), path).toBeGreaterThan(0);
      expect(res.headers['access-control-expose-headers'], path).toMatch(/\bETag\b/);
    }
  });

  test('an unknown path under /api answers a JSON 404, not an HTML page', async ({ baseURL }) => {
    for (const [method, path] of [
      ['GET', '/api/v1/nope'],
      ['GET', '/api/v1/accessions/extra'],
      ['GET', '/api/nothing/here'],
      ['POST', '/api/nothing'],
      ['DELETE', '/api/v2/x'],
    ] as const) {
      const res = await raw(baseURL!, path, { method, headers: { 'x-locale': 'en' } });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.headers['content-type'], `${method} ${path}`).toMatch(/^application\/json/);
      expect(JSON.parse(res.body.toString('utf8')), `${method} ${path}`).toMatchObject({ ok: false, code: 'NOT_FOUND', message: expect.any(String) });
    }
  });
});

/**
 * The cases of the request fuzzer (tests/e2e/fuzz.spec.ts): random and fixed requests per handler and
 * identity, and the judge of each answer.
 */
import fc from 'fast-check';
import type { APIResponse } from '@playwright/test';
import type { RouteHandler } from './routes';
import {
  RAW_BODIES,
  SEED,
  TRICKY_SEGMENTS,
  encodeSegment,
  isUpload,
  jsonBody,
  leafPaths,
  nastyValue,
  realValues,
  setPath,
  templateOf,
  type Case,
  type Who,
} from './fuzz-values';

export function bodyCases(h: RouteHandler): fc.Arbitrary<Omit<Case, 'path'>> {
  const template = templateOf(h);
  const options: fc.Arbitrary<Omit<Case, 'path'>>[] = [
    fc.jsonValue({ maxDepth: 4, stringUnit: 'binary' }).map((v) => ({ note: 'random JSON', contentType: 'application/json', body: jsonBody(v) })),
    fc
      .anything({ maxDepth: 3, withBigInt: true, withDate: true, withNullPrototype: true, stringUnit: 'grapheme' })
      .map((v) => ({ note: 'anything as JSON', contentType: 'application/json', body: jsonBody(v) })),
    fc.constantFrom(...RAW_BODIES.filter((b) => b.body.length < 100_000)),
    fc.uint8Array({ maxLength: 2_048 }).map((b) => ({ note: 'random bytes', contentType: 'application/octet-stream', body: Buffer.from(b) })),
  ];
  if (template) {
    const paths = leafPaths(template);
    options.push(
      fc
        .tuple(fc.constantFrom(...paths), nastyValue)
        .map(([p, v]) => ({ note: `wrong ${p.join('.')}`, contentType: 'application/json', body: jsonBody(setPath(template, p, v)) })),
      fc.tuple(fc.constantFrom(...paths), nastyValue).map(([p, v]) => ({
        note: `form with wrong ${p.join('.')}`,
        contentType: 'application/x-www-form-urlencoded',
        body: Buffer.from(
          new URLSearchParams(
            Object.entries({ ...template, [p[0]!]: v }).map(([k, x]) => [k, typeof x === 'string' ? x : (JSON.stringify(x) ?? '')]),
          ).toString(),
        ),
      })),
    );
  }
  return fc.oneof(...options);
}

/** Upload query strings: traversal, NUL, CRLF and huge names, bad kinds. */
export const uploadQuery = fc.record({
  kind: fc.constantFrom('DECISION', 'ANNEX', 'EVIDENCE', 'decision', '', '%00', "DECISION' OR '1'='1"),
  name: fc.oneof(
    fc.constantFrom(
      '..%2F..%2Fx.pdf',
      '..%5C..%5Cx.pdf',
      '%2Fetc%2Fpasswd',
      'x.pdf%00.exe',
      '%00',
      'a%0D%0AContent-Type:%20text%2Fhtml.pdf',
      `${'x'.repeat(300)}.pdf`,
      'CON.pdf',
      '.pdf',
      '%20',
      'l%C4%93mums.pdf',
      '%ED%A0%80.pdf',
      '%',
      '%E2%80%AEfdp.exe',
    ),
    fc.string({ unit: 'binary', maxLength: 300 }).map(encodeSegment),
  ),
});
export const uploadBody: fc.Arbitrary<Omit<Case, 'path'>> = fc.oneof(
  fc.uint8Array({ maxLength: 65_536 }).map((b) => ({ note: 'random bytes', contentType: 'application/octet-stream', body: Buffer.from(b) })),
  fc
    .uint8Array({ maxLength: 8_192 })
    .map((b) => ({ note: 'PDF header and random bytes', contentType: 'application/pdf', body: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(b)]) })),
  fc.uint8Array({ maxLength: 8_192 }).map((b) => ({
    note: 'ZIP header and random bytes',
    contentType: 'application/vnd.etsi.asic-e+zip',
    body: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(b)]),
  })),
  fc.constant({ note: 'empty upload', contentType: 'application/octet-stream', body: Buffer.alloc(0) }),
  fc.constant({ note: 'JSON as an upload', contentType: 'application/json', body: Buffer.from('{"a":1}') }),
);

/** Random cases for one handler and identity. */
export function randomCases(h: RouteHandler, who: Who, n: number, seed: number): Case[] {
  const segments = h.route.split('/');
  const segmentArb = (s: string) => {
    if (!/^\[.*\]$/.test(s)) return fc.constant(s);
    return fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...realValues(h.route, s)) },
      { weight: 2, arbitrary: fc.constantFrom(...TRICKY_SEGMENTS) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }).map(encodeSegment) },
    );
  };
  const pathArb = fc.tuple(...segments.map(segmentArb)).map((parts) => parts.join('/'));
  const queryArb = fc.oneof(
    { weight: 3, arbitrary: fc.constant('') },
    {
      weight: 1,
      arbitrary: fc
        .dictionary(
          fc.constantFrom('term', 'lang', 'kind', 'name', 'q', 'sort', 'page', 'version', 'callbackUrl', '__proto__'),
          fc.oneof(fc.constantFrom(...TRICKY_SEGMENTS.slice(0, 20)), fc.string({ maxLength: 30 }).map(encodeSegment)),
          { maxKeys: 3 },
        )
        .map(
          (d) =>
            `?${Object.entries(d)
              .map(([k, v]) => `${k}=${v}`)
              .join('&')}`,
        ),
    },
  );
  const headersArb = fc.record(
    { 'x-locale': fc.constantFrom('lv', 'en', 'de', '', '../../x'), referer: fc.constantFrom('http://localhost/en/x', 'not a url', '%', 'http://[::1') },
    { requiredKeys: [] },
  );
  const withBody = h.method !== 'GET' && h.method !== 'DELETE';
  const bodyArb: fc.Arbitrary<Omit<Case, 'path'>> = isUpload(h) ? uploadBody : withBody ? bodyCases(h) : fc.constant({ note: 'no body' });
  const arb = fc
    .tuple(pathArb, isUpload(h) ? uploadQuery.map((q) => `?kind=${q.kind}&name=${q.name}`) : queryArb, bodyArb, headersArb)
    .map(([p, q, b, headers]) => ({ ...b, path: `${p}${q}`, headers, note: `${who}: ${b.note}` }));
  return fc.sample(arb, { seed, numRuns: n });
}

/** Fixed cases for one handler: every tricky value in each dynamic segment, and the raw bodies. */
export function fixedCases(h: RouteHandler): Case[] {
  const segments = h.route.split('/');
  const out: Case[] = [];
  const filled = (i: number, value: string) => segments.map((s, j) => (j === i ? value : /^\[.*\]$/.test(s) ? realValues(h.route, s)[0]! : s)).join('/');
  segments.forEach((s, i) => {
    if (!/^\[.*\]$/.test(s)) return;
    for (const value of TRICKY_SEGMENTS)
      out.push({
        path: filled(i, value),
        note: `segment ${s} = ${value.slice(0, 40)}`,
        ...(h.method === 'GET' || h.method === 'DELETE' ? {} : { contentType: 'application/json', body: jsonBody(templateOf(h) ?? {}) }),
      });
  });
  const base = segments.map((s) => (/^\[.*\]$/.test(s) ? realValues(h.route, s)[0]! : s)).join('/');
  if (isUpload(h)) {
    out.push({
      path: `${base}?kind=DECISION&name=..%2F..%2F..%2Fetc%2Fpasswd`,
      note: 'traversal in an upload name',
      contentType: 'application/octet-stream',
      body: Buffer.from(fc.sample(fc.uint8Array({ minLength: 1_024, maxLength: 1_024 }), { seed: SEED, numRuns: 1 })[0]!),
    });
    out.push({ path: `${base}?kind=ANNEX&name=a%00b.pdf`, note: 'NUL in an upload name (a real PDF)', contentType: 'application/pdf', body: Buffer.alloc(0) });
    out.push({
      path: `${base}?kind=ANNEX&name=a%0D%0Ab%22.pdf`,
      note: 'CRLF and quote in an upload name (a real PDF)',
      contentType: 'application/pdf',
      body: Buffer.alloc(0),
    });
    out.push({
      path: `${base}?kind=DECISION&name=x.pdf`,
      note: '26 MB upload',
      contentType: 'application/octet-stream',
      body: Buffer.alloc(26 * 1024 * 1024, 0x25),
    });
  } else if (h.method !== 'GET' && h.method !== 'DELETE') {
    for (const raw of RAW_BODIES) out.push({ path: base, note: raw.note, contentType: raw.contentType, body: raw.body });
    // Text PostgreSQL refuses (NUL) or cannot encode (a lone surrogate) in every text field of the body.
    const template = templateOf(h);
    for (const p of template
      ? leafPaths(template).filter((lp) => typeof lp.reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], template) === 'string')
      : []) {
      for (const bad of ['a\u0000b', 'a\ud800b'])
        out.push({ path: base, note: `${JSON.stringify(bad)} in ${p.join('.')}`, contentType: 'application/json', body: jsonBody(setPath(template, p, bad)) });
    }
  } else {
    out.push({ path: `${base}?term=..%2F..%2Fetc%2Fpasswd&term=2021-2025&lang=%00&name=%&page=99999999999999999999`, note: 'tricky query' });
  }
  return out;
}

/** The identity that gets past authorization, for the fixed cases (the others get a share of them too). */
export function ownerOf(h: RouteHandler): Who {
  if (/^\/api\/(staff|users)\//.test(h.route) || h.route === '/api/invitations' || /^\/api\/invitations\/\[/.test(h.route)) return 'staff';
  if (/^\/api\/(accessions|progress)\//.test(h.route)) return 'secretary';
  return 'anonymous';
}

// ---------------------------------------------------------------- checks

export type Outcome = {
  who: Who;
  handler: string;
  method: string;
  url: string;
  status: number;
  note: string;
  problem?: string;
  requestBody?: string;
  contentType?: string;
};
/** A stack frame, a source path with a line number, or an internal error name: none may reach a client. */
export const STACK =
  /\n\s+at [^\n]+:\d+:\d+|\bat (?:async )?[\w.$<>]+ \((?:\/|file:|node:)|(?:\/[\w.@-]+){2,}\.(?:ts|tsx|mjs|cjs|js):\d+|node_modules\/|webpack-internal|Invalid `prisma\.|PrismaClient\w*Error|DriverAdapterError|\.next\/server\//;

export function preview(b: Buffer | undefined): string {
  if (!b) return '';
  const text = b.subarray(0, 300).toString('utf8');
  return b.length > 300 ? `${text}… (${b.length} bytes)` : text;
}

export async function judge(h: RouteHandler, c: Case, res: APIResponse): Promise<string | undefined> {
  const status = res.status();
  const type = res.headers()['content-type'] ?? '';
  const isText = /json|text|html|xml|csv|javascript/.test(type);
  const text = isText ? await res.text() : '';
  if (status >= 500) return `status ${status}: ${text.slice(0, 500)}`;
  if (isText && STACK.test(text)) return `stack trace or internals in the answer: ${text.slice(0, 500)}`;
  // Answers of Auth.js itself (the catch-all passes a few actions on to it) have its own shape.
  const isAuthJs = h.route.startsWith('/api/auth/') && status !== 404;
  // A path that no longer names the handler ('..' resolved by the URL parser) is Next.js's 404, not the handler's.
  const requestPath = new URL(c.path, 'http://x').pathname;
  const sameShape = requestPath.split('/').length === h.route.split('/').length && requestPath.startsWith(h.route.split('/[')[0]!);
  if (status >= 400 && h.route.startsWith('/api/') && !isAuthJs && sameShape) {
    if (!type.includes('application/json')) return `${status} is not JSON (${type}): ${text.slice(0, 300)}`;
    let message: unknown;
    try {
      message = (JSON.parse(text) as { message?: unknown }).message;
    } catch {
      return `${status} with a body that is not JSON: ${text.slice(0, 300)}`;
    }
    if (typeof message !== 'string' || message.trim() === '') return `${status} without a message: ${text.slice(0, 300)}`;
  }
  return undefined;
}

import { existsSync, statSync, readFileSync } from 'node:fs';
import { randomBytes, createHash } from 'node:crypto';
import fc from 'fast-check';
import { PDFDocument } from 'pdf-lib';
import type { APIRequestContext, APIResponse, Browser, BrowserContext } from '@playwright/test';
import { test, expect, signInApi } from './support/fixtures';
import { createUser, currentTermId, insertDocument, municipalityIdOf, resetReport, sql, type TestUser } from './support/db';
import { discoverRouteHandlers, discoverServerActions, type RouteHandler } from './support/routes';

/**
 * Request fuzzer over every route handler (discovered from app/**\/route.ts
 * at run time, so new handlers are fuzzed too): dynamic path segments get
 * traversal, malformed percent-encoding, huge, Unicode, SQL-looking and real
 * values; bodies are random JSON, wrong types for known fields, null, 1 MB
 * strings, broken JSON, form bodies, wrong content types and raw bytes;
 * upload names get traversal. Anonymous, as a secretary and as staff.
 *
 * Expected: no 5xx; every 4xx of an /api handler is the portal's JSON error
 * with a message (answers of Auth.js itself excepted); no stack trace in any
 * answer; no new line in the server's unhandled-rejection log
 * (scripts/server.ts writes SERVER_ERROR_LOG). Seeded (reproducible) and
 * bounded: about 1 800 requests, under a minute.
 */

const SEED = 7_2025;
/** Random cases per handler and identity, on top of the fixed tricky cases. */
const RANDOM_CASES = 5;
const CONCURRENCY = 4;
/** The fuzzer's own address and sign-in e-mail: its failed sign-ins must not throttle other tests (the throttle counts both). */
const FUZZ_IP = '203.0.113.77';
const FUZZ_EMAIL = `fuzz-nobody-${Date.now()}@e2e.test`;
/** A municipality no other end-to-end test uses: the fuzzer may change its data. */
const FUZZ_MUNICIPALITY = 'smiltenes-novads';
const SERVER_ERROR_LOG = '.data/e2e-server-errors.log';

type Who = 'anonymous' | 'secretary' | 'staff';
const WHO: Who[] = ['anonymous', 'secretary', 'staff'];

// ---------------------------------------------------------------- fuzz values

const HUGE_SEGMENT = 'x'.repeat(5_000);
/** Path segments inserted verbatim (already encoded, or deliberately malformed). */
const TRICKY_SEGMENTS: string[] = [
  '%',
  '%zz',
  '%E0%A4%A',
  '%ED%A0%80',
  '%C0%AF',
  '%FF',
  '%00',
  'a%00b',
  '%2e%2e%2f',
  '..%2F..%2Fetc%2Fpasswd',
  '%252e%252e%252f',
  '..%5C..%5Cwin.ini',
  HUGE_SEGMENT,
  encodeURIComponent('Ķekava😀'),
  encodeURIComponent("1' OR '1'='1"),
  '99999999999999999999',
  '-1',
  '0x7e6',
  encodeURIComponent(' 2024 '),
  'null',
  '__proto__',
  encodeURIComponent('<script>alert(1)</script>'),
  encodeURIComponent('２０２４'),
  '%0D%0ASet-Cookie:%20x=1',
];
/** Real values per dynamic segment (filled in when the fuzz test starts), so that fuzzed bodies reach the handlers' logic. */
const real: Record<string, string[]> = {};

function realValues(route: string, segment: string): string[] {
  if (segment === '[slug]') return route.startsWith('/api/staff/terms/') ? real.term! : real.municipality!;
  if (segment === '[id]') {
    if (route.startsWith('/api/users/')) return real.user!;
    if (route.startsWith('/api/invitations/')) return real.invitation!;
    if (route.includes('/documents/[id]')) return real.document!;
    if (route.startsWith('/api/staff/accessions/')) return real.accession!;
    if (route.includes('/progress/')) return real.report!;
    return [...real.document!, ...real.report!];
  }
  if (segment === '[year]') return ['2022', '2024', '2021', '2100', '2101', '2020'];
  if (segment === '[name]') return ['matrix.csv', 'matrix.xlsx', 'indicators.csv', 'indicators.xlsx', 'matrix.CSV', '..%2Fmatrix.csv'];
  if (segment === '[token]') return ['A'.repeat(43), 'x'.repeat(20)];
  // The /api catch-all (JSON 404): paths no handler serves, one or more segments deep.
  if (segment === '[...missing]') return ['no-such-endpoint', 'v1/nope', 'v1/accessions/extra', 'v2/x/y', 'nothing/here/at/all'];
  if (segment.startsWith('[...'))
    return ['session', 'csrf', 'providers', 'signin', 'signout', 'callback/credentials', 'error', 'session/x/y', 'webauthn-options/x'];
  return ['x', '1'];
}
function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Percent-encodes any string, lone surrogates included (as their WTF-8 bytes, which are not valid UTF-8). */
function encodeSegment(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return [...s]
      .map((ch) => {
        const code = ch.charCodeAt(0);
        if (ch.length === 1 && code >= 0xd800 && code <= 0xdfff)
          return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
        return encodeURIComponent(ch);
      })
      .join('');
  }
}

const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'a\udfffb',
  '\u202e',
  '\r\n',
  'Ķekava😀',
  '👨‍👩‍👧‍👦',
  "1' OR '1'='1",
  '\'; DROP TABLE "User"; --',
  '../../etc/passwd',
  '..\\..\\win.ini',
  '%00',
  '%2e%2e%2f',
  '<script>alert(1)</script>',
  '${7*7}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '99999999999999999999',
  '0000-01-01',
  '2024-02-30',
  '2024-13-45',
  '9999-12-31',
  'x'.repeat(10_001),
  'yes',
  'on',
  'true',
];
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom<unknown>(...NASTY_STRINGS, null, true, false, 0, -1, 1.5, -0, 1e308, Number.MAX_SAFE_INTEGER + 2, [], {}, [null], {
      a: { b: { c: [] } },
    }),
  },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.double().map((d) => (Number.isFinite(d) ? d : String(d))) },
);

/** Known fields of each handler's body, valid, to be broken one at a time (a handler not listed gets random bodies only). */
function templateOf(h: RouteHandler): Record<string, unknown> | undefined {
  const section = { status: 'IN_PROGRESS', narrative: 'x', actions: [{ title: 'Darbība', status: 'PLANNED', plannedOn: '2024-05-01', budgetEur: '100' }] };
  const templates: Record<string, Record<string, unknown>> = {
    'PUT /api/accessions/[slug]': {
      councilBody: 'Dome',
      sessionDate: '2021-08-26',
      sessionType: 'REGULAR',
      decisionNumber: '1/2',
      agendaItem: 'x',
      signatoryName: 'Anna',
      signatoryRole: 'priekšsēdētāja',
    },
    'POST /api/staff/accessions/[id]/verify': { version: 3 },
    'POST /api/staff/accessions/[id]/return': { version: 3, reason: 'x' },
    'POST /api/staff/accessions/[id]/withdraw': { version: 3, reason: 'x' },
    'PUT /api/progress/reports/[id]': {
      version: 3,
      commitments: { resources: section, staff: section, cooperation: section },
      indicators: { service_budget_eur: '1000', supervision_available: 'yes', premises_improved_what: 'x', joint_meetings_health: '2' },
    },
    'POST /api/progress/reports/[id]/submit': { version: 3 },
    'POST /api/staff/progress/[id]/accept': { version: 3 },
    'POST /api/staff/progress/[id]/return': { version: 3, reason: 'x' },
    // A far-future norm and a fuzz-only term: nothing another test reads changes.
    'POST /api/staff/norms': { validFrom: '2090-01-01', value: 1, citation: 'fuzz', sourceUrl: 'https://example.test/fuzz' },
    'PUT /api/staff/terms/[slug]/periods': { year: 1992, dueOn: '1993-03-31' },
    'POST /api/staff/terms/[slug]/open': { confirm: 'on' },
    'POST /api/session': { email: FUZZ_EMAIL, password: 'wrong password' },
    'POST /api/invitations': { email: 'fuzz-invitee@e2e.test', municipalitySlug: FUZZ_MUNICIPALITY, name: 'Fuzz', locale: 'lv' },
    'POST /api/invitations/accept': { token: 't'.repeat(43), name: 'Fuzz', password: 'long enough password', passwordConfirm: 'long enough password' },
    'POST /api/users/[id]/move': { municipalitySlug: FUZZ_MUNICIPALITY, version: 1 },
    'POST /api/users/[id]/deactivate': { version: 1 },
    'POST /api/users/[id]/reactivate': { version: 1 },
  };
  return templates[`${h.method} ${h.route}`];
}

const isUpload = (h: RouteHandler) => h.method === 'POST' && /\/documents$/.test(h.route);

/** One request to send. */
type Case = { path: string; contentType?: string; body?: Buffer; note: string; headers?: Record<string, string> };

let tinyPdf: Buffer | undefined;
async function pdfBytes(): Promise<Buffer> {
  if (!tinyPdf) {
    const doc = await PDFDocument.create();
    doc.addPage().drawText('Fuzz');
    tinyPdf = Buffer.from(await doc.save());
  }
  return tinyPdf;
}

function jsonBody(v: unknown): Buffer {
  return Buffer.from(JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x)) ?? 'null');
}
function setPath(obj: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const copy: Record<string, unknown> = Array.isArray(obj) ? ([...obj] as unknown as Record<string, unknown>) : { ...(obj as Record<string, unknown>) };
  copy[head!] = setPath(copy[head!], rest, value);
  return copy;
}
function leafPaths(v: unknown, prefix: string[] = []): string[][] {
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => [[...prefix, k], ...leafPaths(x, [...prefix, k])]);
  return [];
}

const RAW_BODIES: { note: string; contentType?: string; body: Buffer }[] = [
  { note: 'broken JSON', contentType: 'application/json', body: Buffer.from('{"a":') },
  { note: 'JSON with single quotes', contentType: 'application/json', body: Buffer.from("{'version':1}") },
  { note: 'JSON null', contentType: 'application/json', body: Buffer.from('null') },
  { note: 'JSON array', contentType: 'application/json', body: Buffer.from('[1,2,3]') },
  { note: 'JSON string', contentType: 'application/json', body: Buffer.from('"x"') },
  { note: 'JSON NaN', contentType: 'application/json', body: Buffer.from('NaN') },
  { note: 'BOM and JSON', contentType: 'application/json', body: Buffer.from('\ufeff{}') },
  { note: 'NUL byte', contentType: 'application/json', body: Buffer.from([0]) },
  { note: 'deeply nested JSON', contentType: 'application/json', body: Buffer.from(`${'['.repeat(5_000)}${']'.repeat(5_000)}`) },
  {
    note: '__proto__ JSON',
    contentType: 'application/json',
    body: Buffer.from('{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"polluted":1}},"version":1}'),
  },
  { note: 'empty JSON body', contentType: 'application/json', body: Buffer.alloc(0) },
  { note: 'JSON in UTF-16', contentType: 'application/json; charset=utf-16', body: Buffer.from('{"version":1}', 'utf16le') },
  { note: 'form body', contentType: 'application/x-www-form-urlencoded', body: Buffer.from('version=1&reason=%ZZ&email=a%00b&__proto__[x]=1&confirm=on') },
  {
    note: 'multipart with a wrong boundary',
    contentType: 'multipart/form-data; boundary=nope',
    body: Buffer.from('--other\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--other--\r\n'),
  },
  { note: 'multipart without a boundary', contentType: 'multipart/form-data', body: Buffer.from('garbage') },
  { note: 'text/plain', contentType: 'text/plain', body: Buffer.from('{"version":1}') },
  { note: 'XML', contentType: 'application/xml', body: Buffer.from('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>') },
  { note: 'no content type', body: Buffer.from('{"version":1}') },
  { note: '1 MB JSON string', contentType: 'application/json', body: jsonBody({ version: 1, reason: 'x'.repeat(1_000_000), name: 'x'.repeat(1_000_000) }) },
];

function bodyCases(h: RouteHandler): fc.Arbitrary<Omit<Case, 'path'>> {
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
const uploadQuery = fc.record({
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
const uploadBody: fc.Arbitrary<Omit<Case, 'path'>> = fc.oneof(
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
function randomCases(h: RouteHandler, who: Who, n: number, seed: number): Case[] {
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
function fixedCases(h: RouteHandler): Case[] {
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
function ownerOf(h: RouteHandler): Who {
  if (/^\/api\/(staff|users)\//.test(h.route) || h.route === '/api/invitations' || /^\/api\/invitations\/\[/.test(h.route)) return 'staff';
  if (/^\/api\/(accessions|progress)\//.test(h.route)) return 'secretary';
  return 'anonymous';
}

// ---------------------------------------------------------------- checks

type Outcome = {
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
const STACK =
  /\n\s+at [^\n]+:\d+:\d+|\bat (?:async )?[\w.$<>]+ \((?:\/|file:|node:)|(?:\/[\w.@-]+){2,}\.(?:ts|tsx|mjs|cjs|js):\d+|node_modules\/|webpack-internal|Invalid `prisma\.|PrismaClient\w*Error|DriverAdapterError|\.next\/server\//;

function preview(b: Buffer | undefined): string {
  if (!b) return '';
  const text = b.subarray(0, 300).toString('utf8');
  return b.length > 300 ? `${text}… (${b.length} bytes)` : text;
}

async function judge(h: RouteHandler, c: Case, res: APIResponse): Promise<string | undefined> {
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

// ---------------------------------------------------------------- the run

const handlers = discoverRouteHandlers();
const users: Partial<Record<Who, TestUser>> = {};

test('the fuzzer covers every route handler, and there are no server actions to fuzz', () => {
  expect(handlers.length).toBeGreaterThan(0);
  // A server action would be an endpoint this fuzzer does not reach: fuzz it before adding one.
  expect(discoverServerActions()).toEqual([]);
});

test('request fuzzer: no 5xx, translated JSON errors, no stack traces, no unhandled rejections', async ({ browser }) => {
  test.setTimeout(300_000);
  const errorLogSize = existsSync(SERVER_ERROR_LOG) ? statSync(SERVER_ERROR_LOG).size : 0;

  // Fuzz-owned data: a secretary of a municipality no other test uses, with a draft report
  // (its accession verified) and a document; a user to deactivate and move; an invitation; an old, unopened term.
  users.secretary = await createUser('SECRETARY', FUZZ_MUNICIPALITY);
  users.staff = await createUser('STAFF');
  const victim = await createUser('SECRETARY', FUZZ_MUNICIPALITY);
  const report = await resetReport(FUZZ_MUNICIPALITY, 2022, 'DRAFT');
  const { rows } = await sql().query<{ id: string }>(`SELECT "id" FROM "Accession" WHERE "municipalityId" = $1 AND "termId" = $2`, [
    await municipalityIdOf(FUZZ_MUNICIPALITY),
    await currentTermId(),
  ]);
  const accessionId = rows[0]!.id;
  const documentId = await insertDocument(accessionId, await pdfBytes());
  const invitationId = `fuzzinv${Date.now()}`;
  await sql().query(
    `INSERT INTO "Invitation" ("id", "tokenHash", "email", "role", "municipalityId", "expiresAt") VALUES ($1, $2, $3, 'SECRETARY', $4, now() + interval '1 hour')`,
    [invitationId, createHash('sha256').update(randomToken()).digest('hex'), `fuzz-${Date.now()}@e2e.test`, await municipalityIdOf(FUZZ_MUNICIPALITY)],
  );
  const termSlug = `fuzz-${Date.now()}`;
  await sql().query(
    `INSERT INTO "CouncilTerm" ("id", "slug", "startYear", "endYear", "startsOn", "endsOn") VALUES ($1, $2, 1990, 1994, '1990-07-01', '1994-06-30')`,
    [termSlug.replace(/-/g, ''), termSlug],
  );
  Object.assign(real, {
    municipality: [FUZZ_MUNICIPALITY, 'liepaja', 'riga'],
    term: [termSlug, '1990-1994'],
    user: [victim.id, users.staff.id],
    invitation: [invitationId],
    document: [documentId],
    accession: [accessionId],
    report: [report.id],
  });

  const { contexts, close } = await openContexts(browser);
  const outcomes: Outcome[] = [];
  const pdf = await pdfBytes();
  try {
    // Per identity (staff last: its actions may change the data the secretary works on).
    for (const [wi, who] of WHO.entries()) {
      const jobs: { h: RouteHandler; c: Case }[] = [];
      for (const [hi, h] of handlers.entries()) {
        // The fixed cases go to the identity that gets past authorization.
        const fixed = ownerOf(h) === who ? fixedCases(h) : [];
        for (const c of fixed)
          jobs.push({ h, c: { ...c, note: `${who}: ${c.note}`, body: c.body?.length === 0 && c.contentType === 'application/pdf' ? pdf : c.body } });
        for (const c of randomCases(h, who, RANDOM_CASES, SEED + hi * 31 + wi)) jobs.push({ h, c });
      }
      await pool(jobs, CONCURRENCY, async ({ h, c }) => {
        const request = contexts[who];
        const res = await request.fetch(c.path, {
          method: h.method,
          headers: { 'x-forwarded-for': FUZZ_IP, ...(c.contentType ? { 'content-type': c.contentType } : {}), ...c.headers },
          ...(c.body !== undefined ? { data: c.body } : {}),
          maxRedirects: 0,
          timeout: 30_000,
          failOnStatusCode: false,
        });
        const problem = await judge(h, c, res);
        outcomes.push({
          who,
          handler: `${h.method} ${h.route}`,
          method: h.method,
          url: c.path.length > 200 ? `${c.path.slice(0, 200)}… (${c.path.length} chars)` : c.path,
          status: res.status(),
          note: c.note,
          problem,
          requestBody: problem ? preview(c.body) : undefined,
          contentType: problem ? c.contentType : undefined,
        });
        // Signing out (or in) changes the identity: sign in again.
        if (h.route === '/api/session' && h.method !== 'GET' && who !== 'anonymous') await signInApi(request, users[who]!);
      });
    }
  } finally {
    await close();
  }

  // Give the server a moment to log rejections of work still running after the answers.
  await new Promise((r) => setTimeout(r, 1_000));
  const newErrors = existsSync(SERVER_ERROR_LOG) ? readFileSync(SERVER_ERROR_LOG).subarray(errorLogSize).toString('utf8').trim() : '';

  // Summary: requests per handler, statuses, failures.
  const byHandler = new Map<string, number>();
  const byStatus = new Map<number, number>();
  for (const o of outcomes) {
    byHandler.set(o.handler, (byHandler.get(o.handler) ?? 0) + 1);
    byStatus.set(o.status, (byStatus.get(o.status) ?? 0) + 1);
  }
  const failures = outcomes.filter((o) => o.problem);
  console.log(
    [
      `fuzz: ${outcomes.length} requests over ${handlers.length} handlers (${WHO.join(', ')}), ${failures.length} failures, ${newErrors ? newErrors.split('\n').length : 0} unhandled rejections`,
      `statuses: ${[...byStatus]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}×${n}`)
        .join(' ')}`,
      ...[...byHandler].sort().map(([k, n]) => `  ${String(n).padStart(4)}  ${k}`),
    ].join('\n'),
  );
  // Every failure, with the request to replay it, in the test's output folder.
  if (failures.length > 0) await test.info().attach('fuzz-failures.json', { body: JSON.stringify(failures, null, 2), contentType: 'application/json' });
  const lines = failures
    .slice(0, 40)
    .map((o) => `${o.who} ${o.method} ${o.url} [${o.note}] → ${o.problem}${o.requestBody ? `\n    body: ${o.requestBody}` : ''}`);
  expect(lines, `${failures.length} fuzz failures`).toEqual([]);
  expect(newErrors, 'unhandled rejections or uncaught exceptions in the server during the fuzz run').toBe('');
});

/** One browser context (cookie jar) per identity, signed in through the API. */
async function openContexts(browser: Browser): Promise<{ contexts: Record<Who, APIRequestContext>; close: () => Promise<void> }> {
  const contexts = {} as Record<Who, APIRequestContext>;
  const opened: BrowserContext[] = [];
  for (const who of WHO) {
    const context = await browser.newContext();
    opened.push(context);
    const user = users[who];
    if (user) await signInApi(context.request, user);
    contexts[who] = context.request;
  }
  return {
    contexts,
    close: async () => {
      for (const c of opened) await c.close();
    },
  };
}

async function pool<T>(items: T[], size: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) {
        const item = items[next++]!;
        await run(item);
      }
    }),
  );
}

/**
 * The values of the request fuzzer (tests/e2e/fuzz.spec.ts): its seed and identities, tricky path
 * segments, nasty strings, body templates per handler and raw bodies.
 */
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { PDFDocument } from 'pdf-lib';
import type { RouteHandler } from './routes';

export const SEED = 7_2025;
/** Random cases per handler and identity, on top of the fixed tricky cases. */
export const RANDOM_CASES = 5;
export const CONCURRENCY = 4;
/** The fuzzer's own address and sign-in e-mail: its failed sign-ins must not throttle other tests (the throttle counts both). */
export const FUZZ_IP = '203.0.113.77';
export const FUZZ_EMAIL = `fuzz-nobody-${Date.now()}@e2e.test`;
/** A municipality no other end-to-end test uses: the fuzzer may change its data. */
export const FUZZ_MUNICIPALITY = 'smiltenes-novads';

export type Who = 'anonymous' | 'secretary' | 'staff';
export const WHO: Who[] = ['anonymous', 'secretary', 'staff'];

// ---------------------------------------------------------------- fuzz values

export const HUGE_SEGMENT = 'x'.repeat(5_000);
/** Path segments inserted verbatim (already encoded, or deliberately malformed). */
export const TRICKY_SEGMENTS: string[] = [
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
export const real: Record<string, string[]> = {};

export function realValues(route: string, segment: string): string[] {
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
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Percent-encodes any string, lone surrogates included (as their WTF-8 bytes, which are not valid UTF-8). */
export function encodeSegment(s: string): string {
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

export const NASTY_STRINGS = [
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
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
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
export function templateOf(h: RouteHandler): Record<string, unknown> | undefined {
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

export const isUpload = (h: RouteHandler) => h.method === 'POST' && /\/documents$/.test(h.route);

/** One request to send. */
export type Case = { path: string; contentType?: string; body?: Buffer; note: string; headers?: Record<string, string> };

export let tinyPdf: Buffer | undefined;
export async function pdfBytes(): Promise<Buffer> {
  if (!tinyPdf) {
    const doc = await PDFDocument.create();
    doc.addPage().drawText('Fuzz');
    tinyPdf = Buffer.from(await doc.save());
  }
  return tinyPdf;
}

export function jsonBody(v: unknown): Buffer {
  return Buffer.from(JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x)) ?? 'null');
}
export function setPath(obj: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const copy: Record<string, unknown> = Array.isArray(obj) ? ([...obj] as unknown as Record<string, unknown>) : { ...(obj as Record<string, unknown>) };
  copy[head!] = setPath(copy[head!], rest, value);
  return copy;
}
export function leafPaths(v: unknown, prefix: string[] = []): string[][] {
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => [[...prefix, k], ...leafPaths(x, [...prefix, k])]);
  return [];
}

export const RAW_BODIES: { note: string; contentType?: string; body: Buffer }[] = [
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

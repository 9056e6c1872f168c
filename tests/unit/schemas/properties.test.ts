/**
 * Property-based tests (fast-check) of every zod schema in lib/schemas.
 *
 * Every exported schema is discovered at run time and must have an entry in
 * SPECS below (a new schema without one fails the first test). For each
 * schema:
 *  (a) `safeParse` never throws, whatever the input (fc.anything, huge and
 *      Unicode strings with lone surrogates, null, NaN, ±Infinity, -0,
 *      prototype-pollution keys, valid inputs with one part replaced), and
 *      never pollutes Object.prototype;
 *  (b) every issue message is an i18n key known in Latvian and English, with
 *      all its parameters (users never see zod's English), and so is what
 *      fieldErrorsOf hands to the API;
 *  (c) inputs from the schema's own generator of valid values parse, the
 *      output keeps the schema's invariants (trimmed, bounded, transformed),
 *      and parsing the output again gives the same output;
 *  (d) boundary values: max length exactly and max+1, empty, whitespace only.
 * A summary line (schemas, properties, inputs tried, failures) is printed at the end.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { z } from 'zod';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCALES, lookup } from '@/lib/i18n';
import { translateKey } from '@/lib/i18n/request';
import { fieldErrorsOf, isStorableText } from '@/lib/schemas/common';
import { INDICATORS, COMMITMENT_KEYS, type IndicatorDef } from '@/lib/progress/indicators';
import { parseLocaleNumber } from '@/lib/schemas/number';

// ---------------------------------------------------------------- discovery

const SCHEMA_DIR = path.resolve(import.meta.dirname, '../../../lib/schemas');
const discovered = new Map<string, z.ZodType>();
for (const file of readdirSync(SCHEMA_DIR)
  .filter((f) => f.endsWith('.ts'))
  .sort()) {
  const mod = (await import(path.join(SCHEMA_DIR, file))) as Record<string, unknown>;
  for (const [name, value] of Object.entries(mod)) {
    if (value instanceof z.ZodType) discovered.set(`${file.replace(/\.ts$/, '')}.${name}`, value);
  }
}

// ---------------------------------------------------------------- budget and bookkeeping

const SEED = 20_251_123;
const RUNS_ANYTHING = 1000;
const RUNS_SHAPED = 600;
const RUNS_VALID = 400;
const stats = { schemas: new Set<string>(), properties: 0, inputs: 0, failures: 0 };

/** Runs one property (counted; a failure is counted and rethrown). */
async function property(schemaKey: string, body: () => void | Promise<void>): Promise<void> {
  stats.schemas.add(schemaKey);
  stats.properties += 1;
  try {
    await body();
  } catch (error) {
    stats.failures += 1;
    throw error;
  }
}
const counted =
  <T>(check: (v: T) => void) =>
  (v: T) => {
    stats.inputs += 1;
    check(v);
  };

afterAll(() => {
  console.log(`fuzz: ${stats.schemas.size} schemas, ${stats.properties} properties, ${stats.inputs} inputs, ${stats.failures} failures`);
});

// ---------------------------------------------------------------- message checks (b)

/** Why a message is not something a user may see; null when it is a known key with all its parameters. */
function badMessage(message: string): string | null {
  const [key = '', query] = message.split('|');
  if (!/^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9_]+)+$/.test(key)) return `not an i18n key: ${JSON.stringify(message)}`;
  for (const locale of LOCALES) {
    if (lookup(locale, key) === key) return `no ${locale} translation for ${JSON.stringify(key)}`;
    const text = translateKey(locale, message);
    if (/\{\w+\}/.test(text)) return `${locale} text of ${JSON.stringify(message)} keeps a placeholder: ${text}`;
  }
  if (query !== undefined && !/^(\w+=[^&|]*)(&\w+=[^&|]*)*$/.test(query)) return `malformed parameters in ${JSON.stringify(message)}`;
  return null;
}

function expectUserFacingIssues(error: z.ZodError, input: unknown): void {
  for (const issue of error.issues) {
    const why = badMessage(issue.message);
    if (why) throw new Error(`${why} (issue ${issue.code} at ${issue.path.join('.') || '(root)'}; input ${preview(input)})`);
  }
  for (const [field, keys] of Object.entries(fieldErrorsOf(error))) {
    for (const k of keys) {
      const why = badMessage(k);
      if (why) throw new Error(`fieldErrorsOf ${field}: ${why}`);
    }
  }
}

function preview(v: unknown): string {
  try {
    const s = typeof v === 'string' ? JSON.stringify(v) : fc.stringify(v);
    return s.length > 300 ? `${s.slice(0, 300)}… (${s.length} chars)` : s;
  } catch {
    return String(v);
  }
}

// ---------------------------------------------------------------- nasty inputs (a)

const HUGE = 'x'.repeat(1_000_000);
const HUGE_UNICODE = 'Ķ😀'.repeat(100_000);
/** Regex backtracking bait: long runs that almost match. */
const BAIT = ['1'.repeat(100_000) + '-', 'a'.repeat(100_000) + '@', `${'a.'.repeat(50_000)}@x`, `${'-'.repeat(50_000)}x`, `2024-${'0'.repeat(100_000)}`];
const pollution = (): unknown[] => [
  JSON.parse('{"__proto__": {"polluted": "yes"}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}'),
  { constructor: { prototype: { polluted: 'yes' } } },
  Object.assign(Object.create(null) as object, { toString: 'x', valueOf: 1 }),
  { toString: 1, valueOf: 1 },
  { hasOwnProperty: 'x', then: 'x' },
];
const NASTY_VALUES: unknown[] = [
  null,
  undefined,
  true,
  false,
  0,
  -0,
  1,
  -1,
  1.5,
  NaN,
  Infinity,
  -Infinity,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  Number.MAX_SAFE_INTEGER + 2,
  2 ** 31,
  -(2 ** 31) - 1,
  10n,
  -(10n ** 30n),
  '',
  ' ',
  '\t\n\r',
  '\u00a0',
  '\u200b',
  '\ufeff',
  '\u2028',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-0',
  '1e999',
  '1e-999',
  '0x10',
  '0b1',
  ' 1 ',
  '١٢٣',
  '２０２４',
  '2024',
  '2021-2025',
  '2024-02-29',
  '2021-02-30',
  '0000-00-00',
  '9999-12-31',
  '+002024-01-01',
  '\ud800',
  '\udfff',
  'a\ud800b',
  '\udc00\ud800',
  'a\u0000b',
  '\u0000',
  '%00',
  '%',
  '%%',
  '%E0%A4%A',
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%2e%2e%2f',
  'C:\\boot.ini',
  '/dev/null',
  'file:///etc/passwd',
  "1' OR '1'='1",
  '\'; DROP TABLE "User"; --',
  '1; SELECT pg_sleep(10)',
  '" OR ""="',
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'Ķekava😀',
  '👨‍👩‍👧‍👦',
  'ǅ',
  'İ',
  'ß',
  'ﷺ',
  'Z̴̡̢̛͔a̸̧l̷g̶o',
  '\u202eevil',
  'yes',
  'no',
  'on',
  'true',
  'REGULAR',
  'DECISION',
  'lv',
  'en',
  HUGE,
  HUGE_UNICODE,
  ...BAIT,
  'x'.repeat(256),
  ' '.repeat(10_000),
  [],
  [[]],
  [null],
  ['a', 'b'],
  {},
  Object.create(null),
  new Date(NaN),
  new Date(0),
  new Map([['a', 1]]),
  new Set([1]),
  new Uint8Array(4),
  Symbol('s'),
  () => 'f',
  nested(2_000),
  ...pollution(),
];
function nested(depth: number): unknown {
  let v: unknown = 'leaf';
  for (let i = 0; i < depth; i += 1) v = i % 2 ? [v] : { a: v };
  return v;
}
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_VALUES) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }) },
  { weight: 1, arbitrary: fc.oneof(fc.double(), fc.integer(), fc.bigInt()) },
  {
    weight: 2,
    arbitrary: fc.anything({
      maxDepth: 3,
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withTypedArray: true,
      withSparseArray: true,
      withNullPrototype: true,
      withBoxedValues: true,
      stringUnit: 'binary',
    }),
  },
);
const anyInput: fc.Arbitrary<unknown> = fc.oneof(
  nastyValue,
  fc.anything({
    maxDepth: 4,
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
    withSparseArray: true,
    withNullPrototype: true,
    withObjectString: true,
    stringUnit: 'grapheme',
  }),
  fc.jsonValue({ maxDepth: 4, stringUnit: 'binary' }),
);

/** Every path (object keys and array indexes) of a plain value, the root included. */
function pathsOf(v: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out = [prefix];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...pathsOf(x, [...prefix, i])));
  else if (v && typeof v === 'object' && !(v instanceof Date)) for (const [k, x] of Object.entries(v)) out.push(...pathsOf(x, [...prefix, k]));
  return out;
}
function replaceAt(v: unknown, at: (string | number)[], value: unknown): unknown {
  if (at.length === 0) return value;
  const [head, ...rest] = at;
  const copy = (Array.isArray(v) ? [...(v as unknown[])] : { ...(v as object) }) as Record<string | number, unknown>;
  copy[head!] = replaceAt(copy[head!], rest, value);
  return copy;
}
function withExtraKey(v: unknown, key: string, value: unknown): unknown {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
  const copy = { ...v };
  // An own property named __proto__, as JSON.parse makes it.
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}
/** A valid input with one part replaced by a nasty value, or with an unexpected (pollution) key added, or a field deleted. */
const shapedFrom = (valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.tuple(valid, nastyValue, fc.nat()).map(([v, n, i]) => {
      const paths = pathsOf(v);
      return replaceAt(v, paths[i % paths.length]!, n);
    }),
    fc.tuple(valid, fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'extra', ''), nastyValue).map(([v, k, n]) => withExtraKey(v, k, n)),
    fc.tuple(valid, fc.nat()).map(([v, i]) => {
      if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
      const keys = Object.keys(v);
      if (keys.length === 0) return v;
      const copy: Record<string, unknown> = { ...(v as Record<string, unknown>) };
      delete copy[keys[i % keys.length]!];
      return copy;
    }),
  );

// ---------------------------------------------------------------- generators of valid values (c)

const WS = fc.constantFrom('', ' ', '  ', '\t', '\n', '\u00a0', '\u2003', '\ufeff', ' \r\n ');
/** Text whose trimmed length is within [min, max] (UTF-16 units, as zod counts), with whitespace around. */
function text(max: number, min = 1): fc.Arbitrary<string> {
  const unit = fc.constantFrom<'grapheme' | 'binary' | 'grapheme-ascii'>('grapheme', 'binary', 'grapheme-ascii');
  return fc
    .tuple(
      WS,
      unit.chain((u) => fc.string({ unit: u, minLength: min, maxLength: Math.min(max, 400) })),
      WS,
      fc.boolean(),
    )
    .map(([a, core, b, long]) => {
      // Sometimes push the core to exactly `max` units.
      const full = long && core.trim().length > 0 ? core.trim().padEnd(max, 'ā').slice(0, max) : core;
      return `${a}${full}${b}`;
    })
    .filter((s) => s.trim().length >= min && s.trim().length <= max && isStorableText(s));
}
const asciiWord = fc.stringMatching(/^[A-Za-z0-9_+-]{1,12}$/);
const email: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(asciiWord, { minLength: 1, maxLength: 3 }),
    fc.array(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9-]{0,10}$/), { minLength: 1, maxLength: 3 }),
    fc.stringMatching(/^[A-Za-z]{2,6}$/),
    WS,
    WS,
  )
  .map(([local, labels, tld, a, b]) => `${a}${local.join('.')}@${labels.join('.')}.${tld}${b}`)
  .filter((s) => !/[-.]@/.test(s) && s.trim().length <= 254);
const TODAY = new Date().toISOString().slice(0, 10);
const day = (min: string, max: string) =>
  fc.date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const slug = fc.stringMatching(/^[a-z0-9-]{1,80}$/);
const termSlug = fc.tuple(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1000, max: 9999 })).map(([a, b]) => `${a}-${b}`);
/** A number, or its text as a form sends it. */
const numeric = (n: fc.Arbitrary<number>) => n.chain((x) => fc.constantFrom<unknown>(x, String(x), ` ${x} `));
const version = numeric(fc.integer({ min: 1, max: 1_000_000 }));
/** A number as a person in Latvia types it (issue 13): decimal comma, grouped with (non-breaking) spaces, or as a program sends it. */
const lvNumber = (n: fc.Arbitrary<number>) =>
  n.chain((x) =>
    fc.constantFrom<unknown>(
      x,
      String(x).replace('.', ','),
      ` ${String(x).replace('.', ',')} `,
      new Intl.NumberFormat('lv-LV', { maximumFractionDigits: 6 }).format(x),
      new Intl.NumberFormat('lv-LV', { maximumFractionDigits: 6 }).format(x).replace(/\u00a0/g, ' '),
    ),
  );
/** Hundredths in [min, max] (the database keeps two decimals). */
const cents = (min: number, max: number) => fc.integer({ min: Math.round(min * 100), max: Math.round(max * 100) }).map((x) => x / 100);
const numberOf = (v: unknown): number => {
  if (typeof v === 'number') return v;
  const r = parseLocaleNumber(String(v));
  if (r.kind !== 'number') throw new Error(`not a number: ${String(v)}`);
  return r.value;
};
const optional = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const blankable = <T>(a: fc.Arbitrary<T>) => fc.oneof(a, fc.constantFrom<unknown>('', null, undefined));
const blankCase = <T>(a: fc.Arbitrary<T>) => fc.oneof(a, fc.constant(''));

function indicatorValue(d: IndicatorDef): fc.Arbitrary<unknown> {
  if (d.kind === 'boolean') return fc.constantFrom<unknown>('yes', 'no', true, false, '', null, undefined);
  if (d.kind === 'text') return fc.oneof(text(d.max ?? 1000, 0), fc.constantFrom<unknown>('', undefined));
  const min = d.min ?? 0;
  const max = d.max ?? 1e9;
  const n = d.kind === 'count' ? fc.integer({ min, max }) : cents(min, max);
  return fc.oneof(lvNumber(n), fc.constantFrom<unknown>('', undefined));
}
const indicators = fc.record(Object.fromEntries(INDICATORS.map((d) => [d.key, indicatorValue(d)])), { requiredKeys: [] });
const action = fc.record(
  {
    title: text(300),
    status: fc.constantFrom('PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED'),
    plannedOn: optional(blankCase(day('2000-01-01', '2100-12-31'))),
    doneOn: optional(blankCase(day('2000-01-01', '2100-12-31'))),
    budgetEur: optional(blankable(lvNumber(cents(0, 1e9)))),
  },
  { requiredKeys: ['title', 'status'] },
);
const section = fc.record(
  {
    status: fc.constantFrom('NOT_STARTED', 'IN_PROGRESS', 'ACHIEVED'),
    narrative: optional(blankable(fc.string({ unit: 'grapheme', maxLength: 2_000 }).filter(isStorableText))),
    actions: optional(fc.array(action, { maxLength: 3 })),
  },
  { requiredKeys: ['status'] },
);

// ---------------------------------------------------------------- per-schema specs

type Out = any; // eslint-disable-line @typescript-eslint/no-explicit-any
type Boundary = { name: string; input: unknown; ok: boolean; message?: string; check?: (out: Out) => void };
type Spec = {
  valid: fc.Arbitrary<unknown>;
  /** Invariants of the output of a valid input. */
  check?: (out: Out, input: Out) => void;
  boundaries: Boundary[];
  /** Parsing the output again gives the same output (default true). */
  idempotent?: boolean;
  /** Never fails for an object input (query schemas that fall back to defaults). */
  totalOnObjects?: boolean;
};

const trimmed = (out: unknown, input: unknown, max: number) => {
  expect(out).toBe(String(input).trim());
  expect((out as string).length).toBeGreaterThanOrEqual(1);
  expect((out as string).length).toBeLessThanOrEqual(max);
};
const optTrimmed = (out: unknown, input: unknown, max: number) => {
  if (input === undefined) return expect(out).toBeUndefined();
  if (input === null || (input as string).trim() === '') return expect(out).toBeNull();
  expect(out).toBe((input as string).trim());
  expect((out as string).length).toBeLessThanOrEqual(max);
};

/** Boundaries of a text field of an object schema: exactly max, max+1, empty, whitespace only, Unicode. */
function textBoundaries(base: Record<string, unknown>, field: string, max: number, mode: 'required' | 'optional' | 'untrimmed', min = 1): Boundary[] {
  const at = (v: unknown) => ({ ...base, [field]: v });
  const long = (n: number) => 'a'.repeat(n);
  const tooLong = `validation.tooLong|max=${max}`;
  const list: Boundary[] = [
    { name: `${field}: exactly ${max} chars`, input: at(long(max)), ok: true, check: (o) => expect(o[field]).toHaveLength(max) },
    { name: `${field}: ${max + 1} chars`, input: at(long(max + 1)), ok: false, message: tooLong },
    { name: `${field}: ${max} non-ASCII chars`, input: at('Ķ'.repeat(max)), ok: true },
    { name: `${field}: Unicode`, input: at('Ķekava😀'.slice(0, max)), ok: true },
  ];
  if (mode !== 'untrimmed') {
    // What PostgreSQL refuses is refused here, not by the database (a 500).
    list.push({ name: `${field}: NUL`, input: at('a\u0000b'), ok: false, message: 'validation.invalid' });
    list.push({ name: `${field}: lone surrogate`, input: at('a\ud800b'), ok: false, message: 'validation.invalid' });
    list.push({ name: `${field}: lone low surrogate`, input: at('\udc00'), ok: false, message: 'validation.invalid' });
  }
  if (mode === 'untrimmed') {
    list.push({ name: `${field}: whitespace is kept`, input: at(' '.repeat(Math.max(min, 1))), ok: true });
    if (min > 1) list.push({ name: `${field}: ${min - 1} chars`, input: at(long(min - 1)), ok: false, message: `validation.tooShort|min=${min}` });
    else list.push({ name: `${field}: empty`, input: at(''), ok: false, message: 'validation.required' });
    return list;
  }
  list.push({ name: `${field}: ${max} chars inside whitespace`, input: at(`  ${long(max)}\n\t`), ok: true, check: (o) => expect(o[field]).toBe(long(max)) });
  if (mode === 'required') {
    list.push({ name: `${field}: empty`, input: at(''), ok: false, message: 'validation.required' });
    list.push({ name: `${field}: whitespace only`, input: at(' \t\n\u00a0'), ok: false, message: 'validation.required' });
    list.push({
      name: `${field}: missing`,
      input: Object.fromEntries(Object.entries(base).filter(([k]) => k !== field)),
      ok: false,
      message: 'validation.required',
    });
    list.push({ name: `${field}: null`, input: at(null), ok: false, message: 'validation.required' });
  } else {
    list.push({ name: `${field}: empty becomes null`, input: at(''), ok: true, check: (o) => expect(o[field]).toBeNull() });
    list.push({ name: `${field}: whitespace only becomes null`, input: at(' \t\n'), ok: true, check: (o) => expect(o[field]).toBeNull() });
  }
  return list;
}
/** Boundaries of an integer in [min, max] (coerced from text), optionally inside an object. */
function intBoundaries(min: number, max: number, wrap: (v: unknown) => unknown = (v) => v, message = 'validation.invalid'): Boundary[] {
  return [
    { name: `${min}`, input: wrap(min), ok: true },
    { name: `'${max}' as text`, input: wrap(String(max)), ok: true },
    { name: `${min - 1}`, input: wrap(min - 1), ok: false, message },
    { name: `${max + 1}`, input: wrap(max + 1), ok: false, message },
    { name: 'fraction', input: wrap(min + 0.5), ok: false, message },
    { name: 'empty', input: wrap(''), ok: false },
    { name: 'whitespace', input: wrap('   '), ok: false },
    { name: 'out of int range', input: wrap('99999999999999999999'), ok: false, message },
    { name: 'NaN text', input: wrap('abc'), ok: false },
    { name: 'Infinity', input: wrap('Infinity'), ok: false },
  ];
}

const decision = {
  councilBody: 'Tukuma novada dome',
  sessionDate: '2021-08-26',
  sessionType: 'REGULAR',
  decisionNumber: '12/3',
  signatoryName: 'Anna Bērziņa',
  signatoryRole: 'priekšsēdētāja',
};
const invitationAccept = { token: 't'.repeat(43), name: 'Jānis Ozols', password: 'long enough password', passwordConfirm: 'long enough password' };
const draftSection = { status: 'IN_PROGRESS', narrative: 'x', actions: [] };
const draft = {
  version: 3,
  commitments: { resources: draftSection, staff: draftSection, cooperation: draftSection },
  indicators: { service_budget_eur: '1000' },
};
const norm = { validFrom: '2030-01-01', value: 1, citation: 'MK noteikumi Nr. 1', sourceUrl: 'https://likumi.lv/ta/id/1' };
const officialSource = {
  fileName: 'IRS051_20261203-101500.csv',
  tableCode: 'IRS051',
  retrievedOn: '2026-12-03',
  url: 'https://data.stat.gov.lv/pxweb/lv/OSP_PUB/START__POP__IR__IRS/IRS051/',
};
const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

const dateBoundaries = (wrap: (v: unknown) => unknown, message = 'validation.date'): Boundary[] => [
  { name: 'leap day', input: wrap('2024-02-29'), ok: true },
  { name: 'no such day (Feb 29, 2023)', input: wrap('2023-02-29'), ok: false, message },
  { name: 'no such day (Feb 30)', input: wrap('2024-02-30'), ok: false, message },
  { name: 'no such day (Apr 31)', input: wrap('2024-04-31'), ok: false, message },
  { name: 'month 13', input: wrap('2024-13-01'), ok: false, message },
  { name: 'not zero-padded', input: wrap('2024-1-01'), ok: false, message },
  { name: 'five-digit year', input: wrap('20240-01-01'), ok: false, message },
  { name: 'with a time', input: wrap('2024-01-01T00:00:00Z'), ok: false, message },
];

const SPECS: Record<string, Spec> = {
  // --- accession.ts
  'accession.zSessionDate': {
    valid: fc.tuple(WS, day('2021-01-01', TODAY), WS).map(([a, d, b]) => `${a}${d}${b}`),
    check: (out, input) => expect(out).toBe(input.trim()),
    boundaries: [
      { name: 'first possible day', input: '2021-01-01', ok: true },
      { name: 'day before the memorandum', input: '2020-12-31', ok: false, message: 'validation.dateTooEarly' },
      { name: 'today', input: TODAY, ok: true },
      { name: 'tomorrow', input: tomorrow, ok: false, message: 'validation.futureDate' },
      { name: 'empty', input: '', ok: false, message: 'validation.required' },
      { name: 'whitespace only', input: ' \t ', ok: false, message: 'validation.required' },
      { name: 'trimmed', input: ' 2021-08-26\n', ok: true, check: (o) => expect(o).toBe('2021-08-26') },
      ...dateBoundaries((v) => v).filter((b) => b.name !== 'leap day'),
    ],
  },
  'accession.ZRecordDecisionSchema': {
    valid: fc.record(
      {
        councilBody: text(200),
        sessionDate: day('2021-01-01', TODAY),
        sessionType: fc.constantFrom('REGULAR', 'EXTRAORDINARY'),
        decisionNumber: text(100),
        agendaItem: optional(fc.oneof(text(500), fc.constantFrom<string | null>('', '  ', null))),
        signatoryName: text(120),
        signatoryRole: text(200),
      },
      { requiredKeys: ['councilBody', 'sessionDate', 'sessionType', 'decisionNumber', 'signatoryName', 'signatoryRole'] },
    ),
    check: (out, input) => {
      trimmed(out.councilBody, input.councilBody, 200);
      trimmed(out.decisionNumber, input.decisionNumber, 100);
      trimmed(out.signatoryName, input.signatoryName, 120);
      trimmed(out.signatoryRole, input.signatoryRole, 200);
      optTrimmed(out.agendaItem, input.agendaItem, 500);
    },
    boundaries: [
      ...textBoundaries(decision, 'councilBody', 200, 'required'),
      ...textBoundaries(decision, 'decisionNumber', 100, 'required'),
      ...textBoundaries(decision, 'agendaItem', 500, 'optional'),
      ...textBoundaries(decision, 'signatoryName', 120, 'required'),
      ...textBoundaries(decision, 'signatoryRole', 200, 'required'),
      { name: 'unknown session type', input: { ...decision, sessionType: 'regular' }, ok: false, message: 'validation.required' },
    ],
  },
  'accession.zVersion': {
    valid: version,
    check: (out, input) => expect(out).toBe(Number(input)),
    boundaries: intBoundaries(1, 1_000_000),
  },
  'accession.ZVerifySchema': {
    valid: fc.record({ version }),
    check: (out, input) => expect(out.version).toBe(Number(input.version)),
    boundaries: intBoundaries(1, 1_000_000, (v) => ({ version: v })),
  },
  'accession.ZReasonSchema': {
    valid: fc.record({ version, reason: text(2000) }),
    check: (out, input) => trimmed(out.reason, input.reason, 2000),
    boundaries: [
      ...textBoundaries({ version: 1, reason: 'x' }, 'reason', 2000, 'required'),
      ...intBoundaries(1, 1_000_000, (v) => ({ version: v, reason: 'x' })),
    ],
  },
  'accession.ZUploadQuerySchema': {
    // eslint-disable-next-line no-control-regex -- the generator must leave out exactly the control characters the schema refuses
    valid: fc.record({ kind: fc.constantFrom('DECISION', 'ANNEX'), name: text(255).filter((s) => !/[\u0000-\u001f\u007f]/.test(s.trim())) }),
    check: (out, input) => trimmed(out.name, input.name, 255),
    boundaries: [
      ...textBoundaries({ kind: 'DECISION', name: 'x.pdf' }, 'name', 255, 'required'),
      { name: 'path traversal is a name like any other (storage never uses it as a path)', input: { kind: 'ANNEX', name: '../../etc/passwd' }, ok: true },
      { name: 'lower-case kind', input: { kind: 'decision', name: 'x.pdf' }, ok: false, message: 'validation.invalid' },
      { name: 'NUL in the name', input: { kind: 'ANNEX', name: 'a\u0000b.pdf' }, ok: false, message: 'validation.invalid' },
      { name: 'CR/LF in the name', input: { kind: 'ANNEX', name: 'a\r\nContent-Type: text/html.pdf' }, ok: false, message: 'validation.invalid' },
      { name: 'EVIDENCE is not an accession kind', input: { kind: 'EVIDENCE', name: 'x.pdf' }, ok: false, message: 'validation.invalid' },
    ],
  },
  // --- auth.ts
  'auth.ZSignInSchema': {
    valid: fc.record({ email, password: fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }) }),
    check: (out, input) => {
      expect(out.email).toBe(input.email.trim().toLowerCase());
      expect(out.password).toBe(input.password); // never trimmed
    },
    boundaries: [
      ...textBoundaries({ email: 'a@b.lv', password: 'x' }, 'password', 200, 'untrimmed'),
      { name: 'email: 254 chars', input: { email: `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}.lv`, password: 'x' }, ok: true },
      {
        name: 'email: 255 chars',
        input: { email: `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(59)}.lv`, password: 'x' },
        ok: false,
        message: 'validation.tooLong|max=254',
      },
      { name: 'email: empty', input: { email: '', password: 'x' }, ok: false, message: 'validation.required' },
      { name: 'email: whitespace only', input: { email: '  ', password: 'x' }, ok: false, message: 'validation.required' },
      { name: 'email: not an address', input: { email: "1' OR '1'='1", password: 'x' }, ok: false, message: 'validation.email' },
      {
        name: 'email: upper case and spaces',
        input: { email: ' Anna@Example.LV ', password: 'x' },
        ok: true,
        check: (o) => expect(o.email).toBe('anna@example.lv'),
      },
    ],
  },
  'auth.ZAcceptInvitationSchema': {
    valid: fc
      .record({
        token: fc.stringMatching(/^[A-Za-z0-9_-]{20,200}$/),
        name: text(120),
        password: fc.string({ unit: 'grapheme', minLength: 12, maxLength: 60 }).filter((p) => p.length >= 12 && p.length <= 200),
      })
      .map((v) => ({ ...v, passwordConfirm: v.password })),
    check: (out, input) => {
      trimmed(out.name, input.name, 120);
      expect(out.password).toBe(input.password);
    },
    boundaries: [
      ...textBoundaries(invitationAccept, 'name', 120, 'required'),
      {
        name: 'password: 11 chars',
        input: { ...invitationAccept, password: 'x'.repeat(11), passwordConfirm: 'x'.repeat(11) },
        ok: false,
        message: 'validation.tooShort|min=12',
      },
      { name: 'password: 12 chars', input: { ...invitationAccept, password: 'x'.repeat(12), passwordConfirm: 'x'.repeat(12) }, ok: true },
      { name: 'password: 200 chars', input: { ...invitationAccept, password: 'x'.repeat(200), passwordConfirm: 'x'.repeat(200) }, ok: true },
      {
        name: 'password: 201 chars',
        input: { ...invitationAccept, password: 'x'.repeat(201), passwordConfirm: 'x'.repeat(201) },
        ok: false,
        message: 'validation.tooLong|max=200',
      },
      { name: 'passwords differ', input: { ...invitationAccept, passwordConfirm: 'long enough passworD' }, ok: false, message: 'validation.passwordsDiffer' },
      { name: 'token: 19 chars', input: { ...invitationAccept, token: 't'.repeat(19) }, ok: false },
      { name: 'token: 20 chars', input: { ...invitationAccept, token: 't'.repeat(20) }, ok: true },
      { name: 'token: 201 chars', input: { ...invitationAccept, token: 't'.repeat(201) }, ok: false },
    ],
  },
  'auth.ZCreateInvitationSchema': {
    valid: fc.record(
      {
        email,
        name: optional(fc.oneof(text(120), fc.constant(''))),
        municipalitySlug: fc.tuple(WS, slug, WS).map(([a, s, b]) => `${a}${s}${b}`),
        locale: optional(fc.constantFrom('lv', 'en')),
      },
      { requiredKeys: ['email', 'municipalitySlug'] },
    ),
    check: (out, input) => {
      expect(out.email).toBe(input.email.trim().toLowerCase());
      if (input.name === undefined || input.name === '') expect(out.name).toBeUndefined();
      else trimmed(out.name, input.name, 120);
      expect(out.municipalitySlug).toBe(input.municipalitySlug.trim());
      expect(out.locale).toBe(input.locale ?? 'lv');
    },
    boundaries: [
      { name: 'slug: 80 chars', input: { email: 'a@b.lv', municipalitySlug: 'a'.repeat(80) }, ok: true },
      { name: 'slug: 81 chars', input: { email: 'a@b.lv', municipalitySlug: 'a'.repeat(81) }, ok: false },
      { name: 'slug: empty', input: { email: 'a@b.lv', municipalitySlug: '' }, ok: false, message: 'validation.required' },
      { name: 'slug: whitespace', input: { email: 'a@b.lv', municipalitySlug: '   ' }, ok: false, message: 'validation.required' },
      { name: 'slug: traversal', input: { email: 'a@b.lv', municipalitySlug: '../riga' }, ok: false, message: 'validation.invalid' },
      {
        name: 'name: empty means none',
        input: { email: 'a@b.lv', municipalitySlug: 'riga', name: '' },
        ok: true,
        check: (o) => expect(o.name).toBeUndefined(),
      },
      { name: 'name: 121 chars', input: { email: 'a@b.lv', municipalitySlug: 'riga', name: 'x'.repeat(121) }, ok: false },
      { name: 'locale: de', input: { email: 'a@b.lv', municipalitySlug: 'riga', locale: 'de' }, ok: false, message: 'validation.invalid' },
    ],
  },
  // --- common.ts
  'common.zEmail': {
    valid: email,
    check: (out, input) => expect(out).toBe(input.trim().toLowerCase()),
    boundaries: [
      { name: 'empty', input: '', ok: false, message: 'validation.required' },
      { name: 'whitespace', input: ' \n', ok: false, message: 'validation.required' },
      { name: 'no domain', input: 'anna@', ok: false, message: 'validation.email' },
      { name: 'Unicode', input: 'ānna@ķekava.lv', ok: false, message: 'validation.email' },
      { name: '255 chars', input: `${'a'.repeat(245)}@example.lv`, ok: false, message: 'validation.tooLong|max=254' },
    ],
  },
  'common.zId': {
    valid: fc.stringMatching(/^[a-zA-Z0-9]{1,64}$/),
    check: (out, input) => expect(out).toBe(input),
    boundaries: [
      { name: '64 chars', input: 'a'.repeat(64), ok: true },
      { name: '65 chars', input: 'a'.repeat(65), ok: false, message: 'validation.invalid' },
      { name: 'empty', input: '', ok: false, message: 'validation.invalid' },
      { name: 'traversal', input: '../x', ok: false, message: 'validation.invalid' },
      { name: 'Unicode', input: 'ķ1', ok: false, message: 'validation.invalid' },
    ],
  },
  'common.zRouteParam': {
    valid: fc.stringMatching(/^[A-Za-z0-9._~-]{1,200}$/),
    check: (out, input) => expect(out).toBe(input),
    boundaries: [
      { name: '200 chars', input: 'a'.repeat(200), ok: true },
      { name: '201 chars', input: 'a'.repeat(201), ok: false, message: 'validation.invalid' },
      { name: 'empty', input: '', ok: false, message: 'validation.invalid' },
      { name: 'slug, id, year, term, file name', input: 'smiltenes-novads', ok: true },
      { name: 'NUL', input: 'a\u0000b', ok: false, message: 'validation.invalid' },
      { name: 'traversal (decoded %2F)', input: '../etc/passwd', ok: false, message: 'validation.invalid' },
      { name: 'backslash', input: '..\\x', ok: false, message: 'validation.invalid' },
      { name: 'Unicode', input: 'Ķekava😀', ok: false, message: 'validation.invalid' },
      { name: 'SQL', input: "1' OR '1'='1", ok: false, message: 'validation.invalid' },
      { name: 'CRLF', input: 'a\r\nb', ok: false, message: 'validation.invalid' },
    ],
  },
  // --- dashboard.ts
  'dashboard.ZDashboardQuerySchema': {
    valid: fc.record(
      {
        type: optional(fc.constantFrom('STATE_CITY', 'MUNICIPALITY')),
        status: optional(fc.constantFrom('VERIFIED', 'SUBMITTED', 'WITHDRAWN', 'PREVIOUS', 'NONE')),
        progress: optional(fc.constantFrom('NOT_STARTED', 'IN_PROGRESS', 'ACHIEVED', 'NONE')),
        sort: optional(fc.constantFrom('name', 'status', 'c1', 'c2', 'c3')),
        dir: optional(fc.constantFrom('asc', 'desc')),
      },
      { requiredKeys: [] },
    ),
    check: (out, input) => expect(out).toEqual({ ...input, sort: input.sort ?? 'name', dir: input.dir ?? 'asc' }),
    totalOnObjects: true,
    boundaries: [
      { name: 'empty query gives the defaults', input: {}, ok: true, check: (o) => expect(o).toEqual({ sort: 'name', dir: 'asc' }) },
      {
        name: 'bad values fall back',
        input: { sort: "name'; --", dir: 'up', type: 'x', status: '', progress: 'x'.repeat(10_000) },
        ok: true,
        check: (o) => expect(o).toEqual({ sort: 'name', dir: 'asc' }),
      },
    ],
  },
  'dashboard.ZExportNameSchema': {
    valid: fc.constantFrom('matrix.csv', 'matrix.xlsx', 'indicators.csv', 'indicators.xlsx'),
    check: (out, input) => expect(out).toBe(input),
    boundaries: [
      { name: 'upper case', input: 'MATRIX.CSV', ok: false, message: 'validation.invalid' },
      { name: 'traversal', input: '../matrix.csv', ok: false, message: 'validation.invalid' },
      { name: 'empty', input: '', ok: false, message: 'validation.invalid' },
      { name: 'padded', input: ' matrix.csv', ok: false, message: 'validation.invalid' },
    ],
  },
  // --- opendata.ts
  'opendata.zTermSlug': {
    valid: termSlug,
    check: (out, input) => expect(out).toBe(input),
    boundaries: [
      { name: '2021-2025', input: '2021-2025', ok: true },
      { name: '10 chars', input: '2021-20250', ok: false, message: 'validation.invalid' },
      { name: 'empty', input: '', ok: false, message: 'validation.invalid' },
      { name: 'SQL', input: "2021' OR '1'='1", ok: false, message: 'validation.invalid' },
      { name: 'Unicode digits', input: '２０２１-２０２５', ok: false, message: 'validation.invalid' },
    ],
  },
  'opendata.ZOpenDataQuerySchema': {
    valid: fc.record({ term: optional(termSlug) }, { requiredKeys: [] }),
    check: (out, input) => expect(out).toEqual(input),
    boundaries: [
      { name: 'no term', input: {}, ok: true },
      { name: 'traversal', input: { term: '../../etc/passwd' }, ok: false, message: 'validation.invalid' },
      { name: 'repeated term (joined)', input: { term: '2021-2025,2025-2029' }, ok: false, message: 'validation.invalid' },
    ],
  },
  // --- progress-actions.ts
  'progress-actions.ZReportVersionSchema': {
    valid: fc.record({ version }),
    check: (out, input) => expect(out.version).toBe(Number(input.version)),
    boundaries: intBoundaries(1, 1_000_000, (v) => ({ version: v })),
  },
  'progress-actions.ZReportReturnSchema': {
    valid: fc.record({ version, reason: text(5000) }),
    check: (out, input) => trimmed(out.reason, input.reason, 5000),
    boundaries: textBoundaries({ version: 1, reason: 'x' }, 'reason', 5000, 'required'),
  },
  'progress-actions.zReportYear': {
    valid: numeric(fc.integer({ min: 2021, max: 2100 })),
    check: (out, input) => expect(out).toBe(Number(input)),
    boundaries: intBoundaries(2021, 2100),
  },
  // --- progress.ts
  'progress.ZIndicatorsSchema': {
    valid: indicators,
    check: (out, input) => {
      for (const d of INDICATORS) {
        const v = out[d.key];
        if (v === null || v === undefined) continue;
        if (d.kind === 'boolean') expect(typeof v).toBe('boolean');
        else if (d.kind === 'text') expect(v).toBe(String(input[d.key]).trim());
        else {
          expect(Number.isFinite(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(d.min ?? -Infinity);
          expect(v).toBeLessThanOrEqual(d.max ?? Infinity);
          if (d.kind === 'count') expect(Number.isInteger(v)).toBe(true);
        }
      }
    },
    boundaries: [
      { name: 'unknown indicator', input: { no_such_indicator: '1' }, ok: false },
      { name: '__proto__ as an own key', input: JSON.parse('{"__proto__": {"polluted": 1}}'), ok: false },
      { name: 'money: at max', input: { service_budget_eur: '1000000000' }, ok: true },
      { name: 'money: above max', input: { service_budget_eur: '1000000000.01' }, ok: false, message: 'validation.atMost|max=1000000000' },
      { name: 'money: -0 is zero', input: { service_budget_eur: '-0' }, ok: true },
      { name: 'money: Infinity', input: { service_budget_eur: 'Infinity' }, ok: false, message: 'secretaryYear.numberFormat' },
      { name: 'money: 1e309', input: { service_budget_eur: '1e309' }, ok: false, message: 'secretaryYear.numberFormat' },
      { name: 'money: Infinity as a number', input: { service_budget_eur: Infinity }, ok: false, message: 'validation.number' },
      { name: 'money: 1 234,5 (Latvian)', input: { service_budget_eur: '1 234,5' }, ok: true, check: (o) => expect(o.service_budget_eur).toBe(1234.5) },
      { name: 'money: 1.234 (ambiguous)', input: { service_budget_eur: '1.234' }, ok: false, message: 'secretaryYear.numberAmbiguous' },
      { name: 'fte: three decimals', input: { service_staff_fte: '1,234' }, ok: false, message: 'secretaryYear.decimals|max=2' },
      { name: 'pay: at min', input: { avg_gross_monthly_pay_eur: 300 }, ok: true },
      { name: 'pay: below min', input: { avg_gross_monthly_pay_eur: 299.99 }, ok: false, message: 'validation.atLeast|min=300' },
      { name: 'count: fraction', input: { multidisciplinary_case_teams: '1.5' }, ok: false, message: 'validation.integer' },
      { name: 'text: 1000 chars', input: { premises_improved_what: 'x'.repeat(1000) }, ok: true },
      { name: 'text: 1001 chars', input: { premises_improved_what: 'x'.repeat(1001) }, ok: false, message: 'validation.tooLong|max=1000' },
      { name: 'text: whitespace only is blank', input: { premises_improved_what: '   ' }, ok: true, check: (o) => expect(o.premises_improved_what).toBeNull() },
      { name: 'text: NUL', input: { premises_improved_what: 'a\u0000' }, ok: false, message: 'validation.invalid' },
      { name: 'boolean: maybe', input: { supervision_available: 'maybe' }, ok: false, message: 'validation.yesNo' },
      {
        name: 'every indicator blank',
        input: Object.fromEntries(INDICATORS.map((d) => [d.key, ''])),
        ok: true,
        check: (o) => INDICATORS.forEach((d) => expect(o[d.key]).toBeNull()),
      },
    ],
  },
  'progress.ZActionSchema': {
    valid: action,
    check: (out, input) => {
      trimmed(out.title, input.title, 300);
      if (input.budgetEur !== undefined && input.budgetEur !== '' && input.budgetEur !== null) expect(out.budgetEur).toBe(numberOf(input.budgetEur));
      for (const k of ['plannedOn', 'doneOn']) if (input[k] === '') expect(out[k]).toBeNull();
    },
    boundaries: [
      ...textBoundaries({ title: 'x', status: 'DONE' }, 'title', 300, 'required').filter((b) => !/missing|null/.test(b.name)),
      { name: 'budget: 1e9', input: { title: 'x', status: 'DONE', budgetEur: '1000000000' }, ok: true },
      { name: 'budget: above 1e9', input: { title: 'x', status: 'DONE', budgetEur: 1_000_000_001 }, ok: false, message: 'validation.atMost|max=1000000000' },
      { name: 'budget: negative', input: { title: 'x', status: 'DONE', budgetEur: -1 }, ok: false, message: 'validation.notNegative' },
      { name: 'budget: blank', input: { title: 'x', status: 'DONE', budgetEur: '' }, ok: true, check: (o) => expect(o.budgetEur).toBeNull() },
      ...dateBoundaries((v) => ({ title: 'x', status: 'DONE', plannedOn: v })),
      { name: 'date: year 0', input: { title: 'x', status: 'DONE', doneOn: '0000-01-01' }, ok: false, message: 'validation.date' },
      { name: 'status: unknown', input: { title: 'x', status: 'done' }, ok: false, message: 'validation.invalid' },
    ],
  },
  'progress.ZCommitmentSectionSchema': {
    valid: section,
    check: (out, input) => {
      expect(Array.isArray(out.actions)).toBe(true);
      expect(out.actions).toHaveLength(input.actions?.length ?? 0);
    },
    boundaries: [
      { name: '100 actions', input: { status: 'ACHIEVED', actions: Array.from({ length: 100 }, () => ({ title: 'x', status: 'DONE' })) }, ok: true },
      { name: '101 actions', input: { status: 'ACHIEVED', actions: Array.from({ length: 101 }, () => ({ title: 'x', status: 'DONE' })) }, ok: false },
      { name: 'narrative: 10 000 chars', input: { status: 'ACHIEVED', narrative: 'x'.repeat(10_000) }, ok: true },
      { name: 'narrative: 10 001 chars', input: { status: 'ACHIEVED', narrative: 'x'.repeat(10_001) }, ok: false, message: 'validation.tooLong|max=10000' },
      { name: 'narrative: empty', input: { status: 'ACHIEVED', narrative: '' }, ok: true, check: (o) => expect(o.narrative).toBeNull() },
      { name: 'narrative: NUL', input: { status: 'ACHIEVED', narrative: 'a\u0000b' }, ok: false, message: 'validation.invalid' },
      { name: 'narrative: lone surrogate', input: { status: 'ACHIEVED', narrative: '\ud83d' }, ok: false, message: 'validation.invalid' },
      { name: 'narrative: emoji (a surrogate pair)', input: { status: 'ACHIEVED', narrative: '😀' }, ok: true },
      { name: 'actions: not an array', input: { status: 'ACHIEVED', actions: 'x' }, ok: false },
    ],
  },
  'progress.ZReportDraftSchema': {
    valid: fc.record({ version, commitments: fc.record(Object.fromEntries(COMMITMENT_KEYS.map((k) => [k, section]))), indicators }),
    check: (out, input) => expect(out.version).toBe(Number(input.version)),
    boundaries: [
      { name: 'a whole draft', input: draft, ok: true },
      { name: 'a commitment missing', input: { ...draft, commitments: { resources: draftSection, staff: draftSection } }, ok: false },
      { name: 'version 0', input: { ...draft, version: 0 }, ok: false },
      { name: 'indicators: null', input: { ...draft, indicators: null }, ok: false },
    ],
  },
  'progress.ZReportTypedDraftSchema': {
    valid: fc.record({
      version,
      commitments: fc.record(
        Object.fromEntries(
          COMMITMENT_KEYS.map((k) => [
            k,
            fc.record({
              status: fc.constantFrom('NOT_STARTED', 'IN_PROGRESS', 'ACHIEVED'),
              narrative: fc.string({ maxLength: 300 }).filter(isStorableText),
              actions: fc.array(
                fc.record({
                  title: fc.string({ maxLength: 400 }).filter(isStorableText),
                  status: fc.constantFrom('PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED'),
                  plannedOn: fc.string({ maxLength: 30 }).filter(isStorableText),
                  doneOn: fc.string({ maxLength: 30 }).filter(isStorableText),
                  budgetEur: fc.string({ maxLength: 30 }).filter(isStorableText),
                }),
                { maxLength: 3 },
              ),
            }),
          ]),
        ),
      ),
      indicators: fc.record(
        Object.fromEntries(
          INDICATORS.map((d) => [d.key, fc.oneof(fc.string({ maxLength: 40 }).filter(isStorableText), fc.constantFrom<unknown>('42,5', '1 234,5', 'x', ''))]),
        ),
        { requiredKeys: [] },
      ),
    }),
    // Note: anything typed is kept as typed, whether or not it is a valid value.
    check: (out, input) => {
      expect(out.version).toBe(Number(input.version));
      for (const k of COMMITMENT_KEYS) expect(out.commitments[k].narrative).toBe(input.commitments[k].narrative);
      for (const [k, v] of Object.entries(input.indicators)) expect(out.indicators[k]).toBe(v);
    },
    boundaries: [
      { name: 'a whole draft', input: draft, ok: true },
      {
        name: 'an invalid value is kept as typed',
        input: { ...draft, indicators: { service_staff_fte: '42,5 slodzes' } },
        ok: true,
        check: (o) => expect(o.indicators.service_staff_fte).toBe('42,5 slodzes'),
      },
      {
        name: 'a number from a program becomes its text',
        input: { ...draft, indicators: { service_staff_fte: 42.5, supervision_available: true } },
        ok: true,
        check: (o) => expect(o.indicators).toMatchObject({ service_staff_fte: '42.5', supervision_available: 'yes' }),
      },
      { name: 'unknown indicator', input: { ...draft, indicators: { no_such: '1' } }, ok: false },
      { name: 'a NUL is refused', input: { ...draft, indicators: { premises_improved_what: 'a\u0000' } }, ok: false, message: 'validation.invalid' },
      {
        name: 'title: 2001 chars',
        input: { ...draft, commitments: { ...draft.commitments, staff: { ...draftSection, actions: [{ title: 'x'.repeat(2001), status: 'DONE' }] } } },
        ok: false,
        message: 'validation.tooLong|max=2000',
      },
      {
        name: 'status: unknown',
        input: { ...draft, commitments: { ...draft.commitments, staff: { ...draftSection, status: 'DONE' } } },
        ok: false,
        message: 'validation.invalid',
      },
      { name: 'version 0', input: { ...draft, version: 0 }, ok: false },
    ],
  },
  // --- password-reset.ts
  'password-reset.ZPasswordResetRequestSchema': {
    valid: fc.record({ email }),
    check: (out, input) => expect(out.email).toBe(input.email.trim().toLowerCase()),
    boundaries: [
      { name: 'email: empty', input: { email: '' }, ok: false, message: 'validation.required' },
      { name: 'email: not an address', input: { email: 'nav adrese' }, ok: false, message: 'validation.email' },
      { name: 'email: upper case', input: { email: ' Sekretars@Pasvaldiba.LV ' }, ok: true, check: (o) => expect(o.email).toBe('sekretars@pasvaldiba.lv') },
    ],
  },
  'password-reset.ZPasswordResetSchema': {
    valid: fc
      .record({
        token: fc.stringMatching(/^[A-Za-z0-9_-]{20,200}$/),
        password: fc.string({ unit: 'grapheme', minLength: 12, maxLength: 60 }).filter((p) => p.length >= 12 && p.length <= 200),
      })
      .map((v) => ({ ...v, passwordConfirm: v.password })),
    check: (out, input) => expect(out.password).toBe(input.password),
    boundaries: [
      {
        name: 'password: 11 chars',
        input: { token: 't'.repeat(43), password: 'x'.repeat(11), passwordConfirm: 'x'.repeat(11) },
        ok: false,
        message: 'validation.tooShort|min=12',
      },
      {
        name: 'password: 201 chars',
        input: { token: 't'.repeat(43), password: 'x'.repeat(201), passwordConfirm: 'x'.repeat(201) },
        ok: false,
        message: 'validation.tooLong|max=200',
      },
      {
        name: 'passwords differ',
        input: { token: 't'.repeat(43), password: 'x'.repeat(12), passwordConfirm: 'y'.repeat(12) },
        ok: false,
        message: 'validation.passwordsDiffer',
      },
      {
        name: 'token: 19 chars',
        input: { token: 't'.repeat(19), password: 'x'.repeat(12), passwordConfirm: 'x'.repeat(12) },
        ok: false,
        message: 'validation.invalid',
      },
      {
        name: 'token: 201 chars',
        input: { token: 't'.repeat(201), password: 'x'.repeat(12), passwordConfirm: 'x'.repeat(12) },
        ok: false,
        message: 'validation.invalid',
      },
    ],
  },
  // --- notifications.ts
  'notifications.ZSubmissionMailSchema': {
    valid: fc.record({ mode: fc.constantFrom('EVENT', 'DIGEST', 'NONE') }),
    check: (out, input) => expect(out.mode).toBe(input.mode),
    boundaries: [
      { name: 'mode: lower case', input: { mode: 'event' }, ok: false, message: 'validation.invalid' },
      { name: 'mode: missing', input: {}, ok: false, message: 'validation.invalid' },
    ],
  },
  // --- number.ts
  'number.zLocaleNumber': {
    valid: fc.oneof(lvNumber(cents(-1e9, 1e9)), fc.constantFrom<unknown>('', null, undefined)),
    check: (out, input) => expect(out).toBe(input === '' || input === null || input === undefined ? null : numberOf(input)),
    boundaries: [
      { name: '42,5', input: '42,5', ok: true, check: (o) => expect(o).toBe(42.5) },
      { name: '1 234,5 with NBSP', input: '1\u00a0234,5', ok: true, check: (o) => expect(o).toBe(1234.5) },
      { name: '1.234 is ambiguous', input: '1.234', ok: false, message: 'secretaryYear.numberAmbiguous' },
      { name: 'letters', input: 'abc', ok: false, message: 'secretaryYear.numberFormat' },
      { name: 'NaN as a number', input: Number.NaN, ok: false, message: 'validation.number' },
      { name: 'an object', input: {}, ok: false, message: 'validation.number' },
      { name: 'blank', input: '   ', ok: true, check: (o) => expect(o).toBeNull() },
    ],
  },
  // --- day-input.ts
  'day-input.zTypedDay': {
    valid: day('2000-01-01', '2100-12-31').chain((d) =>
      fc.constantFrom(d, `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`, `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}.`),
    ),
    check: (out) => expect(out).toMatch(/^\d{4}-\d{2}-\d{2}$/),
    boundaries: [
      ...dateBoundaries((v) => v),
      { name: 'Latvian form', input: '31.03.2024', ok: true, check: (o) => expect(o).toBe('2024-03-31') },
      { name: 'Latvian form, no such day', input: '30.02.2024', ok: false, message: 'validation.date' },
      { name: 'US form', input: '03/31/2024', ok: false, message: 'validation.date' },
    ],
  },
  // --- public.ts
  'public.ZHomeQuerySchema': {
    valid: fc.record(
      {
        term: optional(termSlug),
        q: optional(text(100, 0)),
        status: optional(fc.constantFrom('VERIFIED', 'SUBMITTED', 'WITHDRAWN', 'PREVIOUS', 'NONE')),
        type: optional(fc.constantFrom('STATE_CITY', 'MUNICIPALITY')),
        sort: optional(fc.constantFrom('name', 'status', 'type', 'population')),
        dir: optional(fc.constantFrom('asc', 'desc')),
      },
      { requiredKeys: [] },
    ),
    check: (out, input) => {
      expect(out.sort).toBe(input.sort ?? 'name');
      if (input.q !== undefined) expect(out.q).toBe(input.q.trim());
    },
    totalOnObjects: true,
    boundaries: [
      { name: 'q: 100 chars', input: { q: 'x'.repeat(100) }, ok: true, check: (o) => expect(o.q).toHaveLength(100) },
      { name: 'q: 101 chars is ignored', input: { q: 'x'.repeat(101) }, ok: true, check: (o) => expect(o.q).toBeUndefined() },
      { name: 'q: whitespace only', input: { q: '   ' }, ok: true, check: (o) => expect(o.q).toBe('') },
      {
        name: 'bad values fall back',
        input: { term: '../x', sort: "1' OR '1'='1", dir: 'sideways' },
        ok: true,
        check: (o) => expect(o).toMatchObject({ term: undefined, sort: 'name', dir: 'asc' }),
      },
    ],
  },
  // --- reporting.ts
  'reporting.ZPeriodSchema': {
    valid: fc.record({ year: numeric(fc.integer({ min: 2021, max: 2100 })), dueOn: day('2021-01-01', '2101-12-31') }),
    check: (out, input) => {
      expect(out.year).toBe(Number(input.year));
      expect(out.dueOn).toBe(input.dueOn);
    },
    boundaries: [
      { name: 'year 2021', input: { year: 2021, dueOn: '2022-03-31' }, ok: true },
      { name: 'year 2020', input: { year: 2020, dueOn: '2022-03-31' }, ok: false, message: 'validation.atLeast|min=2021' },
      { name: 'year 2101', input: { year: '2101', dueOn: '2022-03-31' }, ok: false, message: 'validation.atMost|max=2100' },
      { name: 'year: fraction', input: { year: 2024.5, dueOn: '2022-03-31' }, ok: false, message: 'validation.integer' },
      { name: 'year: empty', input: { year: '', dueOn: '2022-03-31' }, ok: false },
      { name: 'year: out of int range', input: { year: '99999999999999999999', dueOn: '2022-03-31' }, ok: false },
      { name: 'dueOn: empty', input: { year: 2024, dueOn: '' }, ok: false, message: 'validation.date' },
      { name: 'dueOn: year 0', input: { year: 2024, dueOn: '0000-01-01' }, ok: false, message: 'validation.date' },
      ...dateBoundaries((v) => ({ year: 2024, dueOn: v })),
    ],
  },
  'reporting.ZLegalNormSchema': {
    valid: fc.record({
      validFrom: day('1990-01-01', '2100-12-31'),
      value: lvNumber(fc.integer({ min: 1, max: 100_000 }).map((x) => x / 1000)),
      citation: text(500),
      sourceUrl: fc.webUrl({ validSchemes: ['https'] }).filter((u) => u.length <= 500),
    }),
    check: (out, input) => {
      expect(out.value).toBe(numberOf(input.value));
      trimmed(out.citation, input.citation, 500);
    },
    boundaries: [
      ...textBoundaries(norm, 'citation', 500, 'required'),
      { name: 'value: 100', input: { ...norm, value: '100' }, ok: true },
      { name: 'value: 100.01', input: { ...norm, value: 100.01 }, ok: false, message: 'validation.atMost|max=100' },
      { name: 'value: 0', input: { ...norm, value: 0 }, ok: false, message: 'validation.notNegative' },
      { name: 'sourceUrl: empty', input: { ...norm, sourceUrl: '' }, ok: false, message: 'validation.invalid' },
      { name: 'sourceUrl: javascript: (it becomes a link)', input: { ...norm, sourceUrl: 'javascript:alert(1)' }, ok: false, message: 'validation.invalid' },
      { name: 'sourceUrl: http', input: { ...norm, sourceUrl: 'http://likumi.lv/ta/id/1' }, ok: true },
      { name: 'sourceUrl: NUL', input: { ...norm, sourceUrl: 'https://x.lv/a\u0000' }, ok: false, message: 'validation.invalid' },
      { name: 'sourceUrl: 501 chars', input: { ...norm, sourceUrl: `https://x.lv/${'a'.repeat(488)}` }, ok: false },
      ...dateBoundaries((v) => ({ ...norm, validFrom: v })),
    ],
  },
  // --- official-data.ts
  'official-data.ZOfficialSourceSchema': {
    valid: fc.record({
      fileName: text(200),
      tableCode: fc.stringMatching(/^[A-Za-z0-9_-]{2,40}$/),
      retrievedOn: day('1990-01-01', '2100-12-31'),
      url: fc.webUrl({ validSchemes: ['https'] }).filter((u) => u.length <= 500),
    }),
    check: (out, input) => {
      expect(out.tableCode).toBe(input.tableCode.toUpperCase());
      expect(out.retrievedOn).toBe(input.retrievedOn);
      trimmed(out.fileName, input.fileName, 200);
    },
    boundaries: [
      ...textBoundaries(officialSource, 'fileName', 200, 'required'),
      { name: 'tableCode: lower case is upper-cased', input: { ...officialSource, tableCode: 'irs051' }, ok: true },
      { name: 'tableCode: one character', input: { ...officialSource, tableCode: 'I' }, ok: false, message: 'officialData.tableCodeInvalid' },
      { name: 'tableCode: a slash', input: { ...officialSource, tableCode: 'IRS/051' }, ok: false, message: 'officialData.tableCodeInvalid' },
      { name: 'url: http (not https)', input: { ...officialSource, url: 'http://data.stat.gov.lv/' }, ok: false, message: 'officialData.urlInvalid' },
      { name: 'url: javascript:', input: { ...officialSource, url: 'javascript:alert(1)' }, ok: false, message: 'officialData.urlInvalid' },
      { name: 'url: empty', input: { ...officialSource, url: '' }, ok: false, message: 'officialData.urlInvalid' },
      { name: 'url: 501 chars', input: { ...officialSource, url: `https://x.lv/${'a'.repeat(488)}` }, ok: false },
      ...dateBoundaries((v) => ({ ...officialSource, retrievedOn: v })),
    ],
  },
  // --- terms.ts
  'terms.ZOpenTermSchema': {
    valid: fc.record({ confirm: fc.constantFrom<unknown>('on', true, 'true') }),
    check: (out, input) => expect(out.confirm).toBe(input.confirm),
    boundaries: [
      { name: 'missing', input: {}, ok: false, message: 'terms.confirmRequired' },
      { name: 'off', input: { confirm: 'off' }, ok: false, message: 'terms.confirmRequired' },
      { name: 'false', input: { confirm: false }, ok: false, message: 'terms.confirmRequired' },
      { name: 'ON', input: { confirm: 'ON' }, ok: false, message: 'terms.confirmRequired' },
    ],
  },
  // --- users.ts
  'users.zSlug': {
    valid: fc.tuple(WS, slug, WS).map(([a, s, b]) => `${a}${s}${b}`),
    check: (out, input) => expect(out).toBe(input.trim()),
    boundaries: [
      { name: '80 chars', input: 'a'.repeat(80), ok: true },
      { name: '81 chars', input: 'a'.repeat(81), ok: false, message: 'validation.tooLong|max=80' },
      { name: 'empty', input: '', ok: false, message: 'validation.required' },
      { name: 'whitespace', input: '  ', ok: false, message: 'validation.required' },
      { name: 'Unicode', input: 'ķekava', ok: false, message: 'validation.invalid' },
    ],
  },
  'common.zDay': {
    valid: fc.tuple(WS, day('1000-01-01', '9999-12-31'), WS).map(([a, d, b]) => `${a}${d}${b}`),
    check: (out, input) => expect(out).toBe(input.trim()),
    boundaries: [
      { name: 'empty', input: '', ok: false, message: 'validation.date' },
      { name: 'year 0', input: '0000-01-01', ok: false, message: 'validation.date' },
      { name: 'first day of year 1', input: '0001-01-01', ok: true },
      ...dateBoundaries((v) => v),
    ],
  },
  'users.ZUserActionSchema': {
    valid: fc.record({ version: blankable(version) }, { requiredKeys: [] }),
    check: (out, input) =>
      expect(out.version).toBe(input.version === undefined || input.version === '' || input.version === null ? undefined : Number(input.version)),
    boundaries: [
      { name: 'empty body', input: {}, ok: true },
      { name: 'blank version is no version', input: { version: ' ' }, ok: true, check: (o) => expect(o.version).toBeUndefined() },
      ...intBoundaries(1, 1_000_000, (v) => ({ version: v })).filter((b) => b.name !== 'empty' && b.name !== 'whitespace'),
    ],
  },
  'users.ZMoveSecretarySchema': {
    valid: fc.record({ municipalitySlug: slug, version: blankable(version) }, { requiredKeys: ['municipalitySlug'] }),
    check: (out, input) => expect(out.municipalitySlug).toBe(input.municipalitySlug.trim()),
    boundaries: [
      { name: 'slug: missing', input: {}, ok: false, message: 'validation.required' },
      { name: 'slug: 81 chars', input: { municipalitySlug: 'a'.repeat(81) }, ok: false, message: 'validation.tooLong|max=80' },
      { name: 'slug: whitespace', input: { municipalitySlug: ' ' }, ok: false, message: 'validation.required' },
      { name: 'version: 0', input: { municipalitySlug: 'riga', version: 0 }, ok: false, message: 'validation.invalid' },
    ],
  },
  'users.ZUserFilterSchema': {
    valid: fc.record(
      {
        role: blankable(fc.constantFrom('SECRETARY', 'STAFF', 'ADMIN')),
        municipality: blankable(slug),
        active: blankable(fc.constantFrom('active', 'inactive')),
        q: blankable(text(100, 0)),
      },
      { requiredKeys: [] },
    ),
    check: (out, input) => {
      // Empty or whitespace only is no filter.
      if (typeof input.q === 'string') expect(out.q).toBe(input.q.trim() === '' ? undefined : input.q.trim());
      if (input.role === '' || input.role === null) expect(out.role).toBeUndefined();
    },
    boundaries: [
      { name: 'q: 100 chars', input: { q: 'x'.repeat(100) }, ok: true },
      { name: 'q: 101 chars', input: { q: 'x'.repeat(101) }, ok: false, message: 'validation.tooLong|max=100' },
      { name: 'q: repeated (array)', input: { q: ['a', 'b'] }, ok: false },
      { name: 'q: NUL', input: { q: 'a\u0000' }, ok: false, message: 'validation.invalid' },
      { name: 'role: unknown', input: { role: 'ROOT' }, ok: false, message: 'validation.invalid' },
      { name: 'everything blank', input: { role: '', municipality: '', active: '', q: '' }, ok: true },
    ],
  },
  'users.ZAuditFilterSchema': {
    valid: fc.record(
      {
        actorId: blankable(fc.stringMatching(/^[a-z0-9]{1,64}$/)),
        actorEmail: blankable(text(254, 0)),
        action: blankable(fc.stringMatching(/^[a-z][a-z0-9.-]{0,79}$/)),
        municipalitySlug: blankable(slug),
        from: blankable(day('2021-01-01', '2023-12-31')),
        to: blankable(day('2024-01-01', '2030-12-31')),
        page: optional(numeric(fc.integer({ min: 1, max: 100_000 }))),
      },
      { requiredKeys: [] },
    ),
    check: (out, input) => {
      expect(out.page).toBe(input.page === undefined ? 1 : Number(input.page));
      if (typeof input.actorEmail === 'string' && input.actorEmail.trim() !== '') expect(out.actorEmail).toBe(input.actorEmail.trim().toLowerCase());
    },
    boundaries: [
      { name: 'from after to', input: { from: '2024-02-01', to: '2024-01-31' }, ok: false, message: 'users.auditRangeInvalid' },
      { name: 'from = to', input: { from: '2024-02-01', to: '2024-02-01' }, ok: true },
      { name: 'actorId: 64 chars', input: { actorId: 'a'.repeat(64) }, ok: true },
      { name: 'actorId: 65 chars', input: { actorId: 'a'.repeat(65) }, ok: false },
      { name: 'actorEmail: 255 chars', input: { actorEmail: 'a'.repeat(255) }, ok: false, message: 'validation.tooLong|max=254' },
      { name: 'action: 81 chars', input: { action: 'a'.repeat(81) }, ok: false, message: 'validation.tooLong|max=80' },
      { name: 'actorEmail: NUL', input: { actorEmail: 'a\u0000@b.lv' }, ok: false, message: 'validation.invalid' },
      { name: 'page: bad falls back to 1', input: { page: '-5' }, ok: true, check: (o) => expect(o.page).toBe(1) },
      { name: 'page: huge falls back to 1', input: { page: '99999999999999999999' }, ok: true, check: (o) => expect(o.page).toBe(1) },
      { name: 'from: no such day', input: { from: '2024-02-30' }, ok: false, message: 'validation.date' },
    ],
  },
};

// ---------------------------------------------------------------- the tests

describe('zod schemas: property-based tests', () => {
  it('every exported schema in lib/schemas has a property spec (and every spec a schema)', () => {
    stats.properties += 1;
    expect(discovered.size).toBeGreaterThan(0);
    const missing = [...discovered.keys()].filter((k) => !(k in SPECS));
    const stale = Object.keys(SPECS).filter((k) => !discovered.has(k));
    expect(missing, 'schemas without properties: add them to SPECS').toEqual([]);
    expect(stale, 'SPECS for schemas that no longer exist').toEqual([]);
  });

  for (const [key, spec] of Object.entries(SPECS)) {
    const schema = () => {
      const s = discovered.get(key);
      if (!s) throw new Error(`${key} is not exported any more`);
      return s;
    };

    describe(key, () => {
      it('(a, b) never throws for arbitrary input; every issue is a known i18n key', () =>
        property(key, () => {
          const s = schema();
          const check = counted((input: unknown) => {
            const r = s.safeParse(input);
            if (!r.success) expectUserFacingIssues(r.error, input);
            expect(Object.prototype).not.toHaveProperty('polluted');
          });
          fc.assert(fc.property(anyInput, check), { numRuns: RUNS_ANYTHING, seed: SEED, includeErrorInReport: true });
          for (const v of NASTY_VALUES) check(v);
        }));

      it('(a, b) valid inputs with one part replaced, a key added or removed: no throw, known keys only', () =>
        property(key, () => {
          const s = schema();
          fc.assert(
            fc.property(
              shapedFrom(spec.valid),
              counted((input) => {
                const r = s.safeParse(input);
                if (!r.success) expectUserFacingIssues(r.error, input);
                expect(Object.prototype).not.toHaveProperty('polluted');
              }),
            ),
            { numRuns: RUNS_SHAPED, seed: SEED + 1, includeErrorInReport: true },
          );
        }));

      it('(c) generated valid inputs parse; the output keeps the invariants and is stable', () =>
        property(key, () => {
          const s = schema();
          fc.assert(
            fc.property(
              spec.valid,
              counted((input: Out) => {
                const r = s.safeParse(input);
                if (!r.success)
                  throw new Error(`valid input refused: ${preview(input)} → ${JSON.stringify(r.error.issues.map((i) => [i.path.join('.'), i.message]))}`);
                spec.check?.(r.data, input);
                if (spec.idempotent !== false) {
                  const again = s.safeParse(r.data);
                  expect(again.success, `output refused on a second parse: ${preview(r.data)}`).toBe(true);
                  expect(again.data).toEqual(r.data);
                }
              }),
            ),
            { numRuns: RUNS_VALID, seed: SEED + 2, includeErrorInReport: true },
          );
          if (spec.totalOnObjects) {
            fc.assert(
              fc.property(
                fc.dictionary(fc.string({ unit: 'binary', maxLength: 10 }), nastyValue, { maxKeys: 8 }),
                counted((input) => expect(s.safeParse(input).success).toBe(true)),
              ),
              { numRuns: RUNS_VALID, seed: SEED + 3, includeErrorInReport: true },
            );
          }
        }));

      it('(d) boundary values', () =>
        property(key, () => {
          const s = schema();
          expect(spec.boundaries.length, 'give at least one boundary case').toBeGreaterThan(0);
          const wrong: string[] = [];
          for (const b of spec.boundaries) {
            stats.inputs += 1;
            const r = s.safeParse(b.input);
            if (r.success !== b.ok) {
              wrong.push(
                `${b.name}: expected ${b.ok ? 'success' : 'failure'}, got ${r.success ? `success ${preview(r.data)}` : JSON.stringify(r.error.issues.map((i) => [i.path.join('.'), i.message]))}`,
              );
              continue;
            }
            if (!r.success) {
              expectUserFacingIssues(r.error, b.input);
              if (b.message && !r.error.issues.some((i) => i.message === b.message))
                wrong.push(`${b.name}: expected message ${b.message}, got ${JSON.stringify(r.error.issues.map((i) => i.message))}`);
            } else {
              try {
                b.check?.(r.data);
              } catch (error) {
                wrong.push(`${b.name}: ${(error as Error).message}`);
              }
            }
          }
          if (wrong.length > 0) throw new Error(`${wrong.length} boundary case(s) wrong:\n${wrong.join('\n')}`);
        }));
    });
  }
});

/** Generators of valid values and the per-schema spec shape of the schema property tests (tests/unit/schemas/properties.test.ts, parts (c) and (d)). */
import fc from 'fast-check';

import { expect } from 'vitest';
import { isStorableText } from '@/lib/schemas/common';
import { INDICATORS, type IndicatorDef } from '@/lib/progress/indicators';
import { parseLocaleNumber } from '@/lib/schemas/number';

export const WS = fc.constantFrom('', ' ', '  ', '\t', '\n', '\u00a0', '\u2003', '\ufeff', ' \r\n ');
/** Text whose trimmed length is within [min, max] (UTF-16 units, as zod counts), with whitespace around. */
export function text(max: number, min = 1): fc.Arbitrary<string> {
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
export const asciiWord = fc.stringMatching(/^[A-Za-z0-9_+-]{1,12}$/);
export const email: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(asciiWord, { minLength: 1, maxLength: 3 }),
    fc.array(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9-]{0,10}$/), { minLength: 1, maxLength: 3 }),
    fc.stringMatching(/^[A-Za-z]{2,6}$/),
    WS,
    WS,
  )
  .map(([local, labels, tld, a, b]) => `${a}${local.join('.')}@${labels.join('.')}.${tld}${b}`)
  .filter((s) => !/[-.]@/.test(s) && s.trim().length <= 254);
export const TODAY = new Date().toISOString().slice(0, 10);
export const day = (min: string, max: string) =>
  fc.date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
export const slug = fc.stringMatching(/^[a-z0-9-]{1,80}$/);
export const termSlug = fc.tuple(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1000, max: 9999 })).map(([a, b]) => `${a}-${b}`);
/** A number, or its text as a form sends it. */
export const numeric = (n: fc.Arbitrary<number>) => n.chain((x) => fc.constantFrom<unknown>(x, String(x), ` ${x} `));
export const version = numeric(fc.integer({ min: 1, max: 1_000_000 }));
/** A number as a person in Latvia types it (issue 13): decimal comma, grouped with (non-breaking) spaces, or as a program sends it. */
export const lvNumber = (n: fc.Arbitrary<number>) =>
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
export const cents = (min: number, max: number) => fc.integer({ min: Math.round(min * 100), max: Math.round(max * 100) }).map((x) => x / 100);
export const numberOf = (v: unknown): number => {
  if (typeof v === 'number') return v;
  const r = parseLocaleNumber(String(v));
  if (r.kind !== 'number') throw new Error(`not a number: ${String(v)}`);
  return r.value;
};
export const optional = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
export const blankable = <T>(a: fc.Arbitrary<T>) => fc.oneof(a, fc.constantFrom<unknown>('', null, undefined));
export const blankCase = <T>(a: fc.Arbitrary<T>) => fc.oneof(a, fc.constant(''));

export function indicatorValue(d: IndicatorDef): fc.Arbitrary<unknown> {
  if (d.kind === 'boolean') return fc.constantFrom<unknown>('yes', 'no', true, false, '', null, undefined);
  if (d.kind === 'text') return fc.oneof(text(d.max ?? 1000, 0), fc.constantFrom<unknown>('', undefined));
  const min = d.min ?? 0;
  const max = d.max ?? 1e9;
  const n = d.kind === 'count' ? fc.integer({ min, max }) : cents(min, max);
  return fc.oneof(lvNumber(n), fc.constantFrom<unknown>('', undefined));
}
export const indicators = fc.record(Object.fromEntries(INDICATORS.map((d) => [d.key, indicatorValue(d)])), { requiredKeys: [] });
export const action = fc.record(
  {
    title: text(300),
    status: fc.constantFrom('PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED'),
    plannedOn: optional(blankCase(day('2000-01-01', '2100-12-31'))),
    doneOn: optional(blankCase(day('2000-01-01', '2100-12-31'))),
    budgetEur: optional(blankable(lvNumber(cents(0, 1e9)))),
  },
  { requiredKeys: ['title', 'status'] },
);
export const section = fc.record(
  {
    status: fc.constantFrom('NOT_STARTED', 'IN_PROGRESS', 'ACHIEVED'),
    narrative: optional(blankable(fc.string({ unit: 'grapheme', maxLength: 2_000 }).filter(isStorableText))),
    actions: optional(fc.array(action, { maxLength: 3 })),
  },
  { requiredKeys: ['status'] },
);

// ---------------------------------------------------------------- per-schema specs

export type Out = any; // eslint-disable-line @typescript-eslint/no-explicit-any
export type Boundary = { name: string; input: unknown; ok: boolean; message?: string; check?: (out: Out) => void };
export type Spec = {
  valid: fc.Arbitrary<unknown>;
  /** Invariants of the output of a valid input. */
  check?: (out: Out, input: Out) => void;
  boundaries: Boundary[];
  /** Parsing the output again gives the same output (default true). */
  idempotent?: boolean;
  /** Never fails for an object input (query schemas that fall back to defaults). */
  totalOnObjects?: boolean;
};

export const trimmed = (out: unknown, input: unknown, max: number) => {
  expect(out).toBe(String(input).trim());
  expect((out as string).length).toBeGreaterThanOrEqual(1);
  expect((out as string).length).toBeLessThanOrEqual(max);
};
export const optTrimmed = (out: unknown, input: unknown, max: number) => {
  if (input === undefined) return expect(out).toBeUndefined();
  if (input === null || (input as string).trim() === '') return expect(out).toBeNull();
  expect(out).toBe((input as string).trim());
  expect((out as string).length).toBeLessThanOrEqual(max);
};

/** Boundaries of a text field of an object schema: exactly max, max+1, empty, whitespace only, Unicode. */
export function textBoundaries(base: Record<string, unknown>, field: string, max: number, mode: 'required' | 'optional' | 'untrimmed', min = 1): Boundary[] {
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
export function intBoundaries(min: number, max: number, wrap: (v: unknown) => unknown = (v) => v, message = 'validation.invalid'): Boundary[] {
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

export const decision = {
  councilBody: 'Tukuma novada dome',
  sessionDate: '2021-08-26',
  sessionType: 'REGULAR',
  decisionNumber: '12/3',
  signatoryName: 'Anna Bērziņa',
  signatoryRole: 'priekšsēdētāja',
};
export const invitationAccept = { token: 't'.repeat(43), name: 'Jānis Ozols', password: 'long enough password', passwordConfirm: 'long enough password' };
export const draftSection = { status: 'IN_PROGRESS', narrative: 'x', actions: [] };
export const draft = {
  version: 3,
  commitments: { resources: draftSection, staff: draftSection, cooperation: draftSection },
  indicators: { service_budget_eur: '1000' },
};
export const norm = { validFrom: '2030-01-01', value: 1, citation: 'MK noteikumi Nr. 1', sourceUrl: 'https://likumi.lv/ta/id/1' };
export const officialSource = {
  fileName: 'IRS051_20261203-101500.csv',
  tableCode: 'IRS051',
  retrievedOn: '2026-12-03',
  url: 'https://data.stat.gov.lv/pxweb/lv/OSP_PUB/START__POP__IR__IRS/IRS051/',
};
export const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

/** A well-formed day that is not in the calendar gets its own message ("Šāda datuma nav", QA s13), not "enter a date as …". */
export const dateBoundaries = (wrap: (v: unknown) => unknown, message = 'validation.date', notExist = 'validation.dateNotExist'): Boundary[] => [
  { name: 'leap day', input: wrap('2024-02-29'), ok: true },
  { name: 'no such day (Feb 29, 2023)', input: wrap('2023-02-29'), ok: false, message: notExist },
  { name: 'no such day (Feb 30)', input: wrap('2024-02-30'), ok: false, message: notExist },
  { name: 'no such day (Apr 31)', input: wrap('2024-04-31'), ok: false, message: notExist },
  { name: 'month 13', input: wrap('2024-13-01'), ok: false, message: notExist },
  { name: 'not zero-padded', input: wrap('2024-1-01'), ok: false, message },
  { name: 'five-digit year', input: wrap('20240-01-01'), ok: false, message },
  { name: 'with a time', input: wrap('2024-01-01T00:00:00Z'), ok: false, message },
];

/** Property specs of the schemas in lib/schemas/{password-reset.ts, notifications.ts, number.ts, day-input.ts, public.ts, reporting.ts} (tests/unit/schemas/properties.test.ts). */
import fc from 'fast-check';

import { expect } from 'vitest';

import {
  text,
  email,
  day,
  termSlug,
  numeric,
  lvNumber,
  cents,
  numberOf,
  optional,
  type Spec,
  trimmed,
  textBoundaries,
  norm,
  dateBoundaries,
} from './generators';

export const SETTINGS_SPECS: Record<string, Spec> = {
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
      { name: 'Latvian form, no such day', input: '30.02.2024', ok: false, message: 'validation.dateNotExist' },
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
      { name: 'dueOn: year 0', input: { year: 2024, dueOn: '0000-01-01' }, ok: false, message: 'validation.dateNotExist' },
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
};

/** Property specs of the schemas in lib/schemas/{dashboard.ts, opendata.ts, progress-actions.ts, progress.ts} (tests/unit/schemas/properties.test.ts). */
import fc from 'fast-check';

import { expect } from 'vitest';
import { isStorableText } from '@/lib/schemas/common';
import { INDICATORS, COMMITMENT_KEYS } from '@/lib/progress/indicators';

import {
  text,
  termSlug,
  numeric,
  version,
  numberOf,
  optional,
  indicators,
  action,
  section,
  type Spec,
  trimmed,
  textBoundaries,
  intBoundaries,
  draftSection,
  draft,
  dateBoundaries,
} from './generators';

export const PROGRESS_SPECS: Record<string, Spec> = {
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
      { name: 'date: year 0', input: { title: 'x', status: 'DONE', doneOn: '0000-01-01' }, ok: false, message: 'validation.dateNotExist' },
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
};

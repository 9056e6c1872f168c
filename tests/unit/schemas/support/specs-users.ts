/** Property specs of the schemas in lib/schemas/{official-data.ts, terms.ts, users.ts, common.zDay} (tests/unit/schemas/properties.test.ts). */
import fc from 'fast-check';

import { expect } from 'vitest';

import {
  WS,
  text,
  day,
  slug,
  numeric,
  version,
  optional,
  blankable,
  type Spec,
  trimmed,
  textBoundaries,
  intBoundaries,
  officialSource,
  dateBoundaries,
} from './generators';

export const USERS_SPECS: Record<string, Spec> = {
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
      { name: 'year 0', input: '0000-01-01', ok: false, message: 'validation.dateNotExist' },
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
      { name: 'from: no such day', input: { from: '2024-02-30' }, ok: false, message: 'validation.dateNotExist' },
    ],
  },
};

/** Property specs of the schemas in lib/schemas/{accession.ts, auth.ts, common.ts} (tests/unit/schemas/properties.test.ts). */
import fc from 'fast-check';

import { expect } from 'vitest';

import {
  WS,
  text,
  email,
  TODAY,
  day,
  slug,
  version,
  optional,
  type Spec,
  trimmed,
  optTrimmed,
  textBoundaries,
  intBoundaries,
  decision,
  invitationAccept,
  tomorrow,
  dateBoundaries,
} from './generators';

export const ACCESSION_AUTH_SPECS: Record<string, Spec> = {
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
};

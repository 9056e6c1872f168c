import { describe, expect, it } from 'vitest';
import { formatMoneyInput, formatNumberInput, normaliseNumberInput, parseLocaleNumber, zLocaleNumber } from '@/lib/schemas/number';
import { normaliseDayInput, zTypedDay } from '@/lib/schemas/day-input';
import { zSessionDate } from '@/lib/schemas/accession';
import { lookup } from '@/lib/i18n';
import { ZIndicatorsSchema, ZActionSchema } from '@/lib/schemas/progress';
import { ZLegalNormSchema } from '@/lib/schemas/reporting';

const NBSP = '\u00a0';
const NNBSP = '\u202f';
const value = (s: string) => {
  const r = parseLocaleNumber(s);
  return r.kind === 'number' ? r.value : r.kind;
};

describe('numbers as people in Latvia type them', () => {
  it.each([
    ['42,5', 42.5],
    ['42.5', 42.5],
    ['42', 42],
    ['0', 0],
    ['-0', 0],
    ['0,75', 0.75],
    [',5', 0.5],
    ['0.125', 0.125],
    ['1 234,5', 1234.5],
    [`1${NBSP}234,5`, 1234.5],
    [`1${NNBSP}234,5`, 1234.5],
    ['1\u2009234', 1234],
    ['12 345 678', 12345678],
    ['5 900 000', 5900000],
    ['5900000', 5900000],
    ['  42,5  ', 42.5],
    ['\t3,0\n', 3],
    ['1.234,5', 1234.5],
    ['1.234.567', 1234567],
    ['1.234.567,89', 1234567.89],
    ['1,234.5', 1234.5],
    ['1,234,567', 1234567],
    ['1 234.5', 1234.5],
    ['1234.5678', 1234.5678],
    ['1,234', 1.234],
    ['12,345', 12.345],
    ['-5', -5],
    ['\u22125', -5],
    ['+7', 7],
    ['- 5', -5],
    ['1450 €', 1450],
    ['1 450,00 €', 1450],
    ['1450EUR', 1450],
    ['€ 1 200', 1200],
    ['€1200', 1200],
    ['EUR 1200', 1200],
    [`€${NBSP}1${NBSP}234,50`, 1234.5],
    ['eur 12,5', 12.5],
    ['€ -5', -5],
    ['12,5 %', 12.5],
    [`1${NBSP}450,00${NBSP}€`, 1450],
    ['999999999999999', 999999999999999],
  ])('%j is %d', (input, expected) => expect(value(input)).toBe(expected));

  it.each([
    ['1.234', 'ambiguous'],
    ['12.345', 'ambiguous'],
    ['100.000', 'ambiguous'],
  ])('%j is ambiguous (dot: thousands or decimals?)', (input, expected) => expect(value(input)).toBe(expected));

  it.each(['', '   ', NBSP])('%j is blank (unknown, never zero)', (input) => expect(value(input)).toBe('blank'));

  it.each([
    'abc',
    '42,5,',
    '1 23',
    '12 34,5',
    '1234 567',
    '1,2,3',
    '1.2.3',
    '1,23,456',
    '1e5',
    '1E5',
    'Infinity',
    'NaN',
    '0x10',
    '--5',
    '5-',
    '1 234.567,5',
    '4 2',
    '42,',
    '42.',
    '.',
    ',',
    '1..2',
    '1,,2',
    '1.234,5.6',
    '1234567890123456',
    '١٢٣',
    '42,5 kg',
    '€',
    'EUR',
    '€ 1200 €',
    'EUR 1200 EUR',
    '% 12',
    '€ EUR 5',
    '1/2',
  ])('%j is refused', (input) => expect(value(input)).toBe('invalid'));

  it('formats back in lv-LV with non-breaking spaces, without rounding', () => {
    expect(formatNumberInput(1234.5, 'lv')).toBe(`1${NBSP}234,5`);
    expect(formatNumberInput('5900000', 'lv')).toBe(`5${NBSP}900${NBSP}000`);
    expect(formatNumberInput('0.125', 'lv')).toBe('0,125');
    expect(formatNumberInput(1234.5, 'en')).toBe('1,234.5');
    expect(formatNumberInput(null, 'lv')).toBe('');
    expect(normaliseNumberInput('1234,5', 'lv')).toBe(`1${NBSP}234,5`);
    expect(normaliseNumberInput('42,5 x', 'lv')).toBe('42,5 x');
  });

  it('money keeps its cents: "1 234,50" stays "1 234,50", whole euros stay whole', () => {
    expect(normaliseNumberInput('1 234,50', 'lv', true)).toBe(`1${NBSP}234,50`);
    expect(normaliseNumberInput('1234,5', 'lv', true)).toBe(`1${NBSP}234,50`);
    expect(normaliseNumberInput('€ 1 200', 'lv', true)).toBe(`1${NBSP}200`);
    expect(normaliseNumberInput('1234.5', 'en', true)).toBe('1,234.50');
    expect(formatMoneyInput('1234.50', 'lv')).toBe(`1${NBSP}234,50`);
    expect(formatMoneyInput('18000.00', 'lv')).toBe(`18${NBSP}000`);
    expect(formatMoneyInput(null, 'lv')).toBe('');
    // Not money: no trailing zero is invented.
    expect(normaliseNumberInput('1 234,50', 'lv')).toBe(`1${NBSP}234,5`);
  });

  it('what it writes, it reads back (round trip)', () => {
    for (const n of [0, 1, 42.5, 1234.5, 1_000_000, 999_999_999.99, 0.01, 12.34]) {
      expect(value(formatNumberInput(n, 'lv'))).toBe(n);
      expect(value(formatMoneyInput(n, 'lv'))).toBe(n);
    }
  });

  it('the schemas take typed numbers and give one clear error', () => {
    expect(ZIndicatorsSchema.parse({ service_staff_fte: '42,5', service_budget_eur: '1 234 567,89', joint_meetings_health: '6' })).toMatchObject({
      service_staff_fte: 42.5,
      service_budget_eur: 1234567.89,
      joint_meetings_health: 6,
    });
    const r = ZIndicatorsSchema.safeParse({ service_staff_fte: '42,555' });
    expect(r.success ? [] : r.error.issues.map((i) => i.message)).toEqual(['secretaryYear.decimals|max=2']);
    const amb = ZIndicatorsSchema.safeParse({ service_budget_eur: '1.234' });
    expect(amb.success ? [] : amb.error.issues.map((i) => i.message)).toEqual(['secretaryYear.numberAmbiguous']);
    const bad = ZIndicatorsSchema.safeParse({ avg_gross_monthly_pay_eur: 'daudz' });
    expect(bad.success ? [] : bad.error.issues.map((i) => i.message)).toEqual(['secretaryYear.numberFormat']);
    expect(ZActionSchema.parse({ title: 'x', status: 'DONE', budgetEur: '5 900 000', doneOn: '31.03.2024' })).toMatchObject({
      budgetEur: 5900000,
      doneOn: '2024-03-31',
    });
    expect(ZLegalNormSchema.shape.value.parse('0,5')).toBe(0.5);
    expect(zLocaleNumber.parse(3)).toBe(3);
  });

  it('dates typed the Latvian way become ISO days', () => {
    expect(normaliseDayInput('31.03.2024')).toBe('2024-03-31');
    expect(normaliseDayInput('1.3.2024.')).toBe('2024-03-01');
    expect(normaliseDayInput(' 2024-03-31 ')).toBe('2024-03-31');
    expect(normaliseDayInput('03/31/2024')).toBe('03/31/2024');
  });

  it('a well-formed day that does not exist says so (QA s13: "31.02.2026"), and the hint names no out-of-term example', () => {
    const issue = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues.map((i) => i.message);
    expect(issue(zSessionDate.safeParse('31.02.2026'))).toEqual(['validation.dateNotExist']);
    expect(issue(zTypedDay.safeParse('2026-02-31'))).toEqual(['validation.dateNotExist']);
    expect(issue(zSessionDate.safeParse('2026/02/28'))).toEqual(['validation.date']);
    expect(lookup('lv', 'validation.dateNotExist')).toBe('Šāda datuma nav (pārbaudiet dienu un mēnesi).');
    expect(lookup('lv', 'secretaryYear.dateHint')).toBe('Formāts GGGG-MM-DD (der arī DD.MM.GGGG).');
  });
});

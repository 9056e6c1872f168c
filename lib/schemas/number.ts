import { z } from 'zod';
import { msg } from './common';

/**
 * Numbers as people in Latvia type them, one parser for the browser (the
 * editor shows the error as you type) and the server (zod schemas):
 *
 * - decimal comma `42,5`; a dot decimal `42.5` where it cannot be a
 *   thousands separator;
 * - spaces, non-breaking spaces (U+00A0, what `Intl` lv-LV writes), narrow
 *   non-breaking and thin spaces as thousands separators, in groups of three
 *   (`1 234,5`, `1 234 567`);
 * - both separators at once (`1.234,5`, `1,234.5`): the last one is the
 *   decimal mark, the other groups thousands;
 * - a leading minus (also U+2212) or plus; a trailing `€` / `EUR` / `%`, or
 *   a leading `€` / `EUR` (`€ 1 200`, `€1200`, `EUR 1200`), not both.
 *
 * Refused, not guessed: `1.234` and `1,234.` style input where a dot could
 * group thousands (`ambiguous`), groups not of three (`1 23`), letters,
 * exponents (`1e5`), more than 15 significant digits.
 */
export type ParsedNumber = { kind: 'blank' } | { kind: 'number'; value: number; decimals: number } | { kind: 'invalid' } | { kind: 'ambiguous' };

const SPACES = /[\s\u00a0\u202f\u2009\u2007]/g;
const GROUP_SPACE = /[ \u00a0\u202f\u2009\u2007]/;

export function parseLocaleNumber(input: string): ParsedNumber {
  let text = input.replace(/^[\s\u00a0\u202f\u2009\u2007]+|[\s\u00a0\u202f\u2009\u2007]+$/g, '');
  if (text === '') return { kind: 'blank' };
  const unit = /[\s\u00a0\u202f\u2009\u2007]*(€|eur|%)$/i;
  if (unit.test(text)) text = text.replace(unit, '');
  else text = text.replace(/^(€|eur)[\s\u00a0\u202f\u2009\u2007]*(?=[-\u2212+0-9.,])/i, '');
  let sign = 1;
  if (/^[-\u2212+]/.test(text)) {
    sign = text[0] === '+' ? 1 : -1;
    text = text.slice(1).replace(/^[\s\u00a0\u202f\u2009\u2007]+/, '');
  }
  if (!/^[0-9., \u00a0\u202f\u2009\u2007]+$/.test(text) || (!/^[0-9]/.test(text) && !/^[.,][0-9]/.test(text))) return { kind: 'invalid' };
  if (/[., \u00a0\u202f\u2009\u2007]$/.test(text)) return { kind: 'invalid' };

  const commas = (text.match(/,/g) ?? []).length;
  const dots = (text.match(/\./g) ?? []).length;
  let decimalMark: ',' | '.' | null = null;
  let groupMark: ',' | '.' | null = null;
  if (commas > 0 && dots > 0) {
    decimalMark = text.lastIndexOf(',') > text.lastIndexOf('.') ? ',' : '.';
    groupMark = decimalMark === ',' ? '.' : ',';
    if ((decimalMark === ',' ? commas : dots) !== 1) return { kind: 'invalid' };
  } else if (commas > 0) {
    // Note: in Latvian the comma is the decimal mark; several commas can only be groups.
    if (commas === 1) decimalMark = ',';
    else groupMark = ',';
  } else if (dots > 0) {
    if (dots > 1) groupMark = '.';
    else {
      const [whole = '', fraction = ''] = text.split('.');
      // "1.234" is 1,234 to a Latvian reader and 1234 to a German one: ask.
      const couldBeGroup = fraction.length === 3 && /^[1-9][0-9]{0,2}$/.test(whole.replace(SPACES, ''));
      if (couldBeGroup && !GROUP_SPACE.test(whole)) return { kind: 'ambiguous' };
      if (couldBeGroup) return { kind: 'invalid' };
      decimalMark = '.';
    }
  }
  let whole = text;
  let fraction = '';
  if (decimalMark) {
    const at = text.lastIndexOf(decimalMark);
    whole = text.slice(0, at);
    fraction = text.slice(at + 1);
    if (!/^[0-9]+$/.test(fraction)) return { kind: 'invalid' };
  }
  if (whole === '') whole = '0';
  if (groupMark && GROUP_SPACE.test(whole)) return { kind: 'invalid' };
  const separator = groupMark ?? (GROUP_SPACE.test(whole) ? 'space' : null);
  if (separator) {
    const groups = separator === 'space' ? whole.split(GROUP_SPACE) : whole.split(separator);
    if (!/^[0-9]{1,3}$/.test(groups[0]!) || groups.slice(1).some((g) => !/^[0-9]{3}$/.test(g))) return { kind: 'invalid' };
    whole = groups.join('');
  }
  if (!/^[0-9]+$/.test(whole)) return { kind: 'invalid' };
  const digits = (whole.replace(/^0+/, '') + fraction).length;
  if (digits > 15) return { kind: 'invalid' };
  const value = sign * Number(`${whole}.${fraction || '0'}`);
  if (!Number.isFinite(value)) return { kind: 'invalid' };
  return { kind: 'number', value: Object.is(value, -0) ? 0 : value, decimals: fraction.replace(/0+$/, '').length };
}

/** A number for a form field in the locale's own writing (lv-LV: `1 234,5` with a non-breaking space), no rounding. */
export function formatNumberInput(value: number | string | null | undefined, locale: string): string {
  if (value === null || value === undefined || value === '') return '';
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) return String(value);
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'lv-LV', { maximumFractionDigits: 6, useGrouping: true }).format(n);
}

/**
 * An amount of money for a form field: as {@link formatNumberInput}, but a
 * value with cents keeps both digits (`1 234,50`, not `1 234,5`).
 */
export function formatMoneyInput(value: number | string | null | undefined, locale: string): string {
  if (value === null || value === undefined || value === '') return '';
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) return String(value);
  const cents = !hasAtMostDecimals(n, 0);
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'lv-LV', {
    minimumFractionDigits: cents ? 2 : 0,
    maximumFractionDigits: 6,
    useGrouping: true,
  }).format(n);
}

/**
 * A typed value normalised for showing back in its field: a number the
 * parser accepts is rewritten in the locale's format, anything else
 * (blank, an error the person still has to fix) stays exactly as typed.
 */
export function normaliseNumberInput(text: string, locale: string, money = false): string {
  const parsed = parseLocaleNumber(text);
  if (parsed.kind !== 'number') return text;
  return money ? formatMoneyInput(parsed.value, locale) : formatNumberInput(parsed.value, locale);
}

/**
 * zod: a number field as typed (string) or sent by a program (number);
 * blank is null (unknown, never zero). Then `.pipe()` the bounds.
 */
export const zLocaleNumber = z.unknown().transform((v, ctx): number | null => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') {
    if (Number.isFinite(v)) return v;
    ctx.addIssue({ code: 'custom', message: msg('validation.number') });
    return z.NEVER;
  }
  if (typeof v !== 'string') {
    ctx.addIssue({ code: 'custom', message: msg('validation.number') });
    return z.NEVER;
  }
  const parsed = parseLocaleNumber(v);
  if (parsed.kind === 'blank') return null;
  if (parsed.kind === 'number') return parsed.value;
  ctx.addIssue({ code: 'custom', message: parsed.kind === 'ambiguous' ? msg('secretaryYear.numberAmbiguous') : msg('secretaryYear.numberFormat') });
  return z.NEVER;
});

/** Whether `n` has at most `max` decimals (the database keeps two; more would be rounded silently). */
export function hasAtMostDecimals(n: number, max: number): boolean {
  return Math.abs(Math.round(n * 10 ** max) - n * 10 ** max) < 1e-6 * Math.max(1, Math.abs(n));
}

import { lv, type Messages } from './messages/lv';
import { en } from './messages/en';
import { RIGA_TIME_ZONE } from '@/lib/dates';

export const LOCALES = ['lv', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'lv';

const CATALOGUE: Record<Locale, Messages> = { lv, en };
const INTL_LOCALE: Record<Locale, string> = { lv: 'lv-LV', en: 'en-GB' };

type Join<K, P> = K extends string ? (P extends string ? `${K}.${P}` : never) : never;
type Paths<T> = { [K in keyof T]: T[K] extends string ? K : Join<K, Paths<T[K]>> }[keyof T];
export type MessageKey = Paths<Messages>;
export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

// Creating an Intl formatter is costly (a fifth of a page render); each kind is made once per locale.
const FORMATTERS = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function formatter<F extends Intl.DateTimeFormat | Intl.NumberFormat>(kind: string, locale: Locale, make: () => F): F {
  const key = `${kind}:${locale}`;
  let f = FORMATTERS.get(key) as F | undefined;
  if (!f) FORMATTERS.set(key, (f = make()));
  return f;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Looks a key up in the locale's catalogue; an unknown key returns the key itself. */
export function lookup(locale: Locale, key: string, vars?: Vars): string {
  let node: unknown = CATALOGUE[locale];
  for (const part of key.split('.')) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  }
  const text = typeof node === 'string' ? node : key;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** The one translate helper for components: `const t = translator(locale)`. */
export function translator(locale: Locale): Translate {
  return (key, vars) => lookup(locale, key, vars);
}

/** Formats a calendar date (a Date at UTC midnight, or 'YYYY-MM-DD') in the locale's long form. */
export function formatDate(locale: Locale, value: Date | string | null | undefined, opts?: { yearInferred?: boolean }): string {
  if (!value) return lookup(locale, 'common.unknown');
  const date = typeof value === 'string' ? new Date(`${value.slice(0, 10)}T00:00:00Z`) : value;
  const text = formatter('date', locale, () => new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'long', timeZone: 'UTC' })).format(date);
  return opts?.yearInferred ? `${text} (${lookup(locale, 'common.inferred')})` : text;
}

/** Formats a moment (date and time) in Riga time. */
export function formatDateTime(locale: Locale, value: Date | null | undefined): string {
  if (!value) return lookup(locale, 'common.unknown');
  return formatter(
    'datetime',
    locale,
    () => new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'medium', timeStyle: 'short', timeZone: RIGA_TIME_ZONE }),
  ).format(value);
}

export function formatNumber(locale: Locale, value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined) return lookup(locale, 'common.unknown');
  return formatter(
    `number${digits}`,
    locale,
    () => new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: digits, minimumFractionDigits: 0 }),
  ).format(value);
}

export function formatMoney(locale: Locale, value: number | null | undefined): string {
  if (value === null || value === undefined) return lookup(locale, 'common.unknown');
  return formatter('money', locale, () => new Intl.NumberFormat(INTL_LOCALE[locale], { style: 'currency', currency: 'EUR' })).format(value);
}

export function formatPercent(locale: Locale, value: number | null | undefined): string {
  if (value === null || value === undefined) return lookup(locale, 'common.unknown');
  return formatter('percent', locale, () => new Intl.NumberFormat(INTL_LOCALE[locale], { style: 'percent', maximumFractionDigits: 1 })).format(value);
}

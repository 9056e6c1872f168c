import { z } from 'zod';

/**
 * Zod messages are i18n keys (lib/i18n) with optional parameters after '|',
 * e.g. 'validation.tooLong|max=200'; forms and route handlers translate them.
 */
export const msg = (key: string, params?: Record<string, string | number>) =>
  params
    ? `${key}|${Object.entries(params)
        .map(([k, v]) => `${k}=${v}`)
        .join('&')}`
    : key;

/**
 * Whether PostgreSQL can store the text: no NUL (refused in text and jsonb
 * columns) and no lone surrogate (refused in jsonb, e.g. the audit log).
 * Every free text that reaches the database is checked with it.
 */
export function isStorableText(v: string): boolean {
  for (let i = 0; i < v.length; i += 1) {
    const c = v.charCodeAt(i);
    if (c === 0 || (c >= 0xdc00 && c <= 0xdfff)) return false;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = v.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i += 1;
    }
  }
  return true;
}

/** A required single-line text, trimmed, bounded. */
export const zText = (max: number) =>
  z
    .string({ error: msg('validation.required') })
    .trim()
    .min(1, { error: msg('validation.required') })
    .max(max, { error: msg('validation.tooLong', { max }) })
    .refine(isStorableText, { error: msg('validation.invalid') });

/** An optional text: empty becomes null. */
export const zOptionalText = (max: number) =>
  z
    .string({ error: msg('validation.invalid') })
    .trim()
    .max(max, { error: msg('validation.tooLong', { max }) })
    .refine(isStorableText, { error: msg('validation.invalid') })
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

export const zEmail = z
  .string({ error: msg('validation.required') })
  .trim()
  .toLowerCase()
  .min(1, { error: msg('validation.required') })
  .max(254, { error: msg('validation.tooLong', { max: 254 }) })
  .pipe(z.email({ error: msg('validation.email') }));

/**
 * Whether `v` is a calendar day 'YYYY-MM-DD' that exists: Date.parse alone
 * takes 2021-02-30 for 2021-03-02, and PostgreSQL has no year 0.
 */
export function isCalendarDay(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || v < '0001-01-01') return false;
  const time = Date.parse(`${v}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === v;
}

/** A calendar day 'YYYY-MM-DD' that exists (trimmed); the one date field of every form and filter. */
export const zDay = z
  .string({ error: msg('validation.date') })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: msg('validation.date') })
  .refine(isCalendarDay, { error: msg('validation.dateNotExist') });

export const zId = z
  .string({ error: msg('validation.invalid') })
  .min(1)
  .max(64)
  .regex(/^[a-z0-9]+$/i, { error: msg('validation.invalid') });

/**
 * A dynamic segment of an API path ([slug], [id], [year], [name]…) as the
 * route handler receives it, decoded. Every identifier of the portal is short
 * printable ASCII without separators; anything else (NUL, which PostgreSQL
 * refuses in text, '/', Unicode, 5 000 characters) cannot name a resource.
 */
export const zRouteParam = z
  .string({ error: msg('validation.invalid') })
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9._~-]+$/, { error: msg('validation.invalid') });

export type FieldErrors = Record<string, string[]>;

/** A message made by msg(): 'namespace.key' with optional '|a=1&b=2' (zod's own English never looks like this). */
const MESSAGE_KEY = /^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9_]+)+(\|.*)?$/;

/** Flattens a ZodError into field → message keys; a message that is not a key becomes 'validation.invalid'. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : '_form';
    (out[field] ??= []).push(MESSAGE_KEY.test(issue.message) ? issue.message : msg('validation.invalid'));
  }
  return out;
}

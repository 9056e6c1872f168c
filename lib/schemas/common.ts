import { z } from 'zod';

/**
 * Zod messages are i18n keys (lib/i18n) with optional parameters after '|',
 * e.g. 'validation.tooLong|max=200'; forms and route handlers translate them.
 */
export const msg = (key: string, params?: Record<string, string | number>) =>
  params ? `${key}|${Object.entries(params).map(([k, v]) => `${k}=${v}`).join('&')}` : key;

/** A required single-line text, trimmed, bounded. */
export const zText = (max: number) =>
  z.string({ error: msg('validation.required') }).trim().min(1, { error: msg('validation.required') }).max(max, { error: msg('validation.tooLong', { max }) });

/** An optional text: empty becomes null. */
export const zOptionalText = (max: number) =>
  z.string({ error: msg('validation.invalid') }).trim().max(max, { error: msg('validation.tooLong', { max }) }).transform((v) => (v === '' ? null : v)).nullable().optional();

export const zEmail = z.string({ error: msg('validation.required') }).trim().toLowerCase().min(1, { error: msg('validation.required') }).max(254, { error: msg('validation.tooLong', { max: 254 }) }).pipe(z.email({ error: msg('validation.email') }));

export const zId = z.string().min(1).max(64).regex(/^[a-z0-9]+$/i, { error: msg('validation.invalid') });

export type FieldErrors = Record<string, string[]>;

/** Flattens a ZodError into field → message keys. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : '_form';
    (out[field] ??= []).push(issue.message.includes('validation.') ? issue.message : msg('validation.invalid'));
  }
  return out;
}

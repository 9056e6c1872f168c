import { z } from 'zod';
import { isCalendarDay, isStorableText, msg, zText } from './common';

/** A calendar day 'YYYY-MM-DD' that exists. */
const zDay = z.string({ error: msg('validation.required') }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: msg('validation.date') }).refine(isCalendarDay, { error: msg('validation.date') });

export const ZPeriodSchema = z.object({
  year: z.coerce.number({ error: msg('validation.number') }).int({ error: msg('validation.integer') }).min(2021, { error: msg('validation.atLeast', { min: 2021 }) }).max(2100, { error: msg('validation.atMost', { max: 2100 }) }),
  dueOn: zDay,
}, { error: msg('validation.invalid') });
export type TPeriod = z.infer<typeof ZPeriodSchema>;

export const ZLegalNormSchema = z.object({
  validFrom: zDay,
  value: z.coerce.number({ error: msg('validation.number') }).positive({ error: msg('validation.notNegative') }).max(100, { error: msg('validation.atMost', { max: 100 }) }),
  citation: zText(500),
  sourceUrl: z.string({ error: msg('validation.invalid') }).trim().max(500, { error: msg('validation.tooLong', { max: 500 }) }).refine(isStorableText, { error: msg('validation.invalid') }).pipe(z.url({ protocol: /^https?$/, error: msg('validation.invalid') })),
}, { error: msg('validation.invalid') });
export type TLegalNorm = z.infer<typeof ZLegalNormSchema>;

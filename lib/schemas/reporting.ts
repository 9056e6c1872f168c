import { z } from 'zod';
import { msg, zText } from './common';

const zDay = z.string({ error: msg('validation.required') }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: msg('validation.date') }).refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), { error: msg('validation.date') });

export const ZPeriodSchema = z.object({
  year: z.coerce.number({ error: msg('validation.number') }).int({ error: msg('validation.integer') }).min(2021, { error: msg('validation.atLeast', { min: 2021 }) }).max(2100, { error: msg('validation.atMost', { max: 2100 }) }),
  dueOn: zDay,
});
export type TPeriod = z.infer<typeof ZPeriodSchema>;

export const ZLegalNormSchema = z.object({
  validFrom: zDay,
  value: z.coerce.number({ error: msg('validation.number') }).positive({ error: msg('validation.notNegative') }).max(100, { error: msg('validation.atMost', { max: 100 }) }),
  citation: zText(500),
  sourceUrl: z.string().trim().max(500).pipe(z.url({ error: msg('validation.invalid') })),
});
export type TLegalNorm = z.infer<typeof ZLegalNormSchema>;

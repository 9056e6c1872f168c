import { z } from 'zod';
import { isStorableText, msg, zDay, zText } from './common';
import { hasAtMostDecimals, zLocaleNumber } from './number';

/** A calendar day 'YYYY-MM-DD' that exists. */
const zRequiredDay = z.string({ error: msg('validation.required') }).pipe(zDay);

export const ZPeriodSchema = z.object(
  {
    year: z.coerce
      .number({ error: msg('validation.number') })
      .int({ error: msg('validation.integer') })
      .min(2021, { error: msg('validation.atLeast', { min: 2021 }) })
      .max(2100, { error: msg('validation.atMost', { max: 2100 }) }),
    dueOn: zRequiredDay,
  },
  { error: msg('validation.invalid') },
);
export type TPeriod = z.infer<typeof ZPeriodSchema>;

export const ZLegalNormSchema = z.object(
  {
    validFrom: zRequiredDay,
    // Typed the Latvian way ('0,5'), lib/schemas/number.ts.
    value: zLocaleNumber.pipe(
      z
        .number({ error: msg('validation.required') })
        .positive({ error: msg('validation.notNegative') })
        .max(100, { error: msg('validation.atMost', { max: 100 }) })
        .refine((n) => hasAtMostDecimals(n, 3), { error: msg('secretaryYear.decimals', { max: 3 }) }),
    ),
    citation: zText(500),
    sourceUrl: z
      .string({ error: msg('validation.invalid') })
      .trim()
      .max(500, { error: msg('validation.tooLong', { max: 500 }) })
      .refine(isStorableText, { error: msg('validation.invalid') })
      .pipe(z.url({ protocol: /^https?$/, error: msg('validation.invalid') })),
  },
  { error: msg('validation.invalid') },
);
export type TLegalNorm = z.infer<typeof ZLegalNormSchema>;

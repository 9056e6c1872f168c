import { z } from 'zod';
import { isStorableText, msg } from './common';
import { INDICATORS, COMMITMENT_KEYS, type IndicatorDef } from '@/lib/progress/indicators';
import { hasAtMostDecimals, zLocaleNumber } from './number';
import { zTypedDay } from './day-input';

const blankToNull = (v: unknown) => (v === '' || v === undefined ? null : v);

/** The database keeps two decimals (Decimal(…, 2)); more would be rounded silently, so they are refused. */
const decimals2 = (n: number) => hasAtMostDecimals(n, 2);

/** A numeric indicator as typed ('42,5', '1 234,5', lib/schemas/number.ts) or sent as a number; blank is null. */
function numberField(def: IndicatorDef) {
  const base = z.number({ error: msg('validation.number') });
  const withMin =
    def.min !== undefined
      ? base.refine((n) => n >= def.min!, { error: def.min === 0 ? msg('validation.notNegative') : msg('validation.atLeast', { min: def.min }) })
      : base;
  const bounded = def.max !== undefined ? withMin.refine((n) => n <= def.max!, { error: msg('validation.atMost', { max: def.max }) }) : withMin;
  const exact =
    def.kind === 'count'
      ? bounded.refine(Number.isInteger, { error: msg('validation.integer') })
      : bounded.refine(decimals2, { error: msg('secretaryYear.decimals', { max: 2 }) });
  return zLocaleNumber.pipe(exact.nullable());
}

/** yes / no / blank (unknown): nothing else. */
const booleanField = z.preprocess(
  (v) => (v === '' || v === undefined || v === null ? null : v === 'yes' || v === true ? true : v === 'no' || v === false ? false : v),
  z.boolean({ error: msg('validation.yesNo') }).nullable(),
);

function fieldFor(def: IndicatorDef) {
  if (def.kind === 'boolean') return booleanField;
  // Note: whitespace only is blank too (unknown), as '' is.
  if (def.kind === 'text')
    return z.preprocess(
      blankToNull,
      z
        .string({ error: msg('validation.invalid') })
        .trim()
        .max(def.max ?? 1000, { error: msg('validation.tooLong', { max: def.max ?? 1000 }) })
        .refine(isStorableText, { error: msg('validation.invalid') })
        .transform((v) => (v === '' ? null : v))
        .nullable(),
    );
  return numberField(def);
}

/** Every indicator, each optional and blank-able (unknown is not zero). */
export const ZIndicatorsSchema = z
  .object(Object.fromEntries(INDICATORS.map((d) => [d.key, fieldFor(d).optional()])), { error: msg('validation.invalid') })
  .strict();

/** A calendar day that exists: an impossible one ('2024-13-45') would reach the database as an Invalid Date. Typed as 2024-03-31 or 31.03.2024. */
const zDate = z.preprocess(blankToNull, zTypedDay.nullable());

export const ZActionSchema = z.object(
  {
    title: z
      .string({ error: msg('validation.required') })
      .trim()
      .min(1, { error: msg('validation.required') })
      .max(300, { error: msg('validation.tooLong', { max: 300 }) })
      .refine(isStorableText, { error: msg('validation.invalid') }),
    status: z.enum(['PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED'], { error: msg('validation.invalid') }),
    plannedOn: zDate.optional(),
    doneOn: zDate.optional(),
    budgetEur: zLocaleNumber
      .pipe(
        z
          .number({ error: msg('validation.number') })
          .min(0, { error: msg('validation.notNegative') })
          .max(1_000_000_000, { error: msg('validation.atMost', { max: 1_000_000_000 }) })
          .refine(decimals2, { error: msg('secretaryYear.decimals', { max: 2 }) })
          .nullable(),
      )
      .optional(),
  },
  { error: msg('validation.invalid') },
);

export const ZCommitmentSectionSchema = z.object(
  {
    status: z.enum(['NOT_STARTED', 'IN_PROGRESS', 'ACHIEVED'], { error: msg('validation.invalid') }),
    narrative: z
      .preprocess(
        blankToNull,
        z
          .string({ error: msg('validation.invalid') })
          .max(10_000, { error: msg('validation.tooLong', { max: 10_000 }) })
          .refine(isStorableText, { error: msg('validation.invalid') })
          .nullable(),
      )
      .optional(),
    actions: z
      .array(ZActionSchema, { error: msg('validation.invalid') })
      .max(100, { error: msg('validation.atMost', { max: 100 }) })
      .default([]),
  },
  { error: msg('validation.invalid') },
);

/** A whole report draft as the editor saves it (autosave sends the full state). */
export const ZReportDraftSchema = z.object(
  {
    version: z.coerce
      .number({ error: msg('validation.invalid') })
      .int()
      .min(1),
    commitments: z.object(
      Object.fromEntries(COMMITMENT_KEYS.map((k) => [k, ZCommitmentSectionSchema])) as Record<
        (typeof COMMITMENT_KEYS)[number],
        typeof ZCommitmentSectionSchema
      >,
      { error: msg('validation.invalid') },
    ),
    indicators: ZIndicatorsSchema,
  },
  { error: msg('validation.invalid') },
);
export type TReportDraft = z.infer<typeof ZReportDraftSchema>;

/** Raw text of one field as typed: bounded well above every field's own limit (the editor's maxLength), storable. */
const zRawText = (max: number) =>
  z
    .string({ error: msg('validation.invalid') })
    .max(max, { error: msg('validation.tooLong', { max }) })
    .refine(isStorableText, { error: msg('validation.invalid') });
/** A field's value as typed; a program may send a number or a boolean, kept as its text. */
const zRawValue = (max: number) =>
  z
    .union([z.string(), z.number(), z.boolean(), z.null()], { error: msg('validation.invalid') })
    .optional()
    .transform((v) => (v === null || v === undefined ? '' : typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v)))
    .pipe(zRawText(max));

const ZRawActionSchema = z.object(
  {
    title: zRawValue(2_000),
    status: z.enum(['PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED'], { error: msg('validation.invalid') }),
    plannedOn: zRawValue(200),
    doneOn: zRawValue(200),
    budgetEur: zRawValue(200),
  },
  { error: msg('validation.invalid') },
);

const ZRawSectionSchema = z.object(
  {
    status: z.enum(['NOT_STARTED', 'IN_PROGRESS', 'ACHIEVED'], { error: msg('validation.invalid') }),
    narrative: zRawValue(20_000),
    actions: z
      .array(ZRawActionSchema, { error: msg('validation.invalid') })
      .max(100, { error: msg('validation.atMost', { max: 100 }) })
      .default([]),
  },
  { error: msg('validation.invalid') },
);

/**
 * The editor's state exactly as typed (every value a string), for autosave:
 * it is stored as the draft even when fields are invalid, so nothing typed is
 * lost; ZReportDraftSchema then decides which fields still need fixing.
 */
export const ZReportTypedDraftSchema = z.object(
  {
    version: z.coerce
      .number({ error: msg('validation.invalid') })
      .int()
      .min(1),
    commitments: z.object(
      Object.fromEntries(COMMITMENT_KEYS.map((k) => [k, ZRawSectionSchema])) as Record<(typeof COMMITMENT_KEYS)[number], typeof ZRawSectionSchema>,
      { error: msg('validation.invalid') },
    ),
    indicators: z.object(Object.fromEntries(INDICATORS.map((d) => [d.key, zRawValue(2_000)])), { error: msg('validation.invalid') }).strict(),
  },
  { error: msg('validation.invalid') },
);
export type TReportTypedDraft = z.infer<typeof ZReportTypedDraftSchema>;

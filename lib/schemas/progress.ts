import { z } from 'zod';
import { isStorableText, msg, zDay } from './common';
import { INDICATORS, COMMITMENT_KEYS, type IndicatorDef } from '@/lib/progress/indicators';

const blankToNull = (v: unknown) => (v === '' || v === undefined ? null : v);

function numberField(def: IndicatorDef) {
  const base = z.coerce.number({ error: msg('validation.number') }).refine(Number.isFinite, { error: msg('validation.number') });
  const withMin = def.min !== undefined ? base.refine((n) => n >= def.min!, { error: def.min === 0 ? msg('validation.notNegative') : msg('validation.atLeast', { min: def.min }) }) : base;
  const bounded = def.max !== undefined ? withMin.refine((n) => n <= def.max!, { error: msg('validation.atMost', { max: def.max }) }) : withMin;
  const integral = def.kind === 'count' ? bounded.refine(Number.isInteger, { error: msg('validation.integer') }) : bounded;
  return z.preprocess(blankToNull, integral.nullable());
}

/** yes / no / blank (unknown): nothing else. */
const booleanField = z.preprocess(
  (v) => (v === '' || v === undefined || v === null ? null : v === 'yes' || v === true ? true : v === 'no' || v === false ? false : v),
  z.boolean({ error: msg('validation.yesNo') }).nullable(),
);

function fieldFor(def: IndicatorDef) {
  if (def.kind === 'boolean') return booleanField;
  // Note: whitespace only is blank too (unknown), as '' is.
  if (def.kind === 'text') return z.preprocess(blankToNull, z.string({ error: msg('validation.invalid') }).trim().max(def.max ?? 1000, { error: msg('validation.tooLong', { max: def.max ?? 1000 }) }).refine(isStorableText, { error: msg('validation.invalid') }).transform((v) => (v === '' ? null : v)).nullable());
  return numberField(def);
}

/** Every indicator, each optional and blank-able (unknown is not zero). */
export const ZIndicatorsSchema = z.object(Object.fromEntries(INDICATORS.map((d) => [d.key, fieldFor(d).optional()])), { error: msg('validation.invalid') }).strict();

/** A calendar day that exists: an impossible one ('2024-13-45') would reach the database as an Invalid Date. */
const zDate = z.preprocess(blankToNull, zDay.nullable());

export const ZActionSchema = z.object({
  title: z.string({ error: msg('validation.required') }).trim().min(1, { error: msg('validation.required') }).max(300, { error: msg('validation.tooLong', { max: 300 }) }).refine(isStorableText, { error: msg('validation.invalid') }),
  status: z.enum(['PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED'], { error: msg('validation.invalid') }),
  plannedOn: zDate.optional(),
  doneOn: zDate.optional(),
  budgetEur: z.preprocess(blankToNull, z.coerce.number({ error: msg('validation.number') }).min(0, { error: msg('validation.notNegative') }).max(1_000_000_000, { error: msg('validation.atMost', { max: 1_000_000_000 }) }).nullable()).optional(),
}, { error: msg('validation.invalid') });

export const ZCommitmentSectionSchema = z.object({
  status: z.enum(['NOT_STARTED', 'IN_PROGRESS', 'ACHIEVED'], { error: msg('validation.invalid') }),
  narrative: z.preprocess(blankToNull, z.string({ error: msg('validation.invalid') }).max(10_000, { error: msg('validation.tooLong', { max: 10_000 }) }).refine(isStorableText, { error: msg('validation.invalid') }).nullable()).optional(),
  actions: z.array(ZActionSchema, { error: msg('validation.invalid') }).max(100, { error: msg('validation.atMost', { max: 100 }) }).default([]),
}, { error: msg('validation.invalid') });

/** A whole report draft as the editor saves it (autosave sends the full state). */
export const ZReportDraftSchema = z.object({
  version: z.coerce.number({ error: msg('validation.invalid') }).int().min(1),
  commitments: z.object(Object.fromEntries(COMMITMENT_KEYS.map((k) => [k, ZCommitmentSectionSchema])) as Record<(typeof COMMITMENT_KEYS)[number], typeof ZCommitmentSectionSchema>, { error: msg('validation.invalid') }),
  indicators: ZIndicatorsSchema,
}, { error: msg('validation.invalid') });
export type TReportDraft = z.infer<typeof ZReportDraftSchema>;

import { z } from 'zod';
import { msg } from './common';
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
  if (def.kind === 'text') return z.preprocess(blankToNull, z.string().trim().max(def.max ?? 1000, { error: msg('validation.tooLong', { max: def.max ?? 1000 }) }).nullable());
  return numberField(def);
}

/** Every indicator, each optional and blank-able (unknown is not zero). */
export const ZIndicatorsSchema = z.object(Object.fromEntries(INDICATORS.map((d) => [d.key, fieldFor(d).optional()]))).strict();

const zDate = z.preprocess(blankToNull, z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: msg('validation.date') }).nullable());

export const ZActionSchema = z.object({
  title: z.string().trim().min(1, { error: msg('validation.required') }).max(300, { error: msg('validation.tooLong', { max: 300 }) }),
  status: z.enum(['PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED'], { error: msg('validation.invalid') }),
  plannedOn: zDate.optional(),
  doneOn: zDate.optional(),
  budgetEur: z.preprocess(blankToNull, z.coerce.number({ error: msg('validation.number') }).min(0, { error: msg('validation.notNegative') }).max(1_000_000_000, { error: msg('validation.atMost', { max: 1_000_000_000 }) }).nullable()).optional(),
});

export const ZCommitmentSectionSchema = z.object({
  status: z.enum(['NOT_STARTED', 'IN_PROGRESS', 'ACHIEVED'], { error: msg('validation.invalid') }),
  narrative: z.preprocess(blankToNull, z.string().max(10_000, { error: msg('validation.tooLong', { max: 10_000 }) }).nullable()).optional(),
  actions: z.array(ZActionSchema).max(100).default([]),
});

/** A whole report draft as the editor saves it (autosave sends the full state). */
export const ZReportDraftSchema = z.object({
  version: z.coerce.number().int().min(1),
  commitments: z.object(Object.fromEntries(COMMITMENT_KEYS.map((k) => [k, ZCommitmentSectionSchema])) as Record<(typeof COMMITMENT_KEYS)[number], typeof ZCommitmentSectionSchema>),
  indicators: ZIndicatorsSchema,
});
export type TReportDraft = z.infer<typeof ZReportDraftSchema>;

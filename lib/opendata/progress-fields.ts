import type { lv } from '@/lib/i18n/messages/lv';
import type { IndicatorKind } from '@/lib/progress/indicators';
import type { JsonSchema } from './fields';

/**
 * The shapes of progress reports as open data: accepted reports per
 * municipality, year and commitment, in three flat tables (commitments,
 * actions, indicators) so that JSON and CSV carry exactly the same rows and
 * fields. Like fields.ts, one list of stable snake_case names per table
 * drives the JSON items, the CSV header, the OpenAPI schemas and the data
 * page. Unknown is null (an empty CSV cell), never zero.
 */

export type CommitmentKeyOut = 'resources' | 'staff' | 'cooperation';

type Key = {
  municipality_slug: string;
  atvk_code: string | null;
  term: string;
  year: number;
  commitment: CommitmentKeyOut;
};

export type OpenProgress = Key & {
  status: 'not_started' | 'in_progress' | 'achieved' | null;
  narrative: string | null;
  report_revision: number;
  accepted_at: string | null;
  is_demo: boolean;
};

export type OpenProgressAction = Key & {
  position: number;
  title: string;
  status: 'planned' | 'in_progress' | 'done' | 'cancelled';
  planned_on: string | null;
  done_on: string | null;
  budget_eur: number | null;
  is_demo: boolean;
};

export type IndicatorUnit = 'EUR' | 'FTE' | 'count' | 'hours';

export type OpenProgressIndicator = Key & {
  indicator: string;
  kind: IndicatorKind;
  unit: IndicatorUnit | null;
  value_number: number | null;
  value_boolean: boolean | null;
  value_text: string | null;
  is_demo: boolean;
};

/** The unit of each indicator kind (yes/no and text have none). */
export const UNIT_OF_KIND: Record<IndicatorKind, IndicatorUnit | null> = {
  money: 'EUR',
  fte: 'FTE',
  count: 'count',
  hours: 'hours',
  boolean: null,
  text: null,
};

const nullable = (schema: JsonSchema): JsonSchema => ({ ...schema, type: [schema.type, 'null'] });
const str: JsonSchema = { type: 'string' };
const date: JsonSchema = { type: 'string', format: 'date' };
const KEY_FIELDS = [
  { name: 'municipality_slug', schema: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' } },
  { name: 'atvk_code', schema: nullable({ type: 'string', pattern: '^[0-9]{7}$' }) },
  { name: 'term', schema: { type: 'string', pattern: '^[0-9]{4}-[0-9]{4}$', examples: ['2025-2029'] } },
  { name: 'year', schema: { type: 'integer', minimum: 2000, maximum: 2100 } },
  { name: 'commitment', schema: { type: 'string', enum: ['resources', 'staff', 'cooperation'] } },
] as const;

export const PROGRESS_FIELDS = [
  ...KEY_FIELDS,
  { name: 'status', schema: { type: ['string', 'null'], enum: ['not_started', 'in_progress', 'achieved', null] } },
  { name: 'narrative', schema: nullable(str) },
  { name: 'report_revision', schema: { type: 'integer', minimum: 1 } },
  { name: 'accepted_at', schema: nullable({ type: 'string', format: 'date-time' }) },
  { name: 'is_demo', schema: { type: 'boolean' } },
] as const satisfies readonly { name: keyof OpenProgress; schema: JsonSchema }[];

export const PROGRESS_ACTION_FIELDS = [
  ...KEY_FIELDS,
  { name: 'position', schema: { type: 'integer', minimum: 1 } },
  { name: 'title', schema: str },
  { name: 'status', schema: { type: 'string', enum: ['planned', 'in_progress', 'done', 'cancelled'] } },
  { name: 'planned_on', schema: nullable(date) },
  { name: 'done_on', schema: nullable(date) },
  { name: 'budget_eur', schema: nullable({ type: 'number', minimum: 0 }) },
  { name: 'is_demo', schema: { type: 'boolean' } },
] as const satisfies readonly { name: keyof OpenProgressAction; schema: JsonSchema }[];

export const PROGRESS_INDICATOR_FIELDS = [
  ...KEY_FIELDS,
  { name: 'indicator', schema: { type: 'string', examples: ['service_budget_eur', 'social_work_specialists_fte'] } },
  { name: 'kind', schema: { type: 'string', enum: ['money', 'fte', 'count', 'hours', 'boolean', 'text'] } },
  { name: 'unit', schema: { type: ['string', 'null'], enum: ['EUR', 'FTE', 'count', 'hours', null] } },
  { name: 'value_number', schema: nullable({ type: 'number' }) },
  { name: 'value_boolean', schema: nullable({ type: 'boolean' }) },
  { name: 'value_text', schema: nullable(str) },
  { name: 'is_demo', schema: { type: 'boolean' } },
] as const satisfies readonly { name: keyof OpenProgressIndicator; schema: JsonSchema }[];

// Compile-time checks: every property is a listed field with a description in the messages, and no description is left over.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Names<F extends readonly { name: string }[]> = F[number]['name'];
const complete: [
  Same<Names<typeof PROGRESS_FIELDS>, keyof OpenProgress>,
  Same<Names<typeof PROGRESS_ACTION_FIELDS>, keyof OpenProgressAction>,
  Same<Names<typeof PROGRESS_INDICATOR_FIELDS>, keyof OpenProgressIndicator>,
  Same<keyof typeof lv.opendata.progressFields, Names<typeof PROGRESS_FIELDS>>,
  Same<keyof typeof lv.opendata.progressActionFields, Names<typeof PROGRESS_ACTION_FIELDS>>,
  Same<keyof typeof lv.opendata.progressIndicatorFields, Names<typeof PROGRESS_INDICATOR_FIELDS>>,
] = [true, true, true, true, true, true];
void complete;

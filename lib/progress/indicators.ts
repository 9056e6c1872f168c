/**
 * The indicators a report may carry, per commitment, with their kind and
 * sane bounds. Every indicator may be blank: unknown is not zero.
 */
export type IndicatorKind = 'money' | 'fte' | 'count' | 'hours' | 'boolean' | 'text';
export type IndicatorDef = { key: string; commitment: 'resources' | 'staff' | 'cooperation'; kind: IndicatorKind; min?: number; max?: number };

const COOPERATION_AREAS = ['health', 'education', 'employment', 'public_order'] as const;
export type CooperationArea = (typeof COOPERATION_AREAS)[number];

export const INDICATORS: readonly IndicatorDef[] = [
  { key: 'service_budget_eur', commitment: 'resources', kind: 'money', min: 0, max: 1_000_000_000 },
  { key: 'service_staff_fte', commitment: 'resources', kind: 'fte', min: 0, max: 5_000 },
  { key: 'social_work_specialists_fte', commitment: 'resources', kind: 'fte', min: 0, max: 2_000 },
  { key: 'involved_in_planning', commitment: 'resources', kind: 'boolean' },
  { key: 'involved_in_planning_where', commitment: 'resources', kind: 'text', max: 1_000 },
  { key: 'avg_gross_monthly_pay_eur', commitment: 'staff', kind: 'money', min: 300, max: 20_000 },
  { key: 'training_hours_per_worker', commitment: 'staff', kind: 'hours', min: 0, max: 2_000 },
  { key: 'supervision_available', commitment: 'staff', kind: 'boolean' },
  { key: 'premises_improved', commitment: 'staff', kind: 'boolean' },
  { key: 'premises_improved_what', commitment: 'staff', kind: 'text', max: 1_000 },
  ...COOPERATION_AREAS.flatMap((area): IndicatorDef[] => [
    { key: `agreement_${area}`, commitment: 'cooperation', kind: 'boolean' },
    { key: `joint_meetings_${area}`, commitment: 'cooperation', kind: 'count', min: 0, max: 1_000 },
  ]),
  { key: 'multidisciplinary_case_teams', commitment: 'cooperation', kind: 'count', min: 0, max: 10_000 },
];

export const INDICATOR_KEYS = INDICATORS.map((i) => i.key);
export const indicatorByKey = new Map(INDICATORS.map((i) => [i.key, i]));
export const COMMITMENT_KEYS = ['resources', 'staff', 'cooperation'] as const;
export type CommitmentKey = (typeof COMMITMENT_KEYS)[number];

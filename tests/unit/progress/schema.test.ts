import { describe, expect, it } from 'vitest';
import { ZIndicatorsSchema } from '@/lib/schemas/progress';
import { INDICATORS } from '@/lib/progress/indicators';

const errorsOf = (input: Record<string, unknown>) => {
  const r = ZIndicatorsSchema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('indicator validation', () => {
  it('every indicator may be blank: unknown is not zero', () => {
    const blank = ZIndicatorsSchema.parse(Object.fromEntries(INDICATORS.map((d) => [d.key, ''])));
    for (const d of INDICATORS) expect(blank[d.key], d.key).toBeNull();
  });

  it('refuses negative money, FTE out of bounds, pay out of range, non-integer counts', () => {
    expect(errorsOf({ service_budget_eur: '-1' })).toEqual({ service_budget_eur: 'validation.notNegative' });
    expect(errorsOf({ service_staff_fte: '5001' })).toEqual({ service_staff_fte: 'validation.atMost|max=5000' });
    expect(errorsOf({ social_work_specialists_fte: '-0.5' })).toEqual({ social_work_specialists_fte: 'validation.notNegative' });
    expect(errorsOf({ avg_gross_monthly_pay_eur: '100' })).toEqual({ avg_gross_monthly_pay_eur: 'validation.atLeast|min=300' });
    expect(errorsOf({ avg_gross_monthly_pay_eur: '25000' })).toEqual({ avg_gross_monthly_pay_eur: 'validation.atMost|max=20000' });
    expect(errorsOf({ joint_meetings_health: '2.5' })).toEqual({ joint_meetings_health: 'validation.integer' });
    expect(errorsOf({ training_hours_per_worker: 'abc' })).toEqual({ training_hours_per_worker: 'secretaryYear.numberFormat' });
  });

  it('yes/no fields take only yes or no', () => {
    expect(ZIndicatorsSchema.parse({ supervision_available: 'yes', premises_improved: 'no' })).toMatchObject({
      supervision_available: true,
      premises_improved: false,
    });
    expect(errorsOf({ supervision_available: 'maybe' })).toEqual({ supervision_available: 'validation.yesNo' });
    expect(errorsOf({ agreement_education: '1' })).toEqual({ agreement_education: 'validation.yesNo' });
  });

  it('refuses unknown indicators', () => {
    expect(ZIndicatorsSchema.safeParse({ made_up_indicator: '1' }).success).toBe(false);
  });
});

describe('indicator labels', () => {
  it('every indicator has a Latvian and an English label', async () => {
    const { lookup } = await import('@/lib/i18n');
    for (const d of INDICATORS) {
      for (const locale of ['lv', 'en'] as const) expect(lookup(locale, `indicator.${d.key}`), `${locale} ${d.key}`).not.toBe(`indicator.${d.key}`);
    }
  });
});

describe('every indicator is validated', () => {
  for (const d of INDICATORS) {
    it(`${d.key} (${d.kind})`, () => {
      expect(ZIndicatorsSchema.safeParse({ [d.key]: '' }).success).toBe(true);
      if (d.kind === 'boolean') {
        expect(ZIndicatorsSchema.safeParse({ [d.key]: 'yes' }).success).toBe(true);
        expect(ZIndicatorsSchema.safeParse({ [d.key]: '42' }).success).toBe(false);
      } else if (d.kind === 'text') {
        expect(ZIndicatorsSchema.safeParse({ [d.key]: 'x'.repeat(d.max ?? 1000) }).success).toBe(true);
        expect(ZIndicatorsSchema.safeParse({ [d.key]: 'x'.repeat((d.max ?? 1000) + 1) }).success).toBe(false);
      } else {
        expect(ZIndicatorsSchema.safeParse({ [d.key]: String(d.min ?? 0) }).success).toBe(true);
        expect(ZIndicatorsSchema.safeParse({ [d.key]: String(d.max!) }).success).toBe(true);
        expect(ZIndicatorsSchema.safeParse({ [d.key]: String(d.max! + 1) }).success).toBe(false);
        expect(ZIndicatorsSchema.safeParse({ [d.key]: String((d.min ?? 0) - 1) }).success).toBe(false);
        expect(ZIndicatorsSchema.safeParse({ [d.key]: 'yes' }).success).toBe(false);
      }
    });
  }
});

describe('change since the previous period', () => {
  it('is the difference of known numeric values, and unknown otherwise', async () => {
    const { indicatorChange } = await import('@/lib/progress/format');
    const row = (key: string, v: string | null) => ({ key, numberValue: v === null ? null : { toString: () => v }, boolValue: null, textValue: null });
    expect(indicatorChange('service_staff_fte', [row('service_staff_fte', '12.5')], [row('service_staff_fte', '10')])).toBe(2.5);
    expect(indicatorChange('service_staff_fte', [row('service_staff_fte', '12.5')], [])).toBeNull();
    expect(indicatorChange('service_staff_fte', [row('service_staff_fte', '12.5')], undefined)).toBeNull();
    expect(indicatorChange('supervision_available', [], [])).toBeNull();
  });
});

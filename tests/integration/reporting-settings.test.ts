import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { listNorms, recordNorm, upsertPeriod } from '@/lib/progress/settings';
import { ZLegalNormSchema, ZPeriodSchema } from '@/lib/schemas/reporting';
import { actorOf, createUser, resetDatabase } from './db-utils';

describe('reporting settings (staff)', () => {
  beforeEach(resetDatabase);

  it('staff change a due date and cannot set a year outside the term or a due date before the period ends', async () => {
    const staff = actorOf(await createUser({ role: 'STAFF' }));
    const p = await upsertPeriod({ actor: staff, termSlug: '2021-2025', input: ZPeriodSchema.parse({ year: '2023', dueOn: '2024-04-30' }) });
    expect(p.dueOn.toISOString().slice(0, 10)).toBe('2024-04-30');
    await expect(upsertPeriod({ actor: staff, termSlug: '2021-2025', input: { year: 2027, dueOn: '2028-03-31' } })).rejects.toMatchObject({
      fieldErrors: { year: ['reporting.yearOutsideTerm'] },
    });
    await expect(upsertPeriod({ actor: staff, termSlug: '2021-2025', input: { year: 2023, dueOn: '2023-06-01' } })).rejects.toMatchObject({
      fieldErrors: { dueOn: ['reporting.dueBeforeEnd'] },
    });
    const secretary = actorOf(await createUser({ role: 'SECRETARY', municipalitySlug: 'liepaja' }));
    await expect(upsertPeriod({ actor: secretary, termSlug: '2021-2025', input: { year: 2023, dueOn: '2024-03-31' } })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await db().auditEvent.count({ where: { action: 'reporting.period' } })).toBe(1);
  });

  it('a new version of the norm ends the previous one the day before; both stay as dated data', async () => {
    const staff = actorOf(await createUser({ role: 'ADMIN' }));
    await recordNorm({
      actor: staff,
      input: ZLegalNormSchema.parse({ validFrom: '2010-01-01', value: '1', citation: 'test: first version', sourceUrl: 'https://example.test/a' }),
    });
    await recordNorm({
      actor: staff,
      input: ZLegalNormSchema.parse({ validFrom: '2024-01-01', value: '1.2', citation: 'test: second version', sourceUrl: 'https://example.test/b' }),
    });
    const norms = await listNorms();
    expect(norms.map((n) => [n.validFrom.toISOString().slice(0, 10), n.validTo?.toISOString().slice(0, 10) ?? null, Number(n.value)])).toEqual([
      ['2024-01-01', null, 1.2],
      ['2010-01-01', '2023-12-31', 1],
    ]);
    expect(ZLegalNormSchema.safeParse({ validFrom: '2024-01-01', value: '-1', citation: 'x', sourceUrl: 'https://example.test' }).success).toBe(false);
    expect(ZLegalNormSchema.safeParse({ validFrom: '2024-01-01', value: '1', citation: '', sourceUrl: 'not a url' }).success).toBe(false);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { countOverview, foldForSearch, loadTermOverview } from '@/lib/municipalities/overview';
import { resetDatabase } from './db-utils';
import { freezeClockForTests } from '@/lib/clock';

describe('public term overview', () => {
  beforeEach(resetDatabase);

  it('2021–2025: 43 municipalities, Liepāja and Jēkabpils novads verified, population share unknown', async () => {
    const o = (await loadTermOverview(null))!;
    expect(o.term.slug).toBe('2021-2025');
    expect(o.rows).toHaveLength(43);
    expect(
      o.rows
        .filter((r) => r.status === 'VERIFIED')
        .map((r) => r.slug)
        .sort(),
    ).toEqual(['jekabpils-novads', 'liepaja']);
    const counts = countOverview(o.rows);
    expect(counts).toMatchObject({ total: 43, populationKnown: 0, populationUnknown: 43, populationJoinedShare: null });
    expect(counts.byStatus).toEqual({ VERIFIED: 2, SUBMITTED: 0, WITHDRAWN: 0, PREVIOUS: 0, NONE: 41 });
  });

  it('2025–2029, current by the calendar on 2026-12-03: 42 municipalities, the 2021–2025 signatories show as "not yet renewed"', async () => {
    freezeClockForTests('2026-12-03');
    const o = (await loadTermOverview(null))!;
    expect(o.term.slug).toBe('2025-2029');
    expect(o.previousTerm?.slug).toBe('2021-2025');
    expect(o.rows).toHaveLength(42);
    expect(o.rows.find((r) => r.slug === 'varaklanu-novads')).toBeUndefined();
    expect(o.rows.find((r) => r.slug === 'liepaja')?.status).toBe('PREVIOUS');
    expect((await loadTermOverview('2021-2025'))!.rows).toHaveLength(43);
    expect(await loadTermOverview('1999-2003')).toBeNull();
  });

  it('uses only the share of municipalities with a known population', async () => {
    await db().municipality.update({ where: { slug: 'liepaja' }, data: { population: 60_000, populationYear: 2024, populationSource: 'test' } });
    await db().municipality.update({ where: { slug: 'riga' }, data: { population: 600_000, populationYear: 2024, populationSource: 'test' } });
    const counts = countOverview((await loadTermOverview(null))!.rows);
    expect(counts.populationKnown).toBe(2);
    expect(counts.populationJoinedShare).toBeCloseTo(60_000 / 660_000, 6);
  });

  it('search folds diacritics and case', () => {
    expect(foldForSearch('Jēkabpils novads')).toBe('jekabpils novads');
    expect(foldForSearch('  ĶEKAVAS ')).toBe('kekavas');
  });
});

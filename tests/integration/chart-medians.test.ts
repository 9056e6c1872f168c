import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { createAccession, createReport, municipalityIdOf } from '@/lib/seed/factories';
import { findYearMedians, RATIO_KEY } from '@/lib/progress/medians';
import { findPublicProgress, ratioSeries } from '@/lib/progress/public';
import { resetDatabase } from './db-utils';
import { createTestNorm } from './support/fixtures';

const NOW = new Date('2025-03-11T10:00:00Z');
const idOf = async (slug: string) => municipalityIdOf(db(), slug);

async function accession(slug: string, status: 'SUBMITTED' | 'VERIFIED' | 'WITHDRAWN') {
  await createAccession(db(), {
    municipalitySlug: slug,
    status,
    facts: 'none',
    data: { decisionNumber: `${slug}-1`, sessionDate: new Date('2021-06-01'), verifiedAt: status === 'SUBMITTED' ? null : new Date('2021-06-10T10:00:00Z') },
  });
}

async function report(
  slug: string,
  year: number,
  revision: number,
  status: 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'ACCEPTED',
  values: { fte?: number; pay?: number },
) {
  await createReport(db(), {
    municipalitySlug: slug,
    year,
    revision,
    status,
    commitments: [],
    indicators: {
      ...(values.fte !== undefined ? { social_work_specialists_fte: values.fte } : {}),
      ...(values.pay !== undefined ? { avg_gross_monthly_pay_eur: values.pay } : {}),
    },
    data: {
      submittedAt: status === 'DRAFT' ? null : new Date('2025-01-01T00:00:00Z'),
      acceptedAt: status === 'ACCEPTED' ? new Date('2025-01-02T00:00:00Z') : null,
    },
  });
}

const population = async (slug: string, year: number, value: number) =>
  db().populationFigure.create({ data: { municipalityId: await idOf(slug), year, value, source: 'test fixture' } });

/**
 * On top of the seed (Liepāja and Jēkabpils novads verified): Rīga and Ogre
 * verified, Talsi withdrawn, Valmiera only submitted (its data is not public).
 */
async function seed() {
  await accession('riga', 'VERIFIED');
  await accession('ogres-novads', 'VERIFIED');
  await accession('talsu-novads', 'WITHDRAWN');
  await accession('valmieras-novads', 'SUBMITTED');
  // 2021: four accepted reports → median of an even count (the mean of the middle two).
  await report('riga', 2021, 1, 'ACCEPTED', { fte: 100 });
  await report('liepaja', 2021, 1, 'ACCEPTED', { fte: 10 });
  await report('ogres-novads', 2021, 1, 'ACCEPTED', { fte: 20 });
  await report('jekabpils-novads', 2021, 1, 'ACCEPTED', { fte: 30 });
  // 2022: Liepāja accepted twice (revision 2 counts), Rīga and Ogre accepted;
  // a draft, an accepted report of a withdrawn and of an unverified municipality do not count.
  await report('liepaja', 2022, 1, 'ACCEPTED', { fte: 30, pay: 1200 });
  await report('liepaja', 2022, 2, 'ACCEPTED', { fte: 45, pay: 1300 });
  await report('riga', 2022, 1, 'ACCEPTED', { fte: 120 });
  await report('ogres-novads', 2022, 1, 'ACCEPTED', { fte: 10 });
  await report('jekabpils-novads', 2022, 1, 'DRAFT', { fte: 999 });
  await report('talsu-novads', 2022, 1, 'ACCEPTED', { fte: 1000 });
  await report('valmieras-novads', 2022, 1, 'ACCEPTED', { fte: 2000 });
  // 2023: only two accepted (Rīga's is returned) → no median.
  await report('liepaja', 2023, 1, 'ACCEPTED', { fte: 40 });
  await report('jekabpils-novads', 2023, 1, 'ACCEPTED', { fte: 20 });
  await report('riga', 2023, 1, 'RETURNED', { fte: 1 });
  await report('ogres-novads', 2023, 1, 'SUBMITTED', { fte: 2 });
  // Populations for the ratio in 2022: 45/60 000, 120/600 000, 10/20 000 per 1 000 = 0.75, 0.2, 0.5.
  await population('liepaja', 2022, 60_000);
  await population('riga', 2022, 600_000);
  await population('ogres-novads', 2022, 20_000);
}

describe('median of the reporting municipalities per year (charts)', () => {
  beforeEach(async () => {
    await resetDatabase();
    await seed();
  });

  it('takes the latest accepted revision of public reports only, says over how many, and shows none under 3', async () => {
    const medians = await findYearMedians([2021, 2022, 2023, 2024]);
    const fte = medians.get('social_work_specialists_fte')!;
    expect(fte.get(2021)).toEqual({ median: 25, n: 4 });
    expect(fte.get(2022)).toEqual({ median: 45, n: 3 });
    expect(fte.has(2023)).toBe(false);
    expect(fte.has(2024)).toBe(false);
    // Pay is reported by Liepāja alone: never shown.
    expect(medians.has('avg_gross_monthly_pay_eur')).toBe(false);
    // The derived ratio, from the same reports and the population of each year.
    expect(medians.get(RATIO_KEY)!.get(2022)!.n).toBe(3);
    expect(medians.get(RATIO_KEY)!.get(2022)!.median).toBeCloseTo(0.5, 10);
    expect(medians.get(RATIO_KEY)!.has(2021)).toBe(false);
  });

  it('covers only the years asked for', async () => {
    const medians = await findYearMedians([2022]);
    expect([...medians.get('social_work_specialists_fte')!.keys()]).toEqual([2022]);
    expect((await findYearMedians([])).size).toBe(0);
  });

  it('a third report, once accepted, makes the median appear', async () => {
    await db().progressReport.updateMany({
      where: { municipalityId: await idOf('riga'), status: 'RETURNED' },
      data: { status: 'ACCEPTED', acceptedAt: new Date('2025-02-01T00:00:00Z') },
    });
    expect((await findYearMedians([2023])).get('social_work_specialists_fte')!.get(2023)).toEqual({ median: 20, n: 3 });
  });

  it('the ratio chart carries the legal minimum in force in each year, and none when no norm is stored', async () => {
    const liepaja = await idOf('liepaja');
    expect(ratioSeries((await findPublicProgress(liepaja, NOW)).periods).every((p) => p.norm === null)).toBe(true);
    await createTestNorm({ validFrom: new Date('2023-01-01'), value: 1.8 });
    const series = ratioSeries((await findPublicProgress(liepaja, NOW)).periods);
    expect(series.find((p) => p.year === 2022)).toEqual({ year: 2022, value: 0.75, norm: null });
    expect(series.find((p) => p.year === 2023)).toEqual({ year: 2023, value: null, norm: 1.8 });
  });
});

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';

import { db } from '@/lib/db/client';

import { loadTermOverview } from '@/lib/municipalities/overview';

import { overdueOf, reportDeadlines } from '@/lib/progress/deadlines';
import { publicHeadline } from '@/lib/dashboard/metrics';
import { loadCommitmentMatrix } from '@/lib/dashboard/matrix';
import { loadIndicatorComparison } from '@/lib/dashboard/indicators';
import { loadWorkQueues } from '@/lib/dashboard/queues';

import { parseDashboardQuery } from '@/lib/schemas/dashboard';

import { actorOf, createUser, resetDatabase } from './db-utils';

import { NOW, seedKnownData, staffActor, dashboard, slugs } from './support/dashboard';

describe('staff dashboard', () => {
  beforeEach(async () => {
    await resetDatabase();
    await seedKnownData();
  });

  it('headline: joined / all, awaiting, overdue and due within 30 days; population share null while no population is known', async () => {
    const staff = await staffActor();
    const m = (await dashboard(staff)).metrics!;
    expect(m).toMatchObject({ joined: 4, total: 43, awaiting: 1, populationShare: null, populationKnown: 0, populationUnknown: 43, dueSoonDays: 30 });
    // Owed only for periods that begin after the decision (lib/progress/deadlines owedCte): Jēkabpils (15 June 2021)
    // 2021 and 2022; Liepāja (22 July 2021) 2023 (draft only); Rīga (10 Feb 2022) 2023 (returned); Ogre (verified 6 May 2023) none yet.
    expect(m.overdue).toBe(4);
    // Due 2025-03-31 (in 20 days): Liepāja, Rīga, Ogre; Jēkabpils has submitted.
    expect(m.dueSoon).toBe(3);
    expect(m.term.slug).toBe('2021-2025');
    // Secretaries do not see it.
    const secretary = actorOf(await createUser({ role: 'SECRETARY', municipalitySlug: 'liepaja' }));
    await expect(dashboard(secretary)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(dashboard(null)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('population share is taken over the municipalities whose population is known, and says how many', async () => {
    await db().municipality.update({ where: { slug: 'liepaja' }, data: { population: 60_000 } });
    await db().municipality.update({ where: { slug: 'riga' }, data: { population: 600_000 } });
    await db().municipality.update({ where: { slug: 'valmieras-novads' }, data: { population: 50_000 } });
    const m = (await dashboard(await staffActor())).metrics!;
    expect(m.populationKnown).toBe(3);
    expect(m.populationUnknown).toBe(40);
    expect(m.populationShare).toBeCloseTo(660_000 / 710_000, 9);
  });

  it('the public home headline is the same function over the same rows', async () => {
    const staff = await staffActor();
    const m = (await dashboard(staff)).metrics!;
    const pub = publicHeadline((await loadTermOverview(null))!.rows);
    expect({ joined: pub.joined, total: pub.total, awaiting: pub.awaiting, share: pub.populationShare, known: pub.populationKnown }).toEqual({
      joined: m.joined,
      total: m.total,
      awaiting: m.awaiting,
      share: m.populationShare,
      known: m.populationKnown,
    });
    // And the home page takes its headline from that function (not a second count of its own).
    const page = await readFile(path.resolve('components/public/home-page.tsx'), 'utf8');
    expect(page).toMatch(/import \{ publicHeadline \} from '@\/lib\/dashboard\/metrics'/);
    expect(page).toMatch(/publicHeadline\(rows\)/);
    expect(page).not.toMatch(/countOverview\(/);
  });

  it('cumulative joins by council decision date (verification day as fallback); withdrawn ones do not count', async () => {
    const joins = (await dashboard(await staffActor())).joins!;
    expect(joins.points).toEqual([
      { date: '2021-06-15', count: 1, added: 1 },
      { date: '2021-07-22', count: 2, added: 1 },
      { date: '2022-02-10', count: 3, added: 1 },
      { date: '2023-05-06', count: 4, added: 1 },
    ]);
    expect(joins).toMatchObject({ total: 4, undated: 0, term: { slug: '2021-2025', startsOn: '2021-07-01', endsOn: '2025-06-30' } });
  });

  it('matrix: latest accepted revision of the latest year per commitment; drafts, submitted and returned reports ignored', async () => {
    const matrix = (await loadCommitmentMatrix({ actor: await staffActor() }))!;
    expect(matrix.commitments.map((c) => [c.key, c.position])).toEqual([
      ['resources', 1],
      ['staff', 2],
      ['cooperation', 3],
    ]);
    expect(matrix.rows).toHaveLength(43);
    const row = (slug: string) => matrix.rows.find((r) => r.slug === slug)!;
    expect(row('liepaja')).toMatchObject({
      status: 'VERIFIED',
      report: { year: 2022, revision: 2 },
      cells: { resources: 'ACHIEVED', staff: 'ACHIEVED', cooperation: 'IN_PROGRESS' },
    });
    expect(row('riga')).toMatchObject({
      status: 'VERIFIED',
      report: { year: 2022, revision: 1 },
      cells: { resources: 'IN_PROGRESS', staff: 'NOT_STARTED', cooperation: 'ACHIEVED' },
    });
    expect(row('jekabpils-novads')).toMatchObject({
      report: { year: 2023, revision: 1 },
      cells: { resources: 'NOT_STARTED', staff: 'IN_PROGRESS', cooperation: 'IN_PROGRESS' },
    });
    expect(row('talsu-novads')).toMatchObject({ status: 'WITHDRAWN', report: { year: 2021 }, cells: { resources: 'NOT_STARTED' } });
    expect(row('ogres-novads')).toMatchObject({ status: 'VERIFIED', report: null, cells: { resources: null, staff: null, cooperation: null } });
    expect(row('valmieras-novads').status).toBe('SUBMITTED');
    expect(row('cesu-novads').status).toBe('NONE');
    expect(row('siguldas-novads').status).toBe('NONE');
  });

  it('matrix: sorting by name, status and each commitment; filters by type, status and commitment progress', async () => {
    const staff = await staffActor();
    const load = (raw: Record<string, string>) => loadCommitmentMatrix({ actor: staff, query: parseDashboardQuery(raw) });
    const byName = slugs(await load({}));
    expect(byName.indexOf('adazu-novads')).toBeGreaterThan(byName.indexOf('aluksnes-novads'));
    expect(byName.indexOf('kekavas-novads')).toBeGreaterThan(byName.indexOf('kraslavas-novads'));
    expect(slugs(await load({ dir: 'desc' }))).toEqual([...byName].reverse());
    expect(slugs(await load({ sort: 'c1', dir: 'desc' })).slice(0, 4)).toEqual(['liepaja', 'riga', 'jekabpils-novads', 'talsu-novads']);
    expect(slugs(await load({ sort: 'c3', dir: 'desc' })).slice(0, 3)).toEqual(['riga', 'jekabpils-novads', 'liepaja']);
    // Ascending: no accepted report (by name), then not started, in progress, achieved.
    expect(slugs(await load({ sort: 'c2' })).slice(-4)).toEqual(['riga', 'talsu-novads', 'jekabpils-novads', 'liepaja']);
    const status = slugs(await load({ sort: 'status' }));
    expect(status.slice(0, 5)).toEqual(['jekabpils-novads', 'liepaja', 'ogres-novads', 'riga', 'valmieras-novads']);
    expect(status.indexOf('talsu-novads')).toBe(5);
    expect(slugs(await load({ type: 'STATE_CITY' }))).toHaveLength(7);
    expect(slugs(await load({ status: 'VERIFIED' }))).toEqual(['jekabpils-novads', 'liepaja', 'ogres-novads', 'riga']);
    expect(slugs(await load({ type: 'STATE_CITY', status: 'VERIFIED' }))).toEqual(['liepaja', 'riga']);
    expect(slugs(await load({ progress: 'ACHIEVED' }))).toEqual(['liepaja', 'riga']);
    expect(slugs(await load({ progress: 'NONE' }))).toHaveLength(39);
    // Untrusted parameters fall back to the defaults.
    expect(slugs(await load({ sort: 'c9', dir: 'sideways', type: 'VILLAGE', status: '<script>' }))).toEqual(byName);
  });

  it('indicators: specialists per 1 000 vs the legal minimum, with the reason when unknown, and pay', async () => {
    const data = (await loadIndicatorComparison({ actor: await staffActor(), now: NOW }))!;
    expect(data.hasPayIndicator).toBe(true);
    expect(data.rows.map((r) => r.slug)).toEqual(['jekabpils-novads', 'liepaja', 'ogres-novads', 'riga', 'talsu-novads']);
    const row = (slug: string) => data.rows.find((r) => r.slug === slug)!;
    expect(row('liepaja').perThousand).toBeCloseTo(0.75, 9);
    expect(row('liepaja')).toMatchObject({
      specialistsFte: 45,
      population: 60_000,
      norm: { value: 1 },
      comparison: 'BELOW',
      avgPayEur: 1300.5,
      report: { year: 2022, revision: 2 },
    });
    expect(row('jekabpils-novads')).toMatchObject({ perThousand: 2, comparison: 'ABOVE', avgPayEur: null });
    expect(row('riga')).toMatchObject({
      specialistsFte: 120,
      population: null,
      perThousand: null,
      ratioUnknown: 'NO_POPULATION',
      comparison: null,
      comparisonUnknown: 'NO_RATIO',
    });
    expect(row('ogres-novads')).toMatchObject({ report: null, perThousand: null, ratioUnknown: 'NO_REPORT' });
    expect(row('talsu-novads')).toMatchObject({ specialistsFte: null, ratioUnknown: 'NO_SPECIALISTS' });
    // Without a recorded legal minimum the ratio stays, the comparison is unknown.
    await db().legalNorm.deleteMany({});
    const noNorm = (await loadIndicatorComparison({ actor: await staffActor(), now: NOW }))!;
    expect(noNorm.rows.find((r) => r.slug === 'liepaja')).toMatchObject({ norm: null, comparison: null, comparisonUnknown: 'NO_NORM' });
  });

  it('work queues: verifications, reviews, returned items, due within 30 days and overdue (the same deadlines as the reminder e-mails)', async () => {
    const staff = await staffActor();
    const q = await loadWorkQueues({ actor: staff, now: NOW });
    expect(q.verifications.map((v) => v.municipality.slug)).toEqual(['valmieras-novads']);
    expect(q.reviews.map((r) => [r.municipality.slug, r.period.year])).toEqual([['jekabpils-novads', 2024]]);
    expect(q.returned.map((r) => [r.kind, r.municipality.slug]).sort()).toEqual([
      ['ACCESSION', 'cesu-novads'],
      ['REPORT', 'riga'],
    ]);
    expect(q.returned.find((r) => r.kind === 'REPORT')).toMatchObject({ year: 2023, reason: 'Lūdzu precizējiet.' });
    expect(q.returned.find((r) => r.kind === 'ACCESSION')).toMatchObject({ termLabel: '2021–2025', reason: 'Trūkst paraksta.' });
    expect(q.dueSoon.map((d) => [d.municipality.slug, d.year, d.daysRemaining])).toEqual([
      ['liepaja', 2024, 20],
      ['ogres-novads', 2024, 20],
      ['riga', 2024, 20],
    ]);
    expect(q.overdue.map((d) => `${d.year}:${d.municipality.slug}`)).toEqual(['2021:jekabpils-novads', '2022:jekabpils-novads', '2023:liepaja', '2023:riga']);
    // The reminder e-mails (lib/mail/reminders) read the same deadlines in TypeScript.
    const overdue = overdueOf(await reportDeadlines({ now: NOW }));
    expect(overdue.map((o) => `${o.year}:${o.municipality.slug}`)).toEqual(q.overdue.map((d) => `${d.year}:${d.municipality.slug}`));
  });

  it('deadlines: the due day itself is on time, the next day overdue (Latvian calendar days)', async () => {
    const onDueDay = await reportDeadlines({ now: new Date('2025-03-31T20:59:00Z') }); // 23:59 in Rīga
    expect(onDueDay.filter((d) => d.year === 2024).map((d) => [d.daysRemaining, d.overdue])).toEqual([
      [0, false],
      [0, false],
      [0, false],
    ]);
    const nextDay = await reportDeadlines({ now: new Date('2025-03-31T21:01:00Z') }); // 00:01 on 1 April in Rīga
    expect(nextDay.filter((d) => d.year === 2024).map((d) => [d.daysRemaining, d.overdue])).toEqual([
      [-1, true],
      [-1, true],
      [-1, true],
    ]);
  });
});

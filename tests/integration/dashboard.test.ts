import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { readSheet } from 'read-excel-file/node';
import { db } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import { loadTermOverview } from '@/lib/municipalities/overview';
import { LV_COLLATOR } from '@/lib/municipalities/queries';
import { overdueOf, reportDeadlines } from '@/lib/progress/deadlines';
import { publicHeadline } from '@/lib/dashboard/metrics';
import { loadCommitmentMatrix, type CommitmentMatrix } from '@/lib/dashboard/matrix';
import { loadIndicatorComparison } from '@/lib/dashboard/indicators';
import { loadWorkQueues } from '@/lib/dashboard/queues';
import { loadDashboard } from '@/lib/dashboard/dashboard';
import { buildDashboardExport } from '@/lib/dashboard/export';
import { DEFAULT_DASHBOARD_QUERY, parseDashboardQuery } from '@/lib/schemas/dashboard';
import { lookup } from '@/lib/i18n';
import { parseCsv } from '../unit/opendata/csv-parse';
import { actorOf, createUser, resetDatabase } from './db-utils';

/** 20 days before the 2024 period's due date (31 March 2025); 2021–2023 are past due. */
const NOW = new Date('2025-03-11T10:00:00Z');
type CS = 'NOT_STARTED' | 'IN_PROGRESS' | 'ACHIEVED';

const idOf = async (slug: string) => (await db().municipality.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
const term = async () => db().councilTerm.findUniqueOrThrow({ where: { slug: '2021-2025' }, select: { id: true } });

async function accession(
  slug: string,
  status: 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'VERIFIED' | 'WITHDRAWN',
  data: Partial<Prisma.AccessionUncheckedCreateInput> = {},
) {
  return db().accession.create({ data: { municipalityId: await idOf(slug), termId: (await term()).id, status, decisionNumber: `${slug}-1`, ...data } });
}

async function report(
  slug: string,
  year: number,
  revision: number,
  status: 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'ACCEPTED',
  statuses: [CS, CS, CS],
  indicators: { fte?: number; pay?: number } = {},
  extra: Partial<Prisma.ProgressReportUncheckedCreateInput> = {},
) {
  const period = await db().reportingPeriod.findFirstOrThrow({ where: { year, term: { slug: '2021-2025' } }, select: { id: true } });
  return db().progressReport.create({
    data: {
      municipalityId: await idOf(slug),
      periodId: period.id,
      revision,
      status,
      submittedAt: status === 'DRAFT' ? null : new Date('2025-01-01T00:00:00Z'),
      acceptedAt: status === 'ACCEPTED' ? new Date('2025-01-02T00:00:00Z') : null,
      commitments: { create: (['resources', 'staff', 'cooperation'] as const).map((key, i) => ({ commitmentKey: key, status: statuses[i]! })) },
      indicators: {
        create: [
          ...(indicators.fte !== undefined ? [{ key: 'social_work_specialists_fte', numberValue: new Prisma.Decimal(indicators.fte) }] : []),
          ...(indicators.pay !== undefined ? [{ key: 'avg_gross_monthly_pay_eur', numberValue: new Prisma.Decimal(indicators.pay) }] : []),
        ],
      },
      ...extra,
    },
    select: { id: true },
  });
}

/**
 * Known data on top of the seed (Liepāja 2021-07-22 and Jēkabpils novads
 * 2021-06-15 verified): Rīga verified, Ogre verified without a session date
 * (verified late on 5 May 2023 UTC = 6 May in Latvia), Valmiera submitted,
 * Cēsis returned, Talsi withdrawn, Sigulda a draft; reports as listed.
 */
async function seedKnownData() {
  await accession('riga', 'VERIFIED', { sessionDate: new Date('2022-02-10'), verifiedAt: new Date('2022-03-01T10:00:00Z') });
  await accession('ogres-novads', 'VERIFIED', { sessionDate: null, verifiedAt: new Date('2023-05-05T21:30:00Z') });
  await accession('valmieras-novads', 'SUBMITTED', { sessionDate: new Date('2025-02-01'), submittedAt: new Date('2025-02-02T08:00:00Z') });
  await accession('cesu-novads', 'RETURNED', { sessionDate: new Date('2025-01-15'), returnReason: 'Trūkst paraksta.' });
  await accession('talsu-novads', 'WITHDRAWN', {
    sessionDate: new Date('2021-09-01'),
    verifiedAt: new Date('2021-09-10T10:00:00Z'),
    withdrawnAt: new Date('2023-01-01T10:00:00Z'),
    withdrawalReason: 'Dome atcēla.',
  });
  await accession('siguldas-novads', 'DRAFT', { sessionDate: new Date('2024-01-01') });

  // Liepāja: 2022 accepted twice (revision 2 wins), a 2023 draft (ignored).
  await report(
    'liepaja',
    2022,
    1,
    'ACCEPTED',
    ['ACHIEVED', 'IN_PROGRESS', 'NOT_STARTED'],
    { fte: 30, pay: 1200 },
    { supersededAt: new Date('2025-01-03T00:00:00Z') },
  );
  await report('liepaja', 2022, 2, 'ACCEPTED', ['ACHIEVED', 'ACHIEVED', 'IN_PROGRESS'], { fte: 45, pay: 1300.5 });
  await report('liepaja', 2023, 1, 'DRAFT', ['NOT_STARTED', 'NOT_STARTED', 'NOT_STARTED'], { fte: 99 });
  // Rīga: 2021 accepted twice, 2022 accepted (the latest year wins over the higher revision), 2023 returned.
  await report('riga', 2021, 1, 'ACCEPTED', ['NOT_STARTED', 'NOT_STARTED', 'NOT_STARTED'], { fte: 100 });
  await report('riga', 2021, 2, 'ACCEPTED', ['ACHIEVED', 'ACHIEVED', 'ACHIEVED'], { fte: 110 });
  await report('riga', 2022, 1, 'ACCEPTED', ['IN_PROGRESS', 'NOT_STARTED', 'ACHIEVED'], { fte: 120 });
  await report('riga', 2023, 1, 'RETURNED', ['ACHIEVED', 'ACHIEVED', 'ACHIEVED'], { fte: 1 }, { returnComment: 'Lūdzu precizējiet.' });
  // Jēkabpils novads: 2023 accepted, 2024 submitted (awaiting review).
  await report('jekabpils-novads', 2023, 1, 'ACCEPTED', ['NOT_STARTED', 'IN_PROGRESS', 'IN_PROGRESS'], { fte: 20 });
  await report('jekabpils-novads', 2024, 1, 'SUBMITTED', ['ACHIEVED', 'ACHIEVED', 'ACHIEVED'], { fte: 21 });
  // Talsi (withdrawn later): an accepted 2021 report without the specialist count.
  await report('talsu-novads', 2021, 1, 'ACCEPTED', ['NOT_STARTED', 'NOT_STARTED', 'NOT_STARTED']);

  // Test fixtures only: population figures for the report years and a legal minimum of 1 per 1 000.
  await db().populationFigure.create({ data: { municipalityId: await idOf('liepaja'), year: 2022, value: 60_000, source: 'test fixture' } });
  await db().populationFigure.create({ data: { municipalityId: await idOf('jekabpils-novads'), year: 2023, value: 10_000, source: 'test fixture' } });
  await db().legalNorm.create({
    data: {
      key: 'social_work_specialists_per_1000',
      validFrom: new Date('2009-01-01'),
      value: 1,
      unit: 'FTE per 1000 residents',
      citation: 'test fixture',
      sourceUrl: 'https://example.test',
    },
  });
}

const staffActor = async () => actorOf(await createUser({ role: 'STAFF' }));
/** The staff dashboard's figures exactly as the page loads them (lib/dashboard/cache calls loadDashboard). */
const dashboard = async (actor: Parameters<typeof loadDashboard>[0]['actor']) => loadDashboard({ actor, now: NOW, query: DEFAULT_DASHBOARD_QUERY });
const slugs = (m: CommitmentMatrix | null) => m!.rows.map((r) => r.slug);

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
    const page = await readFile(path.resolve('app/[locale]/page.tsx'), 'utf8');
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

  it('loadDashboard shares one set of figures between the headline, the queues and the joins', async () => {
    const d = await loadDashboard({ actor: await staffActor(), now: NOW, query: DEFAULT_DASHBOARD_QUERY });
    expect(d.metrics!.overdue).toBe(d.queues.totals.overdue);
    expect(d.metrics!.dueSoon).toBe(d.queues.totals.dueSoon);
    expect(d.metrics!.awaiting).toBe(d.queues.totals.verifications);
    expect(d.queues.overdue).toHaveLength(d.queues.totals.overdue);
    expect(d.joins!.total).toBe(d.metrics!.joined);
    expect(d.matrix!.rows).toHaveLength(d.matrixTotal);
    expect(d.matrix).toMatchObject({ total: 43, matched: 43, page: 1, pageSize: 50 });
  });

  it('matrix and indicators are paged in SQL: the pages put together are the whole sorted list; queues are limited with their totals', async () => {
    const staff = await staffActor();
    // SQL name order (lv_sort_key) is the app's Latvian collation.
    const names = (await loadCommitmentMatrix({ actor: staff, pageSize: null }))!.rows.map((r) => r.nameLv);
    expect(names).toEqual([...names].sort(LV_COLLATOR.compare));
    const query = parseDashboardQuery({ sort: 'status', dir: 'desc' });
    const all = slugs(await loadCommitmentMatrix({ actor: staff, query, pageSize: null }));
    const pages = await Promise.all([1, 2, 3, 4, 5].map((page) => loadCommitmentMatrix({ actor: staff, query, page, pageSize: 10 })));
    expect(pages.flatMap((p) => slugs(p))).toEqual(all);
    expect(pages[4]).toMatchObject({ total: 43, matched: 43, page: 5, pageSize: 10 });
    expect(pages[4]!.rows).toHaveLength(3);
    const ind = await loadIndicatorComparison({ actor: staff, now: NOW, page: 2, pageSize: 2 });
    expect(ind!.rows.map((r) => r.slug)).toEqual(['ogres-novads', 'riga']);
    expect(ind!.matched).toBe(5);
    const q = await loadWorkQueues({ actor: staff, now: NOW, limit: 3 });
    expect(q.overdue.map((d) => `${d.year}:${d.municipality.slug}`)).toEqual(['2021:jekabpils-novads', '2022:jekabpils-novads', '2023:liepaja']);
    expect(q.totals).toEqual({ verifications: 1, reviews: 1, returned: 2, dueSoon: 3, overdue: 4 });
  });

  it('exports the matrix and the indicators as CSV and XLSX with the same cells', async () => {
    const staff = await staffActor();
    const query = parseDashboardQuery({ status: 'VERIFIED', sort: 'c1', dir: 'desc' });
    const matrix = (await loadCommitmentMatrix({ actor: staff, query }))!;

    const csv = await buildDashboardExport({ actor: staff, name: 'matrix.csv', locale: 'lv', query, now: NOW });
    expect(csv).toMatchObject({ contentType: 'text/csv; charset=utf-8', fileName: 'memorands-matrix-2021-2025-lv.csv' });
    expect(typeof csv.body === 'string' && csv.body.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv((csv.body as string).slice(1));
    expect(rows[0]).toEqual([
      'Identifikators',
      'Pašvaldība',
      'Veids',
      'Dalības statuss',
      'Ziņojuma gads',
      'Redakcija',
      '1. Resursi',
      '2. Darbinieku attīstība un atalgojums',
      '3. Starpinstitūciju sadarbība',
    ]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(matrix.rows.map((r) => r.slug));
    const liepaja = rows.find((r) => r[0] === 'liepaja')!;
    expect(liepaja).toEqual(['liepaja', 'Liepāja', 'valstspilsēta', 'Pievienojusies', '2022', '2', 'Sasniegts', 'Sasniegts', 'Tiek īstenots']);
    expect(rows.find((r) => r[0] === 'ogres-novads')!.slice(4)).toEqual(['', '', '', '', '']);

    const xlsx = await buildDashboardExport({ actor: staff, name: 'matrix.xlsx', locale: 'en', query, now: NOW });
    expect(xlsx).toMatchObject({
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      fileName: 'memorands-matrix-2021-2025-en.xlsx',
    });
    const sheet = await readSheet(Buffer.from(xlsx.body as Uint8Array));
    expect(sheet[0]!.slice(0, 6)).toEqual(['Identifier', 'Municipality', 'Type', 'Membership status', 'Report year', 'Revision']);
    expect(sheet.slice(1).map((r) => r[0])).toEqual(matrix.rows.map((r) => r.slug));
    const lx = sheet.find((r) => r[0] === 'liepaja')!;
    expect(lx.slice(3, 9)).toEqual([
      'Joined',
      2022,
      2,
      lookup('en', 'progress.cs_ACHIEVED'),
      lookup('en', 'progress.cs_ACHIEVED'),
      lookup('en', 'progress.cs_IN_PROGRESS'),
    ]);
    for (const r of matrix.rows) {
      const x = sheet.find((s) => s[0] === r.slug)!;
      expect(x[4] ?? null).toBe(r.report?.year ?? null);
      expect(x.slice(6).map((v) => v ?? null)).toEqual(matrix.commitments.map((c) => (r.cells[c.key] ? lookup('en', `progress.cs_${r.cells[c.key]}`) : null)));
    }

    const icsv = await buildDashboardExport({ actor: staff, name: 'indicators.csv', locale: 'lv', query: DEFAULT_DASHBOARD_QUERY, now: NOW });
    const irows = parseCsv((icsv.body as string).slice(1));
    expect(irows[0]).toEqual([
      'Identifikators',
      'Pašvaldība',
      'Ziņojuma gads',
      'Redakcija',
      'Sociālā darba speciālisti, slodzes',
      'Iedzīvotāji',
      'Speciālisti uz 1 000 iedzīvotājiem',
      'Likumā noteiktais minimums uz 1 000 iedzīvotājiem',
      'Salīdzinājumā ar minimumu',
      'Vidējā bruto mēnešalga, EUR',
    ]);
    expect(irows.find((r) => r[0] === 'liepaja')).toEqual(['liepaja', 'Liepāja', '2022', '2', '45', '60000', '0.75', '1', 'zem minimuma', '1300.5']);
    expect(irows.find((r) => r[0] === 'riga')).toEqual([
      'riga',
      'Rīga',
      '2022',
      '1',
      '120',
      '',
      '',
      '1',
      'nav zināms: nav iedzīvotāju skaita par 2022. gadu',
      '',
    ]);

    const ixlsx = await buildDashboardExport({ actor: staff, name: 'indicators.xlsx', locale: 'lv', query: DEFAULT_DASHBOARD_QUERY, now: NOW });
    const isheet = await readSheet(Buffer.from(ixlsx.body as Uint8Array));
    expect(isheet.find((r) => r[0] === 'liepaja')).toEqual(['liepaja', 'Liepāja', 2022, 2, 45, 60000, 0.75, 1, 'zem minimuma', 1300.5]);
    const rx = isheet.find((r) => r[0] === 'riga')!;
    expect([rx[5] ?? null, rx[6] ?? null, rx[9] ?? null]).toEqual([null, null, null]);
    expect(isheet).toHaveLength(irows.length);

    await expect(buildDashboardExport({ actor: staff, name: 'matrix.pdf', locale: 'lv', query, now: NOW })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      messageKey: 'dashboard.exportUnknown',
    });
    const secretary = actorOf(await createUser({ role: 'SECRETARY', municipalitySlug: 'liepaja' }));
    await expect(buildDashboardExport({ actor: secretary, name: 'matrix.csv', locale: 'lv', query, now: NOW })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

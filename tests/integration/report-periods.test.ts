import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { freezeClockForTests } from '@/lib/clock';
import { translator } from '@/lib/i18n';
import { setUpTermReporting } from '@/lib/terms/open';
import { findLatestReport, findPeriodsOfYear, listSignatoryPeriods, openReportForEditing } from '@/lib/progress/reports';
import { findPublicProgress } from '@/lib/progress/public';
import { progressCsv } from '@/lib/progress/export';
import { reportLabel, reportPath } from '@/lib/progress/period-label';
import { actorOf, createUser, resetDatabase } from './db-utils';

/**
 * QA s13 M1/M2 (ADR 0215). On 2026-12-03, Liepāja is a verified member of 2021–2025 (published decision of
 * 22 July 2021) and of 2025–2029 (decision of 26 November 2026). 2025 has a period in each term: January–June
 * in 2021–2025 (its report accepted) and July–December in 2025–2029. Reports are addressed by term and year;
 * before staff set up 2025–2029 reporting its periods are "not open yet", not "not a signatory"; periods that
 * began before the decision are not owed, and the secretary's list says so.
 */
const idOf = async (slug: string) => (await db().municipality.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('reports addressed by term and year (2026-12-03)', () => {
  let secretary: ReturnType<typeof actorOf>;
  let liepaja: string;
  let acceptedId: string;

  beforeEach(async () => {
    await resetDatabase();
    freezeClockForTests('2026-12-03');
    liepaja = await idOf('liepaja');
    secretary = actorOf(await createUser({ role: 'SECRETARY', municipalitySlug: 'liepaja' }));
    const old = await db().reportingPeriod.findFirstOrThrow({ where: { year: 2025, term: { slug: '2021-2025' } }, select: { id: true } });
    acceptedId = (
      await db().progressReport.create({
        data: { municipalityId: liepaja, periodId: old.id, revision: 1, status: 'ACCEPTED', acceptedAt: day('2025-09-10'), submittedAt: day('2025-09-01') },
      })
    ).id;
    const term = await db().councilTerm.findUniqueOrThrow({ where: { slug: '2025-2029' }, select: { id: true } });
    await db().accession.create({
      data: {
        municipalityId: liepaja,
        termId: term.id,
        status: 'VERIFIED',
        decisionNumber: '271/9',
        sessionDate: day('2026-11-26'),
        verifiedAt: new Date('2026-12-01T10:00:00Z'),
      },
    });
  });

  it('before 2025–2029 reporting is set up: "not open yet" for a verified member, "not a member" for others; the accepted 2025 report stays reachable', async () => {
    const open2026 = await findLatestReport({ actor: secretary, municipalitySlug: 'liepaja', termSlug: '2025-2029', year: 2026 });
    expect(open2026.state.kind).toBe('not-open');
    await expect(openReportForEditing({ actor: secretary, municipalitySlug: 'liepaja', termSlug: '2025-2029', year: 2026 })).rejects.toMatchObject({
      code: 'CONFLICT',
      messageKey: 'reports.notOpenYet',
    });
    const riga = actorOf(await createUser({ role: 'SECRETARY', municipalitySlug: 'riga' }));
    expect((await findLatestReport({ actor: riga, municipalitySlug: 'riga', termSlug: '2025-2029', year: 2026 })).state.kind).toBe('not-member');
    // A year outside the term is no report at all.
    await expect(findLatestReport({ actor: secretary, municipalitySlug: 'liepaja', termSlug: '2021-2025', year: 2027 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const old = await findLatestReport({ actor: secretary, municipalitySlug: 'liepaja', termSlug: '2021-2025', year: 2025 });
    expect([old.state.kind, old.report?.id, old.report?.status]).toEqual(['open', acceptedId, 'ACCEPTED']);
  });

  it('after set-up: two 2025 periods, each with its own label and address; the year alone is ambiguous; not-owed periods have no deadline', async () => {
    await setUpTermReporting({ actor: actorOf(await createUser({ role: 'STAFF' })), termSlug: '2025-2029' });
    const periods = await listSignatoryPeriods({ actor: secretary, municipalityId: liepaja });
    const lv = translator('lv');
    const rows = periods.map((p) => [reportLabel('lv', lv, p), reportPath('lv', 'liepaja', p), p.reports[0]?.status ?? null, p.owed, p.overdue]);
    expect(rows.filter((r) => String(r[0]).startsWith('2025') || String(r[0]).startsWith('2026') || String(r[0]).startsWith('2021'))).toEqual([
      ['2021. gada ziņojums (jūl.–dec., sasaukums 2021–2025)', '/lv/secretary/liepaja/reports/2021-2025/2021', null, false, false],
      ['2025. gada ziņojums (janv.–jūn., sasaukums 2021–2025)', '/lv/secretary/liepaja/reports/2021-2025/2025', 'ACCEPTED', true, false],
      ['2025. gada ziņojums (jūl.–dec., sasaukums 2025–2029)', '/lv/secretary/liepaja/reports/2025-2029/2025', null, false, false],
      ['2026. gada ziņojums (sasaukums 2025–2029)', '/lv/secretary/liepaja/reports/2025-2029/2026', null, false, false],
    ]);
    expect(periods.find((p) => p.termSlug === '2025-2029' && p.year === 2027)).toMatchObject({ owed: true, overdue: false });
    expect(
      reportLabel(
        'en',
        translator('en'),
        periods.find((p) => p.termSlug === '2021-2025' && p.year === 2025)!,
      ),
    ).toBe('Report for 2025 (Jan–Jun, term 2021–2025)');

    // The year alone names two periods: the page offers both, the API refuses to guess.
    expect((await findPeriodsOfYear({ actor: secretary, municipalitySlug: 'liepaja', year: 2025 })).map((p) => p.termSlug)).toEqual(['2021-2025', '2025-2029']);
    expect((await findPeriodsOfYear({ actor: secretary, municipalitySlug: 'liepaja', year: 2024 })).map((p) => p.termSlug)).toEqual(['2021-2025']);
    await expect(openReportForEditing({ actor: secretary, municipalitySlug: 'liepaja', year: 2025 })).rejects.toMatchObject({
      code: 'CONFLICT',
      messageKey: 'reports.ambiguousYear',
    });

    // A voluntary report for a period not owed opens as its own report; the accepted one is untouched.
    const fresh = await openReportForEditing({ actor: secretary, municipalitySlug: 'liepaja', termSlug: '2025-2029', year: 2025 });
    expect(fresh.id).not.toBe(acceptedId);
    const newer = await findLatestReport({ actor: secretary, municipalitySlug: 'liepaja', termSlug: '2025-2029', year: 2025 });
    expect(newer.state).toMatchObject({ kind: 'open', owed: false });
    expect(newer.report?.id).toBe(fresh.id);
    const older = await findLatestReport({ actor: secretary, municipalitySlug: 'liepaja', termSlug: '2021-2025', year: 2025 });
    expect([older.report?.id, older.report?.status]).toEqual([acceptedId, 'ACCEPTED']);

    // The public list carries the term and the rule's "owed" (never "not yet due" for a period not owed).
    const pub = (await findPublicProgress(liepaja)).periods.map((p) => [p.termSlug, p.year, p.owed, p.report?.id ?? null]);
    expect(pub.filter((p) => p[1] === 2025 || p[1] === 2026 || p[1] === 2021)).toEqual([
      ['2021-2025', 2021, false, null],
      ['2021-2025', 2025, true, acceptedId],
      ['2025-2029', 2025, false, null],
      ['2025-2029', 2026, false, null],
    ]);
    expect((await progressCsv('liepaja')).body).toContain('liepaja,2021-2025,2025,1,');
  });
});

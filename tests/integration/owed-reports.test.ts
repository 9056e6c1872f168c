import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { createAccession, createReport, municipalityIdOf } from '@/lib/seed/factories';
import { freezeClockForTests, now as clockNow } from '@/lib/clock';
import { setUpTermReporting } from '@/lib/terms/open';
import { reportDeadlines } from '@/lib/progress/deadlines';
import { listSignatoryPeriods } from '@/lib/progress/reports';
import { findPublicProgress } from '@/lib/progress/public';
import { loadWorkQueues } from '@/lib/dashboard/queues';
import { actorOf, createUser, resetDatabase } from './db-utils';

/**
 * The owed-report rule is written once (lib/progress/deadlines owedCte, ADR 0192); the reminders, the staff queues,
 * the public page and the secretary's list all read it. On 2026-12-03 (past the 2025 elections) in the 2025–2029
 * term, which began on 2025-07-01: a period is owed when it begins after the decision date, until a revision of it
 * is submitted or accepted; the 2025 period (1 July–31 December 2025) was due on 2026-03-31, the 2026 period is due
 * on 2027-03-31.
 */
const idOf = async (slug: string) => municipalityIdOf(db(), slug);

async function member(slug: string, sessionDate: string, status: 'VERIFIED' | 'SUBMITTED' = 'VERIFIED') {
  await createAccession(db(), {
    municipalitySlug: slug,
    termSlug: '2025-2029',
    status,
    facts: 'none',
    data: {
      decisionNumber: `${slug}-2025`,
      sessionDate: new Date(`${sessionDate}T00:00:00Z`),
      verifiedAt: status === 'VERIFIED' ? new Date('2025-10-01T09:00:00Z') : null,
    },
  });
}

async function report(slug: string, year: number, status: 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'ACCEPTED') {
  await createReport(db(), { municipalitySlug: slug, termSlug: '2025-2029', year, status, commitments: [] });
}

describe('owed reports on 2026-12-03, term 2025–2029 (one rule in SQL)', () => {
  beforeEach(async () => {
    await resetDatabase();
    freezeClockForTests('2026-12-03');
    await setUpTermReporting({ actor: actorOf(await createUser({ role: 'STAFF' })), termSlug: '2025-2029' });
    await member('liepaja', '2025-06-20'); // the new council sat before the term began: owes 2025 and 2026
    await member('talsu-novads', '2025-06-20'); // owes 2025 (its draft is not a delivery) and 2026
    await report('talsu-novads', 2025, 'DRAFT');
    await member('jelgava', '2025-06-20'); // submitted 2025: owes 2026
    await report('jelgava', 2025, 'SUBMITTED');
    await member('ogres-novads', '2025-07-01'); // joined on the period's first day: 2025 is not owed
    await member('riga', '2025-09-15'); // joined within the 2025 period: owes from 2026
    await member('cesu-novads', '2025-08-01', 'SUBMITTED'); // not a member yet: owes nothing
  });

  it('lists every owed report with its Latvian-calendar days, for the reminders and the staff queues alike', async () => {
    const now = clockNow();
    expect(now.toISOString().slice(0, 10)).toBe('2026-12-03');
    const deadlines = await reportDeadlines({ now });
    // Every period of the term is owed from its start; the later years (2027–2029) follow, not yet due.
    expect(deadlines.filter((d) => d.year > 2026).every((d) => !d.overdue && d.daysRemaining > 118)).toBe(true);
    expect(deadlines.filter((d) => d.year > 2026)).toHaveLength(5 * 3);
    expect(deadlines.slice(0, 7).map((d) => [d.termSlug, d.municipality.slug, d.year, d.dueOn.toISOString().slice(0, 10), d.daysRemaining, d.overdue])).toEqual(
      [
        ['2025-2029', 'liepaja', 2025, '2026-03-31', -247, true],
        ['2025-2029', 'talsu-novads', 2025, '2026-03-31', -247, true],
        ['2025-2029', 'jelgava', 2026, '2027-03-31', 118, false],
        ['2025-2029', 'liepaja', 2026, '2027-03-31', 118, false],
        ['2025-2029', 'ogres-novads', 2026, '2027-03-31', 118, false],
        ['2025-2029', 'riga', 2026, '2027-03-31', 118, false],
        ['2025-2029', 'talsu-novads', 2026, '2027-03-31', 118, false],
      ],
    );
    const queues = await loadWorkQueues({ actor: actorOf(await createUser({ role: 'STAFF' })), now });
    expect(queues.overdue.map((d) => [d.municipality.slug, d.year, d.daysRemaining])).toEqual([
      ['liepaja', 2025, -247],
      ['talsu-novads', 2025, -247],
    ]);
    expect(queues.dueSoon).toEqual([]); // 118 days is beyond the 30-day window
    expect(queues.totals).toMatchObject({ overdue: 2, dueSoon: 0 });

    // A submission delivers it: the same rule drops it everywhere at once.
    await report('liepaja', 2025, 'SUBMITTED');
    expect((await reportDeadlines({ now })).filter((d) => d.overdue).map((d) => d.municipality.slug)).toEqual(['talsu-novads']);
    expect((await loadWorkQueues({ actor: actorOf(await createUser({ role: 'STAFF' })), now })).totals.overdue).toBe(1);
  });

  it('the public page and the secretary read the same rule: no report is owed for a period begun before joining', async () => {
    const now = clockNow();
    const riga = await idOf('riga');
    const secretary = actorOf(await createUser({ role: 'SECRETARY', municipalitySlug: 'riga' }));
    const rigaPeriods = await listSignatoryPeriods({ actor: secretary, municipalityId: riga, now });
    // The secretary's list reads the same rule: 2025 is not owed (no due date shown, never overdue), the rest are.
    expect(rigaPeriods.filter((p) => p.termSlug === '2025-2029').map((p) => [p.year, p.owed, p.overdue])).toEqual([
      [2025, false, false], // past due, nothing submitted, but begun before the decision of 15 September 2025
      [2026, true, false],
      [2027, true, false],
      [2028, true, false],
      [2029, true, false],
    ]);
    const rigaPublic = await findPublicProgress(riga, now);
    expect(rigaPublic.periods.map((p) => [p.year, p.owed, p.overdue])).toEqual([
      [2025, false, false],
      [2026, true, false],
      [2027, true, false],
      [2028, true, false],
      [2029, true, false],
    ]);

    const talsi = await idOf('talsu-novads');
    const talsiSecretary = actorOf(await createUser({ role: 'SECRETARY', municipalitySlug: 'talsu-novads' }));
    expect((await listSignatoryPeriods({ actor: talsiSecretary, municipalityId: talsi, now })).map((p) => [p.year, p.overdue])).toEqual([
      [2025, true],
      [2026, false],
      [2027, false],
      [2028, false],
      [2029, false],
    ]);
    expect((await findPublicProgress(talsi, now)).periods.filter((p) => p.overdue).map((p) => p.year)).toEqual([2025]);

    // Liepāja is a member in both terms (2021–2025 from the published decision of 22 July 2021): 2021 is not owed,
    // 2022–2025 of that term and 2025 of this one are overdue.
    const liepaja = await idOf('liepaja');
    const liepajaPublic = await findPublicProgress(liepaja, now);
    expect(liepajaPublic.periods.filter((p) => !p.owed).map((p) => p.year)).toEqual([2021]);
    expect(liepajaPublic.periods.filter((p) => p.overdue).map((p) => p.year)).toEqual([2022, 2023, 2024, 2025, 2025]);
  });
});

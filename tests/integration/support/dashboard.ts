/** Shared setup of the staff dashboard integration tests (tests/integration/dashboard*.test.ts): known accessions and reports, and the dashboard as staff see it. */

import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { createAccession, createReport, municipalityIdOf, termOf, type ReportFactoryInput } from '@/lib/seed/factories';

import { type CommitmentMatrix } from '@/lib/dashboard/matrix';

import { loadDashboard } from '@/lib/dashboard/dashboard';

import { DEFAULT_DASHBOARD_QUERY } from '@/lib/schemas/dashboard';

import { actorOf, createUser } from '../db-utils';
import { createTestNorm } from './fixtures';

/** 20 days before the 2024 period's due date (31 March 2025); 2021–2023 are past due. */
export const NOW = new Date('2025-03-11T10:00:00Z');
export type CS = 'NOT_STARTED' | 'IN_PROGRESS' | 'ACHIEVED';

export const idOf = async (slug: string) => municipalityIdOf(db(), slug);
export const term = async () => termOf(db());

/** An accession of the 2021–2025 term with only the given facts (decision number `<slug>-1`). */
export async function accession(
  slug: string,
  status: 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'VERIFIED' | 'WITHDRAWN',
  data: Partial<Prisma.AccessionUncheckedCreateInput> = {},
) {
  return createAccession(db(), { municipalitySlug: slug, status, facts: 'none', data: { decisionNumber: `${slug}-1`, ...data } });
}

/** A report of the 2021–2025 term, submitted on 1 January 2025 unless a draft, accepted the next day when accepted. */
export async function report(
  slug: string,
  year: number,
  revision: number,
  status: 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'ACCEPTED',
  statuses: [CS, CS, CS],
  indicators: { fte?: number; pay?: number } = {},
  extra: ReportFactoryInput['data'] = {},
) {
  return createReport(db(), {
    municipalitySlug: slug,
    year,
    revision,
    status,
    commitments: statuses,
    indicators: {
      ...(indicators.fte !== undefined ? { social_work_specialists_fte: indicators.fte } : {}),
      ...(indicators.pay !== undefined ? { avg_gross_monthly_pay_eur: indicators.pay } : {}),
    },
    data: {
      submittedAt: status === 'DRAFT' ? null : new Date('2025-01-01T00:00:00Z'),
      acceptedAt: status === 'ACCEPTED' ? new Date('2025-01-02T00:00:00Z') : null,
      ...extra,
    },
  });
}

/**
 * Known data on top of the seed (Liepāja 2021-07-22 and Jēkabpils novads
 * 2021-06-15 verified): Rīga verified, Ogre verified without a session date
 * (verified late on 5 May 2023 UTC = 6 May in Latvia), Valmiera submitted,
 * Cēsis returned, Talsi withdrawn, Sigulda a draft; reports as listed.
 */
export async function seedKnownData() {
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
  await createTestNorm();
}

export const staffActor = async () => actorOf(await createUser({ role: 'STAFF' }));
/** The staff dashboard's figures exactly as the page loads them (lib/dashboard/cache calls loadDashboard). */
export const dashboard = async (actor: Parameters<typeof loadDashboard>[0]['actor']) => loadDashboard({ actor, now: NOW, query: DEFAULT_DASHBOARD_QUERY });
export const slugs = (m: CommitmentMatrix | null) => m!.rows.map((r) => r.slug);

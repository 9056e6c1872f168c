import 'server-only';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { ACCESSION_WORKFLOW } from '@/lib/authz/workflow';
import { utcDay } from '@/lib/dates';
import { now as clockNow } from '@/lib/clock';
import { owedPeriodsOf } from './deadlines';
import type { PeriodRef } from './period-label';

/**
 * Which reporting period a report address names (ADR 0215): a report is
 * the municipality's for one period, and a period is one year of one
 * council term, so the address carries both (…/reports/2021-2025/2025).
 * The year alone (the old address) names a period only when it is
 * unambiguous ({@link periodsForYear}).
 */

type TermRow = { id: string; slug: string; startsOn: Date; endsOn: Date; openedAt: Date | null };

/** The period of `year` in `term` as the default periods are cut (lib/progress/periods): the part of the year inside the term. */
function cutPeriod(term: TermRow, year: number): PeriodRef {
  return {
    year,
    termSlug: term.slug,
    startsOn: new Date(Math.max(utcDay(`${year}-01-01`).getTime(), term.startsOn.getTime())),
    endsOn: new Date(Math.min(utcDay(`${year}-12-31`).getTime(), term.endsOn.getTime())),
  };
}

const coversYear = (term: TermRow, year: number) => term.startsOn.getUTCFullYear() <= year && year <= term.endsOn.getUTCFullYear();

/**
 * The state of a municipality's report for `year` of `termSlug`:
 * - 'open': reporting is set up and the municipality is a verified member; `owed` says whether the
 *   period is owed by the one rule (lib/progress/deadlines; false = the period began before the decision,
 *   a voluntary report);
 * - 'not-open': a member, but staff have not yet set up reporting for the term;
 * - 'not-member': its membership in the term is not verified.
 * An unknown term, or a year outside it, is NOT_FOUND.
 */
export async function reportPeriodState(municipalityId: string, termSlug: string, year: number, now = clockNow()) {
  const term = await db().councilTerm.findUnique({ where: { slug: termSlug }, select: { id: true, slug: true, startsOn: true, endsOn: true, openedAt: true } });
  if (!term || !coversYear(term, year)) throw new AppError('NOT_FOUND');
  const [members, period] = await Promise.all([
    db().accession.count({ where: { municipalityId, termId: term.id, status: { in: [...ACCESSION_WORKFLOW.sets.member] } } }),
    db().reportingPeriod.findUnique({
      where: { termId_year: { termId: term.id, year } },
      select: { id: true, year: true, dueOn: true, startsOn: true, endsOn: true, termId: true },
    }),
  ]);
  const ref = period ? { ...period, termSlug: term.slug } : { ...cutPeriod(term, year), id: null, dueOn: null, termId: term.id };
  if (members === 0) return { kind: 'not-member' as const, period: ref };
  if (!term.openedAt || !period) return { kind: 'not-open' as const, period: ref };
  const owed = await owedPeriodsOf({ municipalityId, now });
  return { kind: 'open' as const, period: { ...period, termSlug: term.slug }, owed: owed.duty.has(period.id), overdue: owed.overdue.has(period.id) };
}

export type ReportPeriodState = Awaited<ReturnType<typeof reportPeriodState>>;

/**
 * The periods a bare year can mean for a municipality (the old address
 * …/reports/2025): the year in each term in which it is a verified member,
 * else in each term covering the year. One: the address is unambiguous;
 * two (2025, split by the elections): the caller lets the person choose.
 */
export async function periodsForYear(municipalityId: string, year: number): Promise<PeriodRef[]> {
  const terms = await db().councilTerm.findMany({
    orderBy: { startsOn: 'asc' },
    select: {
      id: true,
      slug: true,
      startsOn: true,
      endsOn: true,
      openedAt: true,
      accessions: { where: { municipalityId, status: { in: [...ACCESSION_WORKFLOW.sets.member] } }, select: { id: true } },
    },
  });
  const covering = terms.filter((term) => coversYear(term, year));
  const member = covering.filter((term) => term.accessions.length > 0);
  return (member.length > 0 ? member : covering).map((term) => cutPeriod(term, year));
}

/** The one term a bare year names for the municipality; NOT_FOUND when none, CONFLICT when the year is split between terms. */
export async function termOfYear(municipalityId: string, year: number): Promise<string> {
  const periods = await periodsForYear(municipalityId, year);
  if (periods.length === 0) throw new AppError('NOT_FOUND');
  if (periods.length > 1) throw new AppError('CONFLICT', 'reports.ambiguousYear');
  return periods[0]!.termSlug;
}

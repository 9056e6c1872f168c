import { now as clockNow } from '@/lib/clock';
import { rigaIsoDay, utcDay } from '@/lib/dates';

/**
 * Council terms by the calendar (issue 12): a term exists because the law and
 * the elections made it, not because staff opened it. These are pure rules
 * over the terms' dates; lib/municipalities/queries loads the terms.
 */

export type CalendarTerm = { slug: string; startYear: number; endYear: number; startsOn: Date; endsOn: Date; electionDay: Date | null };

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The term in force on `day` ('YYYY-MM-DD'): startsOn ≤ day ≤ endsOn; after the last term, the last one; before the first, the first. */
export function termOnDay<T extends Pick<CalendarTerm, 'startsOn' | 'endsOn'>>(terms: readonly T[], day: string): T | null {
  const sorted = [...terms].sort((a, b) => a.startsOn.getTime() - b.startsOn.getTime());
  const inForce = sorted.find((t) => iso(t.startsOn) <= day && day <= iso(t.endsOn));
  if (inForce) return inForce;
  const started = sorted.filter((t) => iso(t.startsOn) <= day);
  return started.at(-1) ?? sorted[0] ?? null;
}

/** The current term: the one containing today in Europe/Riga (see {@link termOnDay}). */
export function currentTermOf<T extends Pick<CalendarTerm, 'startsOn' | 'endsOn'>>(terms: readonly T[], at: Date = clockNow()): T | null {
  return termOnDay(terms, rigaIsoDay(at));
}

/** Terms the public may browse on `at`: every term that has started (the current one and earlier ones), oldest first. */
export function browsableTerms<T extends Pick<CalendarTerm, 'startsOn' | 'endsOn'>>(terms: readonly T[], at: Date = clockNow()): T[] {
  const day = rigaIsoDay(at);
  const current = termOnDay(terms, day);
  return [...terms].filter((t) => iso(t.startsOn) <= day || t === current).sort((a, b) => a.startsOn.getTime() - b.startsOn.getTime());
}

/** The term just before `term` by the calendar (whatever staff did), or null. */
export function previousTermOf<T extends Pick<CalendarTerm, 'startsOn'>>(terms: readonly T[], term: Pick<CalendarTerm, 'startsOn'>): T | null {
  return (
    [...terms]
      .filter((t) => t.startsOn < term.startsOn)
      .sort((a, b) => a.startsOn.getTime() - b.startsOn.getTime())
      .at(-1) ?? null
  );
}

/**
 * The dates a council decision to join may carry for a term: from the
 * term's election day (a newly elected council may sit before its
 * municipality formally begins, as Jēkabpils novada dome did on
 * 15 June 2021) to the term's end, and never after today. Without a cited
 * election day the window starts at the term's start.
 */
export function decisionDateWindow(term: Pick<CalendarTerm, 'startsOn' | 'endsOn' | 'electionDay'>, at: Date = clockNow()): { from: string; to: string } {
  const today = rigaIsoDay(at);
  const end = iso(term.endsOn);
  return { from: iso(term.electionDay ?? term.startsOn), to: end < today ? end : today };
}

export type DecisionDateCheck = { ok: true; beforeTermStart: boolean; nearEdge: 'election' | 'end' | null } | { ok: false; from: string; to: string };

/** Staff review flags decision dates this close to either edge of the window. */
export const EDGE_DAYS = 30;

/**
 * Does `sessionDate` ('YYYY-MM-DD') fit the term? `beforeTermStart`: decided
 * by the newly elected council before the term's start (explained on the
 * page); `nearEdge`: within {@link EDGE_DAYS} days of the election day or
 * the term's end (flagged for staff review).
 */
export function checkDecisionDate(
  sessionDate: string,
  term: Pick<CalendarTerm, 'startsOn' | 'endsOn' | 'electionDay'>,
  at: Date = clockNow(),
): DecisionDateCheck {
  const { from, to } = decisionDateWindow(term, at);
  if (sessionDate < from || sessionDate > to) return { ok: false, from, to };
  const days = (a: string, b: string) => Math.round((utcDay(b).getTime() - utcDay(a).getTime()) / 86_400_000);
  const nearEdge = days(from, sessionDate) <= EDGE_DAYS ? 'election' : days(sessionDate, iso(term.endsOn)) <= EDGE_DAYS ? 'end' : null;
  return { ok: true, beforeTermStart: sessionDate < iso(term.startsOn), nearEdge };
}

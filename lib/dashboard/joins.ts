import 'server-only';
import { requirePermission, type Actor } from '@/lib/authz';
import { loadDashboardSummary } from './metrics';

export type JoinPoint = { date: string; count: number; added: number };
export type JoinsSeries = {
  term: { slug: string; label: string; startsOn: string; endsOn: string };
  /** One point per date with a join: the cumulative count after that date. */
  points: JoinPoint[];
  /** Joined municipalities in total (equals the headline's "joined"). */
  total: number;
  /** Verified accessions with neither a council decision date nor a verification time (counted in total, not on the time line). */
  undated: number;
};

/** Pure: cumulative joins over time from the join dates ('YYYY-MM-DD' or null when unknown). */
export function cumulativeJoins(dates: readonly (string | null)[]): { points: JoinPoint[]; undated: number } {
  const perDay = new Map<string, number>();
  let undated = 0;
  for (const d of dates) {
    if (d === null) undated += 1;
    else perDay.set(d, (perDay.get(d) ?? 0) + 1);
  }
  let count = 0;
  const points = [...perDay.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, added]) => ({ date, count: (count += added), added }));
  return { points, undated };
}

/**
 * Cumulative joins over the term (staff): each VERIFIED accession of a
 * municipality of the term, dated by its council decision (session date),
 * else by the day (in Latvia) of its verification; withdrawn ones do not
 * count. The current opened term; null when none. Grouped by date in SQL
 * (lib/dashboard/metrics `loadDashboardSummary`, the same query as the headline).
 */
export async function loadCumulativeJoins({ actor }: { actor: Actor | null }): Promise<JoinsSeries | null> {
  requirePermission(actor, 'staff.view');
  return (await loadDashboardSummary()).joins;
}

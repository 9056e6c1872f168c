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

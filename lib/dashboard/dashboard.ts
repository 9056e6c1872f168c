import 'server-only';
import { requirePermission, type Actor } from '@/lib/authz';
import type { TDashboardQuery } from '@/lib/schemas/dashboard';
import { headlineFromRow, type HeadlineMetrics } from './metrics';
import type { JoinsSeries } from './joins';
import { loadMatrixQuery, type CommitmentMatrix } from './matrix';
import { loadIndicatorComparison, type IndicatorComparison } from './indicators';
import { loadWorkQueues, requireQueuePermissions, type WorkQueues } from './queues';
import { now as clockNow } from '@/lib/clock';

export type Dashboard = {
  /** Null when no council term is opened (then only the queues are filled). */
  metrics: HeadlineMetrics | null;
  joins: JoinsSeries | null;
  /** One page of the matrix, filtered and sorted by the query; `matrixTotal` is the number of rows before filtering. */
  matrix: CommitmentMatrix | null;
  matrixTotal: number;
  /** One page of the indicator comparison. */
  indicators: IndicatorComparison | null;
  queues: WorkQueues;
};

/**
 * Everything the staff dashboard shows, for the current term, in three
 * queries run side by side (each aggregates, sorts and pages in the
 * database): one page of the matrix with the headline counts and the joins
 * series, one page of the indicator comparison, and the work queues (whose
 * overdue / due-soon totals are the headline's).
 */
export async function loadDashboard({ actor, now = clockNow(), query }: { actor: Actor | null; now?: Date; query: TDashboardQuery }): Promise<Dashboard> {
  requirePermission(actor, 'staff.view');
  requireQueuePermissions(actor);
  const [{ matrix, headline }, indicators, queues] = await Promise.all([
    loadMatrixQuery({ actor, query, page: query.page ?? 1, headline: true }),
    loadIndicatorComparison({ actor, now, page: query.ipage ?? 1 }),
    loadWorkQueues({ actor, now }),
  ]);
  // The headline's overdue / due-soon counts are the queues' totals (one definition, lib/progress/deadlines).
  const { metrics, joins } = headlineFromRow(headline, { overdue: queues.totals.overdue, dueSoon: queues.totals.dueSoon });
  return { metrics, joins, matrix, matrixTotal: matrix?.total ?? 0, indicators, queues };
}

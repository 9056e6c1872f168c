import 'server-only';
import { requirePermission, type Actor } from '@/lib/authz';
import { requireQueuePermissions } from './queues';
import type { TDashboardQuery } from '@/lib/schemas/dashboard';
import { loadDashboard, type Dashboard } from './dashboard';
import { cachesCoherent, registerCache } from '@/lib/cache-bus/registry';
import { rigaIsoDay } from '@/lib/dates';
import { now as clockNow } from '@/lib/clock';
import { createSwrCache, type SwrCache } from './swr';

/**
 * The dashboard's figures are the same for every staff member, so the page
 * keeps each query's answer for a few seconds (deadlines count days, so a
 * short lifetime is enough) and every change that moves a figure clears it
 * in every instance (lib/cache-bus). Concurrent requests for one query share
 * one load. Past its lifetime an answer of the same Riga day is served for
 * up to STALE_MS more while one reload runs (issue 14: at 10 000 bodies a
 * reload takes ~0.5 s, and every reader queued behind it made the p95). A
 * change never leaves a stale answer: the bus clears those too. Kept on
 * globalThis: route handlers and pages are bundled apart.
 */
const TTL_MS = 15_000;
const STALE_MS = 45_000;
const MAX_ENTRIES = 200;
const KEY = Symbol.for('memorands.dashboardCache');
const cache = (): SwrCache<Dashboard> => {
  const holder = globalThis as unknown as Record<symbol, SwrCache<Dashboard> | undefined>;
  if (!holder[KEY]) {
    const created = createSwrCache<Dashboard>({ ttlMs: TTL_MS, staleMs: STALE_MS, maxEntries: MAX_ENTRIES, day: () => rigaIsoDay(clockNow()) });
    holder[KEY] = created;
    registerCache('staff-dashboard', ['public', 'staff'], () => created.clear());
  }
  return holder[KEY];
};

/** The dashboard for `query`, from the cache when it holds a fresh (or, while it reloads, a same-day) answer; permissions checked every call. */
export async function loadDashboardCached({ actor, query }: { actor: Actor | null; query: TDashboardQuery }): Promise<Dashboard> {
  // The permissions are checked on every call, cached or not.
  requirePermission(actor, 'staff.view');
  requireQueuePermissions(actor);
  if (!cachesCoherent()) return loadDashboard({ actor, query });
  // Note: the figures do not depend on who asks (staff only, checked above), so one answer serves every staff member.
  return cache().get(JSON.stringify(query), () => loadDashboard({ actor, query }));
}

/** Forgets every cached answer (after any change the dashboard shows). */
export function clearDashboardCache(): void {
  cache().clear();
}

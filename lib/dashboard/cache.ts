import 'server-only';
import { requirePermission, type Actor } from '@/lib/authz';
import { requireQueuePermissions } from './queues';
import type { TDashboardQuery } from '@/lib/schemas/dashboard';
import { loadDashboard, type Dashboard } from './dashboard';
import { cachesCoherent, registerCache } from '@/lib/cache-bus/registry';

/**
 * The dashboard's figures are the same for every staff member, so the page
 * keeps each query's answer for a few seconds (deadlines count days, so a
 * short lifetime is enough) and every change that moves a figure clears it
 * in every instance (lib/cache-bus). Concurrent requests for one query share
 * one load. Kept on globalThis: route handlers and pages are bundled apart.
 */
const TTL_MS = 15_000;
const MAX_ENTRIES = 200;
type Entry = { at: number; value: Promise<Dashboard> };
const KEY = Symbol.for('memorands.dashboardCache');
const entries = (): Map<string, Entry> => {
  const holder = globalThis as unknown as Record<symbol, Map<string, Entry> | undefined>;
  if (!holder[KEY]) {
    const map = new Map<string, Entry>();
    holder[KEY] = map;
    registerCache('staff-dashboard', ['public', 'staff'], () => map.clear());
  }
  return holder[KEY];
};

export async function loadDashboardCached({ actor, query }: { actor: Actor | null; query: TDashboardQuery }): Promise<Dashboard> {
  // The permissions are checked on every call, cached or not.
  requirePermission(actor, 'staff.view');
  requireQueuePermissions(actor);
  if (!cachesCoherent()) return loadDashboard({ actor, query });
  const key = JSON.stringify(query);
  const map = entries();
  const hit = map.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
  const value = loadDashboard({ actor, query });
  if (map.size >= MAX_ENTRIES) map.clear();
  map.set(key, { at: Date.now(), value });
  value.catch(() => {
    if (map.get(key)?.value === value) map.delete(key);
  });
  return value;
}

/** Forgets every cached answer (after any change the dashboard shows). */
export function clearDashboardCache(): void {
  entries().clear();
}

import type { Tx } from '@/lib/db/client';
import { clearLocalCaches, type CacheScope } from './registry';

/** The PostgreSQL channel every instance listens on (lib/cache-bus/listener.ts). */
export const CACHE_CHANNEL = 'memorands_cache';

/**
 * The one way a change invalidates cached data: called inside the
 * transaction that makes the change. It queues a NOTIFY in that
 * transaction, which PostgreSQL delivers to every listening instance
 * (this one included) only when the transaction commits; a rollback
 * notifies nobody. It also clears this process's caches at once (a
 * render racing with the commit is dropped again when the notification
 * arrives; see docs/adr/0140-cache-invalidation-through-postgresql.md).
 */
export async function invalidateCaches(tx: Tx, scope: CacheScope): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${CACHE_CHANNEL}, ${scope})`;
  clearLocalCaches(scope);
}

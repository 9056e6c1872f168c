import pg from 'pg';
import { currentDatabaseUrl } from '../env';

let last: { at: number; up: boolean; pending?: Promise<boolean> } = { at: 0, up: true };

/**
 * Whether the database answers a trivial query within a second; checked at
 * most once per second and shared by concurrent callers. The front server
 * (scripts/server.ts) asks it when a page fails, to tell an outage (503)
 * from a bug (500).
 */
export function databaseReachable(url = currentDatabaseUrl()): Promise<boolean> {
  if (!url) return Promise.resolve(false);
  const now = Date.now();
  if (last.pending) return last.pending;
  if (now - last.at < 1000) return Promise.resolve(last.up);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000, query_timeout: 1000 });
  const pending = client
    .connect()
    .then(() => client.query('SELECT 1'))
    .then(
      () => true,
      () => false,
    )
    .finally(() => {
      void client.end().catch(() => undefined);
    });
  last = { ...last, pending };
  return pending.then((up) => {
    last = { at: Date.now(), up };
    return up;
  });
}

import path from 'node:path';
import { rm } from 'node:fs/promises';
import { assertLocalDatabase, ensureDatabase, startEmbeddedPostgres } from '../../lib/db/embedded';
import { migrate } from '../../lib/db/migrate';

export const IT_DATABASE = 'memorands_it';

/**
 * A fresh, migrated database for the integration tests, on the test server
 * (TEST_DATABASE_BASE_URL from scripts/with-test-db.ts) or on an embedded
 * PostgreSQL started here when run on its own.
 */
export default async function setup() {
  let stop: (() => Promise<void>) | undefined;
  if (!process.env.TEST_DATABASE_BASE_URL) {
    const server = await startEmbeddedPostgres({ dataDir: path.resolve('.data', `it-pg-${process.pid}`), persistent: false });
    process.env.TEST_DATABASE_BASE_URL = server.baseUrl;
    stop = server.stop;
  }
  const base = process.env.TEST_DATABASE_BASE_URL;
  assertLocalDatabase(base);
  const url = await ensureDatabase(base, IT_DATABASE, { fresh: true });
  // Uploaded files of earlier runs (tests/integration/setup.ts points storage here).
  await rm(path.resolve('.data', 'it-storage'), { recursive: true, force: true });
  await migrate(url);
  return async () => {
    await stop?.();
  };
}

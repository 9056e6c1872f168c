/**
 * Prepares what one end-to-end worker's server runs on (ADR 0200), from the
 * environment playwright.config.ts gives that server: its database
 * (DATABASE_URL), dropped and cloned from the seeded test database
 * (E2E_TEMPLATE_DATABASE_URL; CREATE DATABASE … TEMPLATE copies the files, a
 * fresh install in about a second), an empty storage folder (STORAGE_DIR) and
 * no error log (SERVER_ERROR_LOG). Run just before that server starts.
 * Usage: tsx tests/e2e/support/worker-database.ts
 */
import { rm } from 'node:fs/promises';
import pg from 'pg';
import { assertLocalDatabase, withDatabase } from '../../../lib/db/embedded';

const { DATABASE_URL: copyUrl, E2E_TEMPLATE_DATABASE_URL: templateUrl, STORAGE_DIR: storageDir, SERVER_ERROR_LOG: errorLog } = process.env;
if (!templateUrl || !copyUrl) throw new Error('No seeded test database to clone: run the end-to-end tests through scripts/with-test-db.ts.');
assertLocalDatabase(copyUrl);

const name = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));
const [template, copy] = [name(templateUrl), name(copyUrl)];
if (![template, copy].every((n) => /^[a-z0-9_]+$/.test(n)) || template === copy) throw new Error(`Bad database names: ${template} → ${copy}`);

const admin = new pg.Client({ connectionString: withDatabase(templateUrl, 'postgres') });
await admin.connect();
try {
  await admin.query(`DROP DATABASE IF EXISTS "${copy}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${copy}" TEMPLATE "${template}"`);
} finally {
  await admin.end();
}
if (storageDir) await rm(storageDir, { recursive: true, force: true });
if (errorLog) await rm(errorLog, { force: true });

/**
 * Runs a command with a database server for the tests: the one in
 * DATABASE_URL (local only), else a throw-away embedded PostgreSQL. Creates a
 * fresh end-to-end database (migrated and seeded) and exports
 * DATABASE_URL (e2e database) and TEST_DATABASE_BASE_URL (the server).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { DATA, appDatabase, migrateAndSeed, openServer } from './lib';
import { assertLocalDatabase } from '../lib/db/embedded';
import { childEnv, currentDatabaseUrl } from '../lib/env';

const command = process.argv.slice(2);
if (command.length === 0) {
  console.error('usage: tsx scripts/with-test-db.ts <command…>');
  process.exit(2);
}
const configuredUrl = currentDatabaseUrl();
if (configuredUrl) assertLocalDatabase(configuredUrl);
const server = await openServer({ embeddedDir: path.join(DATA, `test-pg-${process.pid}`), persistent: false });
const e2eUrl = await appDatabase({ ...server, external: false }, 'memorands_e2e', true);
await migrateAndSeed(e2eUrl);

const child = spawn(command[0]!, command.slice(1), {
  stdio: 'inherit',
  env: childEnv({ DATABASE_URL: e2eUrl, TEST_DATABASE_BASE_URL: server.baseUrl }),
});
const code: number = await new Promise((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
await server.stop().catch(() => undefined);
process.exit(code);

/**
 * npm run restore -- <archive> [--force]
 *
 * Verifies every file of a backup archive against its manifest (refusing,
 * with nothing touched, on any mismatch), then writes the documents back to
 * storage and replaces the database contents in one transaction. A target
 * database holding rows is refused unless --force. The database is
 * DATABASE_URL's, else the embedded one of `npm run up` (stop the portal
 * first). PG_BIN: folder of pg_restore/psql when not found on their own.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DATA, appDatabase, openServer } from './lib';
import { runningEmbeddedPostgres } from '../lib/db/embedded';
import { currentDatabaseUrl, env, setDatabaseUrl } from '../lib/env';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
if (values.help || positionals.length !== 1) {
  console.log('usage: npm run restore -- <archive.tar.gz> [--force]');
  process.exit(values.help ? 0 : 2);
}
const archive = path.resolve(positionals[0]!);

const embeddedDir = path.join(DATA, 'pg');
const running = currentDatabaseUrl() ? null : await runningEmbeddedPostgres(embeddedDir);
const server = running ? { baseUrl: running, external: false, stop: () => Promise.resolve() } : await openServer({ embeddedDir, persistent: true });
let code = 0;
try {
  const databaseUrl = await appDatabase(server, 'memorands');
  setDatabaseUrl(databaseUrl);
  const { restoreBackup, BackupVerificationError, RestoreRefusedError } = await import('../lib/backup/restore');
  const { storage } = await import('../lib/storage');
  try {
    const s = await restoreBackup({ archive, databaseUrl, storage: storage(), force: values.force, binDir: env.PG_BIN, log: (line) => console.log(line) });
    const m = s.manifest;
    console.log(`\nRestored ${archive}`);
    console.log(
      `  made ${m.createdAt} by ${m.app.name} ${m.app.version}; ${m.database.migrations.length} migrations (last: ${m.database.migrations.at(-1)?.name ?? 'none'})`,
    );
    console.log(`  database: ${s.rows} rows in ${s.tables} tables (row counts match the manifest)`);
    console.log(`  documents: ${s.documentsWritten} written, ${s.documentsPresent} already in storage`);
    if (s.extraObjects)
      console.log(`  storage holds ${s.extraObjects} other objects; \`npm run clean-temp -- --delete-orphans\` removes those no document refers to.`);
    console.log(`  ${(s.durationMs / 1000).toFixed(1)} s. Start the portal with \`npm run up\` (pending migrations are applied then).`);
  } catch (error) {
    if (error instanceof BackupVerificationError || error instanceof RestoreRefusedError) {
      console.error(error.message);
      code = 3;
    } else throw error;
  }
} catch (error) {
  console.error(`Restore failed: ${error instanceof Error ? error.message : String(error)}`);
  code = 1;
} finally {
  await server.stop().catch(() => undefined);
}
process.exit(code);

/**
 * npm run backup [-- --out FILE]
 *
 * One archive (.tar.gz) with the database (pg_dump -Fc), every stored
 * document and a manifest (sizes, sha256, migrations, row counts). The
 * database is DATABASE_URL's, else the embedded one of `npm run up` (used
 * while it runs, started for the backup otherwise). Default file:
 * .data/backups/memorands-<UTC timestamp>.tar.gz. PG_BIN: folder of
 * pg_dump when it is not found on its own.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DATA, ROOT, appDatabase, openServer } from './lib';
import { runningEmbeddedPostgres } from '../lib/db/embedded';
import { currentDatabaseUrl, env, setDatabaseUrl } from '../lib/env';

const { values } = parseArgs({ options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
if (values.help) {
  console.log('usage: npm run backup [-- --out FILE]');
  process.exit(0);
}

const embeddedDir = path.join(DATA, 'pg');
const running = currentDatabaseUrl() ? null : await runningEmbeddedPostgres(embeddedDir);
if (!currentDatabaseUrl() && !running && !existsSync(path.join(embeddedDir, 'PG_VERSION'))) {
  console.error(`Nothing to back up: DATABASE_URL is not set and there is no embedded database in ${embeddedDir}.`);
  process.exit(1);
}
const server = running ? { baseUrl: running, external: false, stop: () => Promise.resolve() } : await openServer({ embeddedDir, persistent: true });
let code = 0;
try {
  const databaseUrl = await appDatabase(server, 'memorands');
  setDatabaseUrl(databaseUrl);
  const { createBackup, defaultBackupName } = await import('../lib/backup/create');
  const { storage } = await import('../lib/storage');
  const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  const out = path.resolve(values.out ?? path.join(DATA, 'backups', defaultBackupName()));
  const summary = await createBackup({
    databaseUrl,
    out,
    storage: storage(),
    storageDriver: env.S3_BUCKET ? `s3:${env.S3_BUCKET}` : 'local',
    app: { name: pkg.name, version: pkg.version },
    binDir: env.PG_BIN,
    log: (line) => console.log(line),
  });
  console.log(`\nBackup written: ${summary.file}`);
  console.log(
    `  ${formatBytes(summary.archiveBytes)}; ${summary.rows} rows in ${summary.tables} tables; ${summary.documents} documents (${formatBytes(summary.documentBytes)}); ${summary.manifest.database.migrations.length} migrations; ${(summary.durationMs / 1000).toFixed(1)} s.`,
  );
  console.log('  It holds personal data and password hashes: keep it as safe as the database.');
} catch (error) {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  code = 1;
} finally {
  await server.stop().catch(() => undefined);
}
process.exit(code);

function formatBytes(n: number): string {
  return n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

/**
 * npm run clean-temp [-- --delete-orphans] [--min-age-minutes N]
 *
 * Removes upload temporary files older than N minutes (default 60; left by
 * a crash mid-upload), then compares storage with the Document rows:
 * reports objects no row refers to (orphans; --delete-orphans removes those
 * older than N minutes) and rows whose object is missing (exit code 1).
 * The database is DATABASE_URL's, else the embedded one of `npm run up`.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DATA, appDatabase, openServer } from './lib';
import { runningEmbeddedPostgres } from '../lib/db/embedded';
import { currentDatabaseUrl, setDatabaseUrl } from '../lib/env';

const { values } = parseArgs({
  options: { 'delete-orphans': { type: 'boolean' }, 'min-age-minutes': { type: 'string', default: '60' }, help: { type: 'boolean', short: 'h' } },
});
const minutes = Number(values['min-age-minutes']);
if (values.help || !Number.isFinite(minutes) || minutes < 0) {
  console.log('usage: npm run clean-temp [-- --delete-orphans] [--min-age-minutes N]');
  process.exit(values.help ? 0 : 2);
}
const minAgeMs = minutes * 60_000;

const embeddedDir = path.join(DATA, 'pg');
const running = currentDatabaseUrl() ? null : await runningEmbeddedPostgres(embeddedDir);
const server = running ? { baseUrl: running, external: false, stop: () => Promise.resolve() } : await openServer({ embeddedDir, persistent: true });
let code = 0;
try {
  setDatabaseUrl(await appDatabase(server, 'memorands'));
  const { cleanStaleTemp } = await import('../lib/storage');
  const { checkStorage, deleteOrphans } = await import('../lib/storage/orphans');
  const { disconnectDb } = await import('../lib/db/client');
  try {
    console.log(`Temporary upload files removed: ${await cleanStaleTemp(minAgeMs)} (older than ${minutes} min).`);
    const report = await checkStorage();
    console.log(`Storage: ${report.objects} objects, ${report.referenced} referenced by documents.`);
    if (report.missing.length) {
      code = 1;
      console.error(`MISSING: ${report.missing.length} document rows refer to objects that are not in storage (restore them from a backup):`);
      for (const key of report.missing) console.error(`  ${key}`);
    }
    const age = (d: Date) => `${Math.round((Date.now() - d.getTime()) / 60_000)} min old`;
    if (report.orphans.length) {
      console.log(`Orphans (no document refers to them): ${report.orphans.length}`);
      for (const o of report.orphans) console.log(`  ${o.key}  ${o.size} bytes, ${age(o.modifiedAt)}`);
      if (values['delete-orphans']) {
        const { deleted, kept } = await deleteOrphans({ minAgeMs });
        console.log(
          `Deleted ${deleted.length} orphans${kept.length ? `; kept ${kept.length} younger than ${minutes} min (an upload may still be attaching them)` : ''}.`,
        );
      } else {
        console.log('Run with --delete-orphans to remove those older than the minimum age.');
      }
    } else {
      console.log('No orphans.');
    }
  } finally {
    await disconnectDb();
  }
} catch (error) {
  console.error(`clean-temp failed: ${error instanceof Error ? error.message : String(error)}`);
  code = 1;
} finally {
  await server.stop().catch(() => undefined);
}
process.exit(code);

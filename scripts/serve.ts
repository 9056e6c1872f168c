/**
 * Brings the portal up: database (embedded PostgreSQL under .data/pg when
 * DATABASE_URL is unset), migrations, reference seed, first admin account,
 * then the portal server (scripts/server.ts: Next.js behind a public-page
 * cache) on port 3000 (PORT to change). Ctrl+C stops everything.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DATA, ROOT, appDatabase, authSecret, openServer } from './lib';

const port = process.env.PORT ?? '3000';
const server = await openServer({ embeddedDir: path.join(DATA, 'pg'), persistent: true });
const databaseUrl = await appDatabase(server, 'memorands');
process.env.DATABASE_URL = databaseUrl;

const { migrate } = await import('../lib/db/migrate');
const { db, disconnectDb } = await import('../lib/db/client');
const { seedReference } = await import('../lib/seed/reference');
const { ensureBootstrapAdmin } = await import('../lib/users/bootstrap');

const result = await migrate(databaseUrl);
console.log(`Migrations: ${result.applied.length} applied, ${result.skipped.length} already in place.`);
await seedReference(db());
console.log('Reference data seeded (municipalities, memorandum, council terms, recorded accessions).');
const credentialsFile = path.join(DATA, 'initial-admin.txt');
const created = await ensureBootstrapAdmin(db());
if (created) await writeFile(credentialsFile, `${created.email}\n${created.password}\n`, { mode: 0o600 });
await disconnectDb();

// The data cache may describe another database state (seeded, restored or wiped while down): start it empty.
await rm(path.join(ROOT, '.next/cache/fetch-cache'), { recursive: true, force: true });

const env = { ...process.env, DATABASE_URL: databaseUrl, AUTH_SECRET: await authSecret(), PORT: port, NODE_ENV: 'production' as const };
const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'scripts/server.ts'), port], { cwd: ROOT, env, stdio: 'inherit' });

console.log(`\nMemorands is starting at http://localhost:${port}`);
if (existsSync(credentialsFile)) {
  const [email, password] = (await readFile(credentialsFile, 'utf8')).trim().split('\n');
  console.log(`Association sign-in: ${email} / ${password}  (http://localhost:${port}/lv/signin; stored in .data/initial-admin.txt)`);
}

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  child.kill('SIGTERM');
  await server.stop().catch(() => undefined);
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
child.on('exit', (code) => void stop(code ?? 0));

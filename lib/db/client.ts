import { appendFile } from 'node:fs/promises';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient, type Prisma } from '@/lib/generated/prisma/client';
import { env, requireDatabaseUrl } from '@/lib/env';

/**
 * Time limits on every database call, so a frozen or unreachable server gives
 * errors (answered 503 with Retry-After by lib/http/route.ts and the front
 * server) instead of requests that hang (issue 17: 20–75 s with PostgreSQL
 * stopped by SIGSTOP).
 *
 * Note: `statement_timeout` is PostgreSQL's own limit (it cancels a slow
 * query; SQLSTATE 57014); `query_timeout` is the client's limit for a
 * server that does not answer at all, a little longer so that the server's
 * cancel normally comes first; `connectionTimeoutMillis` bounds opening a
 * connection and waiting for a free one in the pool.
 */
export const DB_TIMEOUTS = { statement_timeout: 5_000, query_timeout: 6_000, connectionTimeoutMillis: 5_000 } as const;

function createClient() {
  const adapter = new PrismaPg({ connectionString: requireDatabaseUrl(), max: 10, keepAlive: true, ...DB_TIMEOUTS });
  // Note: query events only when QUERY_LOG_FILE is set (benchmarks); otherwise no logging at all.
  const log: Prisma.LogDefinition[] = env.QUERY_LOG_FILE ? [{ emit: 'event', level: 'query' }] : [];
  // Note: password hashes are omitted from every query by default; the one
  // module that verifies passwords asks for them explicitly.
  const client = new PrismaClient({ adapter, omit: { user: { passwordHash: true } }, log });
  if (env.QUERY_LOG_FILE) logQueriesTo(client, env.QUERY_LOG_FILE);
  return client;
}

/**
 * Appends one JSON line per query to `file`, batched per event-loop turn:
 * {durationMs, sql (first 300 characters), fullSql, params} (bench/run.ts
 * counts them per request and EXPLAINs the slowest with its parameters).
 */
function logQueriesTo(client: { $on(event: 'query', cb: (e: Prisma.QueryEvent) => void): unknown }, file: string): void {
  let lines: string[] = [];
  let writing = Promise.resolve();
  client.$on('query', (e) => {
    if (lines.length === 0)
      setImmediate(() => {
        const chunk = lines.join('');
        lines = [];
        writing = writing.then(() => appendFile(file, chunk)).catch(() => undefined);
      });
    lines.push(`${JSON.stringify({ durationMs: Math.round(e.duration * 100) / 100, sql: e.query.slice(0, 300), fullSql: e.query, params: e.params })}\n`);
  });
}

export type Db = ReturnType<typeof createClient>;
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

const globalForDb = globalThis as unknown as { memorandsDb?: Db };

/** The Prisma client singleton (kept on globalThis so dev reloads reuse it). */
export function db(): Db {
  globalForDb.memorandsDb ??= createClient();
  return globalForDb.memorandsDb;
}

/** Closes the singleton (scripts and tests). */
export async function disconnectDb(): Promise<void> {
  await globalForDb.memorandsDb?.$disconnect();
  globalForDb.memorandsDb = undefined;
}

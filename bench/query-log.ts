/**
 * Queries per request for bench/run.ts: the portal started with
 * QUERY_LOG_FILE appends one JSON line per SQL query; a request's queries are
 * the lines it added. Each distinct query is then re-run under
 * EXPLAIN (ANALYZE, BUFFERS) in a rolled-back transaction.
 */
import { existsSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import pg from 'pg';

export type LoggedQuery = { durationMs: number; sql: string; fullSql: string; params: string };
export type Sample = {
  kind: 'cold' | 'miss' | 'hit';
  url: string;
  status: number;
  bytes: number;
  ms: number;
  queries: number;
  clientQueryMs: number;
  maxClientQueryMs: number;
  log: LoggedQuery[];
};

/** What the query log grew by since byte `from`, once it has been still for a moment (the client appends once per event-loop turn). */
export async function logSince(file: string, from: number): Promise<{ lines: LoggedQuery[]; size: number }> {
  let size = -1;
  for (let still = 0; still < 3;) {
    await new Promise((r) => setTimeout(r, 60));
    const now = existsSync(file) ? (await stat(file)).size : 0;
    still = now === size ? still + 1 : 0;
    size = now;
  }
  if (size <= from) return { lines: [], size };
  const handle = await open(file, 'r');
  const buffer = Buffer.alloc(size - from);
  await handle.read(buffer, 0, buffer.length, from);
  await handle.close();
  return {
    lines: buffer
      .toString('utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as LoggedQuery),
    size,
  };
}

export async function measure(
  base: string,
  url: string,
  kind: Sample['kind'],
  cookie: string | null,
  queryLog: string,
  offset: { size: number },
): Promise<Sample> {
  const before = (await logSince(queryLog, offset.size)).size;
  const t = performance.now();
  const res = await fetch(base + url, { redirect: 'manual', headers: { 'accept-encoding': 'gzip, br', ...(cookie ? { cookie } : {}) } });
  const body = Buffer.from(await res.arrayBuffer());
  const ms = performance.now() - t;
  const { lines, size } = await logSince(queryLog, before);
  offset.size = size;
  return {
    kind,
    url,
    status: res.status,
    bytes: body.length,
    ms: +ms.toFixed(1),
    queries: lines.length,
    clientQueryMs: +lines.reduce((s, q) => s + q.durationMs, 0).toFixed(1),
    maxClientQueryMs: +Math.max(0, ...lines.map((q) => q.durationMs)).toFixed(1),
    log: lines,
  };
}

export type Explained = { dbMs: number | null; clientMs: number; sql: string; plan: string };

/** EXPLAIN (ANALYZE, BUFFERS) of each query with its parameters, in a transaction that is rolled back. */
export async function explainAll(databaseUrl: string, queries: LoggedQuery[]): Promise<Explained[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const seen = new Set<string>();
  const out: Explained[] = [];
  try {
    for (const q of queries) {
      const key = `${q.fullSql}\u0000${q.params}`;
      if (seen.has(key)) continue;
      seen.add(key);
      let plan: string;
      try {
        let params: unknown[] = [];
        try {
          params = JSON.parse(q.params) as unknown[];
        } catch {
          /* no parameters */
        }
        await client.query('BEGIN');
        const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${q.fullSql}`, params);
        plan = rows.map((r) => r['QUERY PLAN']).join('\n');
      } catch (error) {
        plan = `EXPLAIN failed: ${(error as Error).message}`;
      } finally {
        await client.query('ROLLBACK').catch(() => undefined);
      }
      const execution = /Execution Time: ([\d.]+) ms/.exec(plan);
      const planning = /Planning Time: ([\d.]+) ms/.exec(plan);
      const dbMs = execution ? +(Number(execution[1]) + Number(planning?.[1] ?? 0)).toFixed(2) : null;
      out.push({ dbMs, clientMs: q.durationMs, sql: q.fullSql, plan });
    }
  } finally {
    await client.end();
  }
  return out;
}

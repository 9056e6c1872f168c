import pg from 'pg';

/**
 * Every row of every table in the public schema, ordered by primary key,
 * as JSON text rendered by PostgreSQL (one string per table), so two
 * databases (or one before and after) compare exactly.
 */
export async function snapshotDatabase(databaseUrl: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string; pk: string[] | null }>(`
      SELECT c.relname AS name,
             (SELECT array_agg(a.attname::text ORDER BY k.ord)
                FROM pg_index i
                CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
                JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
               WHERE i.indrelid = c.oid AND i.indisprimary) AS pk
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'r'
       ORDER BY c.relname`);
    const out: Record<string, string> = {};
    for (const t of tables) {
      const q = (s: string) => `"${s.replaceAll('"', '""')}"`;
      if (!t.pk?.length) throw new Error(`table ${t.name} has no primary key`);
      const order = t.pk.map((c) => `x.${q(c)}`).join(', ');
      const r = await client.query<{ rows: string }>(`SELECT coalesce(json_agg(x ORDER BY ${order}), '[]')::text AS rows FROM public.${q(t.name)} x`);
      out[t.name] = r.rows[0]!.rows;
    }
    return out;
  } finally {
    await client.end();
  }
}

/** Empties every table of the public schema (the migrations log included). */
export async function truncateAll(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`);
    if (rows.length) await client.query(`TRUNCATE ${rows.map((r) => `public."${r.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`);
  } finally {
    await client.end();
  }
}

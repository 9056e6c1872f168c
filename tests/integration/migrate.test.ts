import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { ensureDatabase } from '@/lib/db/embedded';
import { loadMigrations, migrate } from '@/lib/db/migrate';

async function freshDb(name: string) {
  return ensureDatabase(process.env.TEST_DATABASE_BASE_URL!, name, { fresh: true });
}

describe('migration runner', () => {
  it('applies every migration once; a second run is a no-op', async () => {
    const url = await freshDb('memorands_migrate_a');
    const all = await loadMigrations();
    const first = await migrate(url);
    expect(first.applied).toEqual(all.map((m) => m.name));
    const second = await migrate(url);
    expect(second.applied).toEqual([]);
    expect(second.skipped).toEqual(all.map((m) => m.name));
  });

  it('refuses a migration whose file changed after it was applied', async () => {
    const url = await freshDb('memorands_migrate_b');
    const all = await loadMigrations();
    await migrate(url, all);
    const tampered = all.map((m, i) => (i === 0 ? { ...m, checksum: 'f'.repeat(64) } : m));
    await expect(migrate(url, tampered)).rejects.toThrow(/was changed after it was applied/);
  });

  it('rolls a failing migration back whole and records nothing', async () => {
    const url = await freshDb('memorands_migrate_c');
    const broken = [{ name: '0001_broken', checksum: 'a'.repeat(64), sql: 'CREATE TABLE "half" (id int); SELECT no_such_function();' }];
    await expect(migrate(url, broken)).rejects.toThrow(/rolled back/);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const half = await client.query(`SELECT to_regclass('"half"') AS t`);
    const logged = await client.query('SELECT count(*)::int AS n FROM "_migrations"');
    await client.end();
    expect(half.rows[0].t).toBeNull();
    expect(logged.rows[0].n).toBe(0);
  });

  it('runs safely when two processes migrate at once (advisory lock)', async () => {
    const url = await freshDb('memorands_migrate_d');
    const [a, b] = await Promise.all([migrate(url), migrate(url)]);
    expect(a.applied.length + b.applied.length).toBe((await loadMigrations()).length);
  });
});

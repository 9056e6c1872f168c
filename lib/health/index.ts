import 'server-only';
import { randomUUID } from 'node:crypto';
import { mkdir, open, rm } from 'node:fs/promises';
import path from 'node:path';
import { db } from '@/lib/db/client';
import { loadMigrations } from '@/lib/db/migrate';
import { env } from '@/lib/env';
import { storage, tempDir } from '@/lib/storage';

export type HealthCheck = { ok: boolean; detail?: string };
export type Health = { ok: boolean; checks: { database: HealthCheck; migrations: HealthCheck; storage: HealthCheck } };

const TIMEOUT_MS = 2000;
function within<T>(ms: number, work: Promise<T>): Promise<T> {
  return Promise.race([work, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref())]);
}
const failed = (error: unknown): HealthCheck => ({ ok: false, detail: error instanceof Error ? error.message.split('\n')[0]!.slice(0, 200) : 'failed' });

/**
 * Whether this instance can serve: the database answers, every migration in
 * prisma/migrations is applied (and no unknown one), and uploads can be
 * written (the temporary folder; the S3 bucket answers when configured).
 * Used by /api/health for the proxy or an orchestrator; reveals no data.
 */
export async function checkHealth(): Promise<Health> {
  const database = within(TIMEOUT_MS, db().$queryRaw`SELECT 1`).then((): HealthCheck => ({ ok: true }), failed);
  const migrations = within(
    TIMEOUT_MS,
    (async (): Promise<HealthCheck> => {
      const [files, rows] = await Promise.all([loadMigrations(), db().$queryRaw<{ name: string }[]>`SELECT "name" FROM "_migrations"`]);
      const applied = new Set(rows.map((r) => r.name));
      const missing = files.filter((m) => !applied.has(m.name)).map((m) => m.name);
      return missing.length ? { ok: false, detail: `not applied: ${missing.join(', ')}` } : { ok: true };
    })(),
  ).catch(failed);
  const store = within(
    TIMEOUT_MS,
    (async (): Promise<HealthCheck> => {
      const dir = tempDir();
      await mkdir(dir, { recursive: true });
      const probe = path.join(dir, `health-${randomUUID()}.probe`);
      const handle = await open(probe, 'wx');
      try {
        await handle.writeFile('ok');
        await handle.sync();
      } finally {
        await handle.close();
        await rm(probe, { force: true });
      }
      if (env.S3_BUCKET) await storage().exists('sha256/00/health-probe');
      return { ok: true };
    })(),
  ).catch(failed);
  const checks = { database: await database, migrations: await migrations, storage: await store };
  return { ok: checks.database.ok && checks.migrations.ok && checks.storage.ok, checks };
}

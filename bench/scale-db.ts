/**
 * The scale benchmark's database and bench accounts (bench/seed-scale.ts
 * fills it; bench/run.ts and bench/opendata-stream.ts read it): a separate
 * database `memorands_scale`, on DATABASE_URL's server when set, else a
 * persistent embedded PostgreSQL under .data/scale-pg.
 */
import path from 'node:path';
import { runningEmbeddedPostgres, startEmbeddedPostgres } from '../lib/db/embedded';

export const SCALE_DB = 'memorands_scale';
export const SCALE_PG_DIR = path.resolve('.data/scale-pg');
export const SCALE_STORAGE_DIR = '.data/scale-storage';
export const BENCH_PASSWORD = 'synthetic-bench-password';
export const BENCH_USERS = {
  staff: 'bench-staff@synthetic.invalid',
  admin: 'bench-admin@synthetic.invalid',
  secretary: 'bench-secretary@synthetic.invalid',
} as const;
/** The synthetic municipality the bench opens (always verified, every year reported, one revision). */
export const BENCH_MUNICIPALITY = 'synthetic-04242';
export const LABEL = 'SYNTHETIC BENCHMARK DATA';

/** The scale database's server: DATABASE_URL's, else the persistent embedded one under .data/scale-pg. */
export async function openScaleServer(): Promise<{ baseUrl: string; stop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (url) return { baseUrl: url, stop: () => Promise.resolve() };
  // Note: another bench process may have it running already: share it, and leave stopping it to that process.
  const running = await runningEmbeddedPostgres(SCALE_PG_DIR);
  if (running) return { baseUrl: running, stop: () => Promise.resolve() };
  const server = await startEmbeddedPostgres({ dataDir: SCALE_PG_DIR, persistent: true });
  return { baseUrl: server.baseUrl, stop: server.stop };
}

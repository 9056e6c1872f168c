/**
 * What the scale benchmarks share (bench/run.ts, bench/opendata-stream.ts):
 * command-line options, a free loopback port, the median, and the portal
 * (scripts/server.ts, NODE_ENV=production, the production build) started on
 * the synthetic dataset in its own process group.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { SCALE_STORAGE_DIR } from './scale-db';

export const ROOT = process.cwd();

/** `--name value` of the command line, else `fallback`. */
export function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

/** Whether `--name` is on the command line. */
export const flag = (name: string) => process.argv.includes(`--${name}`);

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

export const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : 0;
};

export type Portal = { base: string; child: ChildProcess; pgid: number; stop: () => Promise<void> };

/**
 * Starts the portal on a free port against `databaseUrl` (output appended to
 * `logFile`, `env` added, e.g. QUERY_LOG_FILE) and waits until `readyPath`
 * answers 200. Next's data cache is emptied first, so a run never starts
 * with another run's answers. `stop()` ends the whole process group.
 */
export async function startPortal({
  databaseUrl,
  logFile,
  env = {},
  readyPath = '/api/session',
}: {
  databaseUrl: string;
  logFile: string;
  env?: Record<string, string>;
  readyPath?: string;
}): Promise<Portal> {
  if (!existsSync(path.join(ROOT, '.next/BUILD_ID'))) throw new Error('No production build: run `next build` first.');
  await rm(path.join(ROOT, '.next/cache/fetch-cache'), { recursive: true, force: true });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const out = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'scripts/server.ts'), String(port)], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: 'scale-bench-secret-not-for-production-0123456789',
      PUBLIC_BASE_URL: base,
      STORAGE_DIR: SCALE_STORAGE_DIR,
      BCRYPT_COST: '4',
      ...env,
    },
  });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  const pgid = child.pid!;
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const stop = async () => {
    try {
      process.kill(-pgid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  };
  for (let i = 0; ; i += 1) {
    if (child.exitCode !== null) throw new Error(`the portal exited (${child.exitCode}); see ${logFile}`);
    // Note: the ready path answers without touching the public pages' caches.
    if (
      await fetch(`${base}${readyPath}`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (i > 240) {
      await stop();
      throw new Error(`the portal did not start; see ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { base, child, pgid, stop };
}

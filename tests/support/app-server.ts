import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import path from 'node:path';
import { ROOT } from './run-script';

/**
 * The real portal server (scripts/server.ts on the production build) as a
 * child process in its own process group, so a test can SIGKILL all of it
 * (tsx and the node process it starts) the way a crash would.
 */
export type AppServer = {
  port: number;
  baseUrl: string;
  pid: number;
  /** Signals the whole process group and waits for the server to be gone. */
  kill: (signal?: NodeJS.Signals) => Promise<void>;
  /** The last lines the server printed (for failure messages). */
  output: () => string;
};

export const AUTH_SECRET = 'crash-test-secret-not-for-production-0123456789';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port === 3100 ? freePort() : port));
    });
  });
}

export function assertProductionBuild(): void {
  if (!existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) throw new Error(`These tests run the production server: build it first (next build in ${ROOT}).`);
}

export async function startAppServer(opts: {
  databaseUrl: string;
  storageDir: string;
  port?: number;
  timeoutMs?: number;
  env?: Record<string, string>;
}): Promise<AppServer> {
  const port = opts.port ?? (await freePort());
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TMPDIR: process.env.TMPDIR,
    LANG: process.env.LANG,
    DATABASE_URL: opts.databaseUrl,
    AUTH_SECRET,
    PUBLIC_BASE_URL: `http://localhost:${port}`,
    STORAGE_DIR: opts.storageDir,
    BCRYPT_COST: '4',
    NODE_ENV: 'production',
    TRUST_PROXY: '1',
    // The calendar clock of the integration tests (tests/integration/setup.ts), unless the caller freezes another day.
    FROZEN_NOW: '2025-05-01',
    ...opts.env,
  };
  // node with tsx's loader (not the tsx CLI, whose signal relay kills a child that takes over 30 ms to react).
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/server.ts'), String(port)], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const remember = (c: Buffer) => {
    lines.push(...c.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > 60) lines.splice(0, lines.length - 60);
  };
  child.stdout!.on('data', remember);
  child.stderr!.on('data', remember);
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.on('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const pid = child.pid!;
  const server: AppServer = {
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    pid,
    output: () => lines.join('\n'),
    kill: async (signal = 'SIGKILL') => {
      if (!exited) {
        try {
          process.kill(-pid, signal);
        } catch {
          // already gone
        }
      }
      await exit;
      // The group may outlive its leader for a moment.
      for (let i = 0; i < 50; i++) {
        try {
          process.kill(-pid, 0);
        } catch {
          return;
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (exited) throw new Error(`The server exited while starting:\n${server.output()}`);
    const status = await request(server, 'GET', '/api/session').then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return server;
    await new Promise((r) => setTimeout(r, 150));
  }
  await server.kill();
  throw new Error(`The server did not answer within ${opts.timeoutMs ?? 60_000} ms:\n${server.output()}`);
}

export type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** One request to the server (no keep-alive: every request sees the server as it is now). */
export function request(
  server: { port: number },
  method: string,
  urlPath: string,
  opts: { headers?: Record<string, string>; body?: string | Buffer; timeoutMs?: number } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, method, path: urlPath, agent: false, headers: { 'x-locale': 'en', ...opts.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.setTimeout(opts.timeoutMs ?? 30_000, () => req.destroy(new Error(`timeout: ${method} ${urlPath}`)));
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** Signs in through POST /api/session; returns the Cookie header value to send. */
export async function signIn(server: { port: number }, email: string, password: string): Promise<string> {
  const res = await request(server, 'POST', '/api/session', { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${res.body}`);
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]!);
  if (!cookies.some((c) => c.includes('session-token'))) throw new Error(`no session cookie in ${JSON.stringify(res.headers['set-cookie'])}`);
  return cookies.join('; ');
}

/**
 * Starts a document upload that the test writes itself (to pause, kill or stream mid-body):
 * the request to write the body into, and its answer once it comes.
 */
export function openUpload(opts: { port: number; path: string; cookie: string; contentType: string; length: number }): {
  req: http.ClientRequest;
  answer: Promise<{ status: number; body: string }>;
} {
  const req = http.request({
    host: '127.0.0.1',
    port: opts.port,
    method: 'POST',
    path: opts.path,
    agent: false,
    headers: { cookie: opts.cookie, 'content-type': opts.contentType, 'content-length': String(opts.length), 'x-locale': 'en' },
  });
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
  });
  return { req, answer };
}

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './run-script';
import { freePort } from './app-server';

/**
 * Debian's nginx (installed by scripts/ensure-nginx.sh) running the
 * repository's deploy/nginx.conf, with its instance addresses and listening
 * port replaced by free loopback ones, in a throw-away prefix. Each answer
 * carries X-Upstream (the instance that served it; added here, not in the
 * deployed file).
 */
export type Nginx = { port: number; dir: string; stop: () => Promise<void>; errorLog: () => Promise<string> };

export function nginxBinary(): string {
  const candidates = [process.env.NGINX_PATH, '/usr/sbin/nginx', ...(process.env.PATH ?? '').split(':').map((d) => path.join(d, 'nginx'))].filter(
    Boolean,
  ) as string[];
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error('nginx is missing: run `bash scripts/ensure-nginx.sh` (npm test does) or set NGINX_PATH');
  return found;
}

export async function startNginx(upstreamPorts: [number, number]): Promise<Nginx> {
  const bin = nginxBinary();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'memorands-nginx-'));
  // Workers run as an unprivileged user when nginx starts as root: they must be able to write the temp folders.
  await chmod(dir, 0o777);
  for (const d of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) {
    await mkdir(path.join(dir, d));
    await chmod(path.join(dir, d), 0o777);
  }
  const port = await freePort();
  const site = (await readFile(path.join(ROOT, 'deploy/nginx.conf'), 'utf8'))
    .replace('server 127.0.0.1:3001', `server 127.0.0.1:${upstreamPorts[0]}`)
    .replace('server 127.0.0.1:3002', `server 127.0.0.1:${upstreamPorts[1]}`)
    .replace(/listen 80;/, `listen 127.0.0.1:${port};`)
    .replace('server_name _;', 'server_name _;\n    add_header X-Upstream $upstream_addr always;');
  if (!site.includes(`127.0.0.1:${upstreamPorts[1]}`) || !site.includes(`listen 127.0.0.1:${port}`))
    throw new Error('deploy/nginx.conf no longer has the expected upstream/listen lines');
  const conf = `worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
${site}
}
`;
  const confFile = path.join(dir, 'nginx.conf');
  await writeFile(confFile, conf);
  const check = spawnSync(bin, ['-t', '-q', '-e', path.join(dir, 'error.log'), '-p', dir, '-c', confFile], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx -t failed:\n${check.stderr}`);
  const child: ChildProcess = spawn(bin, ['-e', path.join(dir, 'error.log'), '-p', dir, '-c', confFile], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => {
    stderr += c.toString('utf8');
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
    const up = await fetch(`http://127.0.0.1:${port}/`, { method: 'HEAD' }).then(
      () => true,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) throw new Error(`nginx did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port,
    dir,
    errorLog: () => readFile(path.join(dir, 'error.log'), 'utf8').catch(() => ''),
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGQUIT');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

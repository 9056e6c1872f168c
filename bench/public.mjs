// Public pages under load: the portal (production build) side by side with a
// bare Node `http` server that serves the same bytes from memory, same run.
// Loopback only, bounded in time. Usage (portal running, e.g. `npm run up`):
//   node bench/public.mjs [baseUrl=http://127.0.0.1:3000] [seconds=10] [connections=50]
// Prints a table and writes bench/out/public.json.
import http from 'node:http';
import { mkdir, writeFile } from 'node:fs/promises';
import autocannon from 'autocannon';

const base = new URL(process.argv[2] ?? 'http://127.0.0.1:3000');
if (!['localhost', '127.0.0.1', '[::1]'].includes(base.hostname)) throw new Error('loopback only');
const seconds = Math.min(Number(process.argv[3] ?? 10), 60);
const connections = Number(process.argv[4] ?? 50);
const PATHS = ['/', '/lv/municipalities/liepaja', '/api/v1/accessions.geojson'];

async function snapshot(path) {
  const res = await fetch(new URL(path, base), { redirect: 'manual' });
  if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status} (the bench needs a 200, not a redirect)`);
  return { body: Buffer.from(await res.arrayBuffer()), type: res.headers.get('content-type') ?? 'text/plain' };
}

function bareServer(pages) {
  const server = http.createServer((req, res) => {
    const page = pages.get(req.url);
    if (!page) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': page.type, 'content-length': page.body.length });
    res.end(page.body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function load(url) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration: seconds, pipelining: 1 }, (error, result) => {
      if (error) return reject(error);
      resolve({ rps: Math.round(result.requests.average), p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors });
    });
  });
}

const pages = new Map();
for (const path of PATHS) pages.set(path, await snapshot(path));
const bare = await bareServer(pages);
const bareBase = `http://127.0.0.1:${bare.address().port}`;
const rows = [];
for (const path of PATHS) {
  const portal = await load(new URL(path, base).href);
  const reference = await load(bareBase + path);
  rows.push({ path, bytes: pages.get(path).body.length, portal, bare: reference, ratio: +(portal.rps / reference.rps).toFixed(3) });
}
bare.close();
console.log(`\n${connections} connections, ${seconds} s each, loopback\n`);
console.log('| path | bytes | portal req/s | portal p99 ms | bare req/s | bare p99 ms | ratio |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) console.log(`| ${r.path} | ${r.bytes} | ${r.portal.rps} | ${r.portal.p99} | ${r.bare.rps} | ${r.bare.p99} | ${r.ratio} |`);
await mkdir('bench/out', { recursive: true });
await writeFile('bench/out/public.json', JSON.stringify({ when: new Date().toISOString(), connections, seconds, rows }, null, 2));

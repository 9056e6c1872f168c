import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publicCache } from '@/lib/public-cache/cache';
import { COPY_LIMIT, createStreamThrough } from '@/lib/public-cache/stream-through';

/**
 * The front server's streamed misses (lib/public-cache/stream-through.ts)
 * between a real HTTP origin that writes its body in slow chunks (as the
 * open data route handlers do, batch by batch) and real HTTP clients.
 */
type Origin = { port: number; requests: number; release: () => void; close: () => Promise<void> };

/** An origin that answers `chunks` (with a strong tag), writing the first at once and the rest after `release()`. */
async function startOrigin(chunks: Buffer[]): Promise<Origin> {
  const waiting: (() => void)[] = [];
  let released = false;
  const origin: Origin = {
    port: 0,
    requests: 0,
    release: () => {
      released = true;
      for (const w of waiting.splice(0)) w();
    },
    close: () => new Promise((r) => server.close(() => r())),
  };
  const server = http.createServer((req, res) => {
    origin.requests += 1;
    if (req.headers['if-none-match'] === '"v1"') {
      res.writeHead(304, { etag: '"v1"' });
      return res.end();
    }
    res.writeHead(200, { 'content-type': 'application/geo+json', etag: '"v1"' });
    res.write(chunks[0]);
    const rest = () => {
      for (const c of chunks.slice(1)) res.write(c);
      res.end();
    };
    if (released) rest();
    else waiting.push(rest);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin.port = (server.address() as AddressInfo).port;
  return origin;
}

/** The front: every request is a streamed miss. */
async function startFront(origin: Origin) {
  const agent = new http.Agent({ keepAlive: true });
  const through = createStreamThrough({
    request: (req) =>
      http.request({
        host: '127.0.0.1',
        port: origin.port,
        method: 'GET',
        path: req.url,
        headers: { 'if-none-match': req.headers['if-none-match'] ?? '' },
        agent,
      }),
    passThrough: (_req, res, answer) => {
      res.writeHead(answer.statusCode ?? 502, { etag: String(answer.headers.etag ?? '') });
      answer.pipe(res);
    },
  });
  const server = http.createServer((req, res) => through.streamThrough(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    through,
    close: () => {
      agent.destroy();
      return new Promise<void>((r) => server.close(() => r()));
    },
    get: (url: string, headers: Record<string, string> = {}) =>
      new Promise<{ status: number; etag: string; body: Buffer; firstChunk: Promise<void> }>((resolve, reject) => {
        let gotFirst!: () => void;
        const firstChunk = new Promise<void>((r) => (gotFirst = r));
        http
          .get({ host: '127.0.0.1', port, path: url, headers }, (res) => {
            const parts: Buffer[] = [];
            res.on('data', (c: Buffer) => {
              parts.push(c);
              gotFirst();
            });
            res.on('end', () => {
              const raw = Buffer.concat(parts);
              const coding = res.headers['content-encoding'];
              const body = coding === 'br' ? brotliDecompressSync(raw) : coding === 'gzip' ? gunzipSync(raw) : raw;
              resolve({ status: res.statusCode ?? 0, etag: String(res.headers.etag ?? ''), body, firstChunk });
            });
          })
          .on('error', reject);
      }),
  };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i += 1) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

describe('streamed public-cache misses (single flight)', () => {
  let origin: Origin;
  let front: Awaited<ReturnType<typeof startFront>>;
  const chunks = Array.from({ length: 6 }, (_, i) => Buffer.from(`{"batch":${i},"pad":"${'x'.repeat(20_000 + i)}"}\n`));
  const whole = Buffer.concat(chunks);

  beforeEach(async () => {
    publicCache().clear();
    origin = await startOrigin(chunks);
    front = await startFront(origin);
  });
  afterEach(async () => {
    await front.close();
    await origin.close();
    publicCache().clear();
  });

  it('concurrent misses of one URL read the origin once; a late joiner still gets the whole body; every coding is the same bytes', async () => {
    const url = '/api/v1/municipalities.geojson';
    const first = front.get(url, { 'accept-encoding': 'br' });
    await until(() => origin.requests === 1 && front.through.flightsInProgress() === 1);
    const others = [front.get(url, { 'accept-encoding': 'gzip' }), front.get(url), front.get(url, { 'accept-encoding': 'gzip, br' })];
    // Let the first chunk reach the readers, then one more joins mid-body.
    await new Promise((r) => setTimeout(r, 100));
    const late = front.get(url, { 'accept-encoding': 'gzip' });
    await new Promise((r) => setTimeout(r, 100));
    origin.release();
    const all = await Promise.all([first, ...others, late]);
    for (const got of all) {
      expect(got.status).toBe(200);
      expect(got.body.equals(whole)).toBe(true);
    }
    expect(origin.requests).toBe(1);
    expect(front.through.stats.originRequests).toBe(1);
    expect(all[2]!.etag).toBe('"v1"');
    expect(all[1].etag).toMatch(/^W\//);
    // The copy was cached: the front server's cache now answers this URL.
    expect(publicCache().get(url)?.body.equals(whole)).toBe(true);
  });

  it('different URLs are read separately, and a read begun before a change is not shared after it', async () => {
    const a = front.get('/api/v1/municipalities.geojson?x=1');
    const b = front.get('/api/v1/municipalities.geojson?x=2');
    await until(() => origin.requests === 2);
    publicCache().clear(); // what the cache bus does on a change
    const c = front.get('/api/v1/municipalities.geojson?x=1');
    await until(() => origin.requests === 3);
    origin.release();
    for (const got of await Promise.all([a, b, c])) expect(got.body.equals(whole)).toBe(true);
  });

  it('a joiner with a matching tag gets 304 without a second read; a 304 from the origin is passed through', async () => {
    const url = '/api/v1/accessions.geojson';
    const first = front.get(url, { 'accept-encoding': 'identity' });
    await until(() => origin.requests === 1);
    const conditional = await front.get(url, { 'if-none-match': '"v1"' });
    expect(conditional.status).toBe(304);
    origin.release();
    expect((await first).body.equals(whole)).toBe(true);
    expect(origin.requests).toBe(1);
    const direct = await front.get('/api/v1/accessions.geojson?y=1', { 'if-none-match': '"v1"' });
    expect(direct.status).toBe(304);
  });

  it('a body over the copy limit is streamed whole but not cached: the next miss reads again', async () => {
    await front.close();
    await origin.close();
    const big = [Buffer.alloc(64 * 1024, 'a'), Buffer.alloc(COPY_LIMIT, 'b'), Buffer.alloc(1024, 'c')];
    origin = await startOrigin(big);
    front = await startFront(origin);
    origin.release();
    const url = '/api/v1/accessions';
    const first = front.get(url);
    const got = await first;
    expect(got.body.equals(Buffer.concat(big))).toBe(true);
    expect(publicCache().get(url)).toBeUndefined();
    expect(front.through.flightsInProgress()).toBe(0);
    expect((await front.get(url)).body.length).toBe(Buffer.concat(big).length);
    expect(origin.requests).toBe(2);
  });
});

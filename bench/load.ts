/**
 * The load phase of bench/run.ts: autocannon against one route, every
 * response time kept (p50/p95/p99 from all of them), non-2xx counted.
 */
import autocannon from 'autocannon';

export type Load = {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  bytesPerSec: number;
};

const pct = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! : 0);

export function load(
  base: string,
  route: { path: string; miss: (i: number) => string; auth?: boolean },
  mode: 'cached' | 'miss',
  cookie: string | null,
  { connections, duration }: { connections: number; duration: number },
): Promise<Load> {
  let i = 100_000;
  const times: number[] = [];
  let non2xx = 0;
  const rotate = mode === 'miss' && !route.auth;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: base + route.path,
        connections,
        duration,
        pipelining: 1,
        timeout: 30,
        headers: { 'accept-encoding': 'gzip, br', ...(route.auth && cookie ? { cookie } : {}) },
        requests: rotate ? [{ setupRequest: (req) => ({ ...req, path: route.miss((i += 1)) }) }] : undefined,
      },
      (error, result) => {
        if (error) return reject(error);
        times.sort((a, b) => a - b);
        resolve({
          requests: times.length,
          rps: +(times.length / duration).toFixed(1),
          p50: +pct(times, 0.5).toFixed(1),
          p95: +pct(times, 0.95).toFixed(1),
          p99: +pct(times, 0.99).toFixed(1),
          max: +(times.at(-1) ?? 0).toFixed(1),
          non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          bytesPerSec: Math.round(result.throughput.average),
        });
      },
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      times.push(ms);
      if (status < 200 || status > 299) non2xx += 1;
    });
  });
}

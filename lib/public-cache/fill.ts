import http from 'node:http';
import { publicCache, type CachedResponse } from './cache';
import { outageAdjusted } from '../http/outage';

/** Headers of an origin answer the front server keeps with a cached response. */
export const KEPT_HEADERS = [
  'content-type',
  'content-disposition',
  'access-control-allow-origin',
  'access-control-expose-headers',
  'x-content-type-options',
  'content-language',
  'link',
  'retry-after',
];

export type Filled = { entry: CachedResponse; cached: boolean };
const pending = new Map<string, Promise<Filled>>();

/**
 * Asks Next.js (on its loopback port) for a public response, uncompressed
 * and without cookies, and keeps it when it is a 200 that sets no cookie;
 * concurrent misses of one URL share one render. A response that is not
 * kept is still answered once. The public pages are plain documents by
 * construction (route handlers, lib/site/public-render.tsx, ADR 0180): they
 * are kept as Next.js answered them.
 */
export function fillPublicResponse(req: http.IncomingMessage, origin: { port: number; agent: http.Agent; headers: http.OutgoingHttpHeaders }): Promise<Filled> {
  const key = req.url!;
  const running = pending.get(key);
  if (running) return running;
  const generation = publicCache().currentGeneration();
  const job = new Promise<Filled>((resolve, reject) => {
    const headers = { ...origin.headers, 'accept-encoding': 'identity' };
    delete headers['if-none-match'];
    delete headers.cookie;
    const upstream = http.request({ host: '127.0.0.1', port: origin.port, method: 'GET', path: key, headers, agent: origin.agent }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (c: Buffer) => chunks.push(c));
      answer.on('end', () => {
        const kept: Record<string, string> = {};
        for (const h of KEPT_HEADERS) if (answer.headers[h]) kept[h] = String(answer.headers[h]);
        const body = Buffer.concat(chunks);
        const cacheable = answer.statusCode === 200 && !answer.headers['set-cookie'];
        const isHtml = (kept['content-type'] ?? '').startsWith('text/html');
        // An answer served once (not kept) keeps the policy it came with.
        if (!cacheable && answer.headers['content-security-policy']) kept['content-security-policy'] = String(answer.headers['content-security-policy']);
        const etag = !isHtml && typeof answer.headers.etag === 'string' ? answer.headers.etag : undefined;
        // An answer served once (not kept) during a database outage is a 503 with Retry-After, as the proxy does.
        void outageAdjusted(answer.statusCode ?? 502, kept['retry-after']).then(({ status, retryAfter }) => {
          if (retryAfter) kept['retry-after'] = retryAfter;
          const value = { status, headers: kept, body, etag };
          resolve(cacheable ? { entry: publicCache().set(key, value, generation), cached: true } : { entry: publicCache().set(key, value, -1), cached: false });
        });
      });
      answer.on('error', reject);
    });
    upstream.on('error', reject);
    upstream.end();
  });
  pending.set(key, job);
  const done = () => pending.delete(key);
  job.then(done, done);
  return job;
}

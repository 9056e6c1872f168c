import type http from 'node:http';
import type { CachedResponse } from './cache';
import { NON_PAGE_CSP, STATIC_SECURITY_HEADERS, contentSecurityPolicy, newNonce } from '../http/security-headers';
import { etagForCoding, isNotModified, negotiateEncoding } from '../http/conditional';
import { env } from '../env';

/**
 * Sends a public-cache entry (scripts/server.ts): the content coding the
 * client accepts, one entity tag per coding, 304 for a matching
 * If-None-Match (compared weakly, RFC 9110 §13.1.2), no body for HEAD, and
 * the security headers: pages get the portal's page CSP, anything else the
 * non-page one; an answer served once keeps the policy it came with.
 */
export function sendCached(req: http.IncomingMessage, res: http.ServerResponse, entry: CachedResponse): void {
  const coding = negotiateEncoding(req.headers['accept-encoding']);
  const etag = etagForCoding(entry.etag, coding);
  const isHtml = entry.headers['content-type']?.startsWith('text/html') ?? false;
  const headers: Record<string, string | number> = {
    ...entry.headers,
    etag,
    vary: 'Accept-Encoding',
    'cache-control': entry.status !== 200 ? 'no-store' : isHtml ? 'public, max-age=0, must-revalidate' : 'public, max-age=60, stale-while-revalidate=600',
    ...STATIC_SECURITY_HEADERS,
    // Public pages carry no executable script (lib/site/public-render.tsx); a fresh nonce keeps the policy the same as Next's.
    'content-security-policy':
      entry.headers['content-security-policy'] ??
      (isHtml ? contentSecurityPolicy(newNonce(), { https: env.PUBLIC_BASE_URL.startsWith('https:') }) : NON_PAGE_CSP),
  };
  if (entry.status === 200 && isNotModified(req.headers['if-none-match'], etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  const body = coding === 'br' ? entry.br : coding === 'gzip' ? entry.gzip : entry.body;
  if (coding !== 'identity') headers['content-encoding'] = coding;
  headers['content-length'] = body.length;
  res.writeHead(entry.status, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

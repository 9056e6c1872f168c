import type { IncomingHttpHeaders } from 'node:http';
import { AppError } from '@/lib/errors';
import { MAX_UPLOAD_BYTES } from '@/lib/documents/types';
import { MAX_JSON_BODY_BYTES, errorResponse } from '@/lib/http/route';
import { DEFAULT_LOCALE, isLocale, lookup, type Locale } from '@/lib/i18n';
import { localeOfRequest } from '@/lib/i18n/request';
import { boxedFor } from '@/lib/http/penalty-box';

/** The methods any route of the portal answers. */
const ALLOWED_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Media types of bodies that are read whole (JSON, forms, text); anything else is an upload, streamed to disk. */
export function isBufferedBodyType(mediaType: string): boolean {
  return (
    mediaType === '' ||
    mediaType.startsWith('text/') ||
    mediaType.includes('json') ||
    mediaType === 'application/x-www-form-urlencoded' ||
    mediaType === 'multipart/form-data'
  );
}

/** The body limit of a request by its Content-Type: 64 kB for JSON/form/text, 25 MB for an upload. */
export function bodyLimitFor(contentType: string | undefined): number {
  const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return isBufferedBodyType(mediaType) ? MAX_JSON_BODY_BYTES : MAX_UPLOAD_BYTES;
}

/**
 * For the front server (scripts/server.ts), which sees every request before
 * Next.js: an early answer to a request that must not go further, or null.
 * An address that was just refused by a throttle is refused again here for a
 * few seconds (lib/http/penalty-box.ts), at no cost.
 * A method the portal does not use (TRACE, CONNECT, WebDAV, …) is a 405
 * with Allow (Next.js answered TRACE with a 500). OPTIONS stays allowed:
 * the open data API answers CORS preflights.
 * A declared body over its limit is a 413 before a byte of it is read (the
 * connection is then closed, so the rest is never received). A body without
 * Content-Length is capped while streaming by the route (parseBody,
 * receiveUpload).
 */
export function requestGateResponse(req: { method?: string; url?: string; headers: IncomingHttpHeaders }): Response | null {
  if (!ALLOWED_METHODS.has(req.method ?? '')) {
    const refused = refuse(req, new AppError('METHOD_NOT_ALLOWED', 'security.methodNotAllowed'));
    refused.headers.set('Allow', [...ALLOWED_METHODS].join(', '));
    return refused;
  }
  const wait = 'socket' in req ? boxedFor(req as Parameters<typeof boxedFor>[0]) : 0;
  if (wait > 0) {
    const refused = refuse(req, new AppError('TOO_MANY_REQUESTS', 'auth.throttled', { retryAfterSeconds: wait }));
    refused.headers.set('Retry-After', String(wait));
    return refused;
  }
  const declared = Number(req.headers['content-length'] ?? '');
  if (Number.isFinite(declared) && declared > bodyLimitFor(req.headers['content-type'])) return refuse(req, new AppError('TOO_LARGE', 'security.bodyTooLarge'));
  return null;
}

/** Up to this many bytes, a refused body is read and discarded so its sender can read the answer. */
export const DRAIN_REFUSED_BODY_BYTES = 64 * 1024 * 1024;

/** Whether the front server reads and discards a refused body before answering (declared, and not attack-sized). */
export function drainBeforeAnswer(headers: IncomingHttpHeaders): boolean {
  const declared = Number(headers['content-length'] ?? '');
  return Number.isFinite(declared) && declared <= DRAIN_REFUSED_BODY_BYTES;
}

function refuse(req: { url?: string; headers: IncomingHttpHeaders }, error: AppError): Response {
  const pathname = (req.url ?? '/').split(/[?#]/)[0] || '/';
  let response: Response;
  if (pathname.startsWith('/api/')) {
    response = errorResponse(error, localeOf(req.headers));
  } else {
    const first = pathname.split('/')[1];
    response = new Response(lookup(isLocale(first) ? first : DEFAULT_LOCALE, error.messageKey), {
      status: error.status,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  }
  // An attack-sized body is not waited for: the connection closes after the answer. A body of a size
  // a person could send by mistake (a 30 MB scan) is read and discarded first, so that the browser
  // gets the translated 413 instead of a connection reset (see drainBeforeAnswer).
  if (!drainBeforeAnswer(req.headers)) response.headers.set('Connection', 'close');
  return response;
}

function localeOf(headers: IncomingHttpHeaders): Locale {
  try {
    const pairs = (['x-locale', 'referer'] as const).flatMap((h) => (typeof headers[h] === 'string' ? [[h, headers[h]] as [string, string]] : []));
    return localeOfRequest(new Request('http://localhost/', { headers: pairs }));
  } catch {
    return DEFAULT_LOCALE;
  }
}

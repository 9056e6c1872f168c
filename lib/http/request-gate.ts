import type { IncomingHttpHeaders } from 'node:http';
import { AppError } from '@/lib/errors';
import { MAX_UPLOAD_BYTES } from '@/lib/documents/types';
import { MAX_JSON_BODY_BYTES, errorResponse } from '@/lib/http/route';
import { DEFAULT_LOCALE, isLocale, lookup, type Locale } from '@/lib/i18n';
import { localeOfRequest } from '@/lib/i18n/request';


/** Media types of bodies that are read whole (JSON, forms, text); anything else is an upload, streamed to disk. */
export function isBufferedBodyType(mediaType: string): boolean {
  return mediaType === '' || mediaType.startsWith('text/') || mediaType.includes('json') || mediaType === 'application/x-www-form-urlencoded' || mediaType === 'multipart/form-data';
}

/** The body limit of a request by its Content-Type: 64 kB for JSON/form/text, 25 MB for an upload. */
export function bodyLimitFor(contentType: string | undefined): number {
  const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return isBufferedBodyType(mediaType) ? MAX_JSON_BODY_BYTES : MAX_UPLOAD_BYTES;
}

/**
 * For the front server (scripts/server.ts), which sees every request before
 * Next.js: an early answer to a request that must not go further, or null.
 * A declared body over its limit is a 413 before a byte of it is read (the
 * connection is then closed, so the rest is never received). A body without
 * Content-Length is capped while streaming by the route (parseBody,
 * receiveUpload).
 */
export function requestGateResponse(req: { method?: string; url?: string; headers: IncomingHttpHeaders }): Response | null {
  const declared = Number(req.headers['content-length'] ?? '');
  if (Number.isFinite(declared) && declared > bodyLimitFor(req.headers['content-type'])) return refuse(req, new AppError('TOO_LARGE', 'security.bodyTooLarge'));
  return null;
}

function refuse(req: { url?: string; headers: IncomingHttpHeaders }, error: AppError): Response {
  const pathname = (req.url ?? '/').split(/[?#]/)[0] || '/';
  let response: Response;
  if (pathname.startsWith('/api/')) {
    response = errorResponse(error, localeOf(req.headers));
  } else {
    const first = pathname.split('/')[1];
    response = new Response(lookup(isLocale(first) ? first : DEFAULT_LOCALE, error.messageKey), { status: error.status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
  }
  // The body that was not read is not waited for.
  response.headers.set('Connection', 'close');
  return response;
}

function localeOf(headers: IncomingHttpHeaders): Locale {
  try {
    const pairs = (['x-locale', 'referer'] as const).flatMap((h) => (typeof headers[h] === 'string' ? [[h, headers[h] as string] as [string, string]] : []));
    return localeOfRequest(new Request('http://localhost/', { headers: pairs }));
  } catch {
    return DEFAULT_LOCALE;
  }
}

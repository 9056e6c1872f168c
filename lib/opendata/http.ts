import { createHash } from 'node:crypto';
import { portalOrigin } from '@/lib/http/route';

/** Media types of the open data endpoints. */
export const MEDIA = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  geojson: 'application/geo+json',
  jsonld: 'application/ld+json',
} as const;

const SHARED_HEADERS = {
  'Cache-Control': 'public, max-age=60, stale-while-revalidate=600',
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag',
  'X-Content-Type-Options': 'nosniff',
} as const;

/** A strong ETag: the quoted SHA-256 (hex) of the body's UTF-8 bytes. */
export function etagOf(body: string): string {
  return `"${createHash('sha256').update(body, 'utf8').digest('hex')}"`;
}

/** Whether an If-None-Match header matches `etag` (RFC 9110 weak comparison, `*`, lists). */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/**
 * The origin for absolute links in a response: the portal's public origin (PUBLIC_BASE_URL).
 * Note: never the request's Host or X-Forwarded-Host: open data answers are cached for
 * everyone (lib/public-cache), so one request with `Host: evil.example` would otherwise put
 * its links into every later answer (issue 17). The request is kept as a parameter for the callers.
 */
export function originOf(_request: Request): string {
  return portalOrigin();
}

/**
 * A public open data response: the body with ETag, caching, CORS and
 * nosniff headers, or a bodiless 304 when the client already has this body.
 */
export function openDataResponse(request: Request, body: string, type: string, filename?: string): Response {
  const etag = etagOf(body);
  const headers: Record<string, string> = { ...SHARED_HEADERS, ETag: etag };
  if (matchesIfNoneMatch(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
  headers['Content-Type'] = type;
  if (filename) headers['Content-Disposition'] = `attachment; filename="${filename}"`;
  return new Response(body, { status: 200, headers });
}

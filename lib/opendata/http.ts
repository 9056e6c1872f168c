import { createHash } from 'node:crypto';
import { CSV_MEDIA_TYPE } from '@/lib/csv';
import { env } from '@/lib/env';
import { isNotModified } from '@/lib/http/conditional';
import { PUBLIC_CORS_HEADERS, corsPreflight } from '@/lib/http/cors';

/** Media types of the open data endpoints. */
export const MEDIA = {
  json: 'application/json; charset=utf-8',
  csv: CSV_MEDIA_TYPE,
  geojson: 'application/geo+json',
  jsonld: 'application/ld+json',
} as const;

const SHARED_HEADERS = {
  'Cache-Control': 'public, max-age=60, stale-while-revalidate=600',
  ...PUBLIC_CORS_HEADERS,
  'X-Content-Type-Options': 'nosniff',
  // Note: this body is identity; the front server sends gzip and br from its cache, each with its own ETag.
  Vary: 'Accept-Encoding',
} as const;

/** A strong ETag: the quoted SHA-256 (hex) of the body's UTF-8 bytes. */
export function etagOf(body: string): string {
  return `"${createHash('sha256').update(body, 'utf8').digest('hex')}"`;
}

/** OPTIONS of an open data URL: the CORS preflight answer (route files export it as OPTIONS). */
export const OPTIONS = (): Response => corsPreflight();

/**
 * The portal's public base address (PUBLIC_BASE_URL, no trailing slash):
 * every absolute link and IRI of the open data is built on it, never on the
 * request's Host, so a harvester sees the same IRIs whatever address it
 * used, and across restarts.
 */
export function publicBase(): string {
  return env.PUBLIC_BASE_URL.replace(/\/+$/, '');
}

/** The base for absolute links in a response: {@link publicBase} (the request is not trusted for it). */
export function originOf(_request?: Request): string {
  return publicBase();
}

/**
 * A public open data response: the body with ETag, caching, CORS and
 * nosniff headers, or a bodiless 304 when the client already has this body.
 */
export function openDataResponse(request: Request, body: string, type: string, filename?: string): Response {
  const etag = etagOf(body);
  const headers: Record<string, string> = { ...SHARED_HEADERS, ETag: etag };
  if (isNotModified(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
  headers['Content-Type'] = type;
  if (filename) headers['Content-Disposition'] = `attachment; filename="${filename}"`;
  return new Response(body, { status: 200, headers });
}

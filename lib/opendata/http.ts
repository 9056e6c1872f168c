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

/**
 * Bumped when the serialisation of the streamed lists changes in a way
 * their fields do not show (their field names are part of the tag anyway).
 */
const STREAM_FORMAT = 'open-lists-1';

/**
 * A public open data response written while it is read from the database
 * (issue 14): the first bytes leave after one light query, memory stays
 * bounded whatever the number of rows. Note: the body cannot be hashed
 * before it is sent, so the ETag is version-based (ADR 0145): a hash of the
 * data's version (`version`, read BEFORE the rows, so a tag is never newer
 * than its body), the URL's resource, the term answered, the public base
 * address and the format. It is strong and 64 hex digits like the hashed
 * tags; a matching If-None-Match answers 304 without reading a row.
 */
export function streamedOpenDataResponse(
  request: Request,
  opts: {
    version: string;
    resource: string;
    term: string | null;
    fields: readonly string[];
    type: string;
    filename?: string;
    chunks: () => AsyncGenerator<string>;
  },
): Response {
  const etag = `"${createHash('sha256')
    .update(JSON.stringify([STREAM_FORMAT, opts.resource, opts.term, publicBase(), opts.fields, opts.version]))
    .digest('hex')}"`;
  const headers: Record<string, string> = { ...SHARED_HEADERS, ETag: etag };
  if (isNotModified(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
  headers['Content-Type'] = opts.type;
  if (opts.filename) headers['Content-Disposition'] = `attachment; filename="${opts.filename}"`;
  const encoder = new TextEncoder();
  let chunks: AsyncGenerator<string> | null = null;
  // Note: pull-based, so a slow reader is never ahead of the database by more than one batch.
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        chunks ??= opts.chunks();
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await chunks?.return(undefined);
      },
    },
    { highWaterMark: 1 },
  );
  return new Response(body, { status: 200, headers });
}

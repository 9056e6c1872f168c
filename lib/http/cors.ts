/**
 * CORS for the public open data API (/api/v1): anyone may read it from a
 * browser, without credentials. Simple GETs carry `Access-Control-Allow-Origin: *`
 * and expose the validators; a preflight (OPTIONS with
 * Access-Control-Request-Method) is answered with what may be sent, cached
 * by the browser for a day (Fetch standard, "CORS protocol").
 */

/** Headers on every open data answer (200 and 304). */
export const PUBLIC_CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag, Content-Disposition, Retry-After',
};

/** The methods and request headers a cross-origin reader may use. */
export const PREFLIGHT_HEADERS: Readonly<Record<string, string>> = {
  ...PUBLIC_CORS_HEADERS,
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Access-Control-Allow-Headers': 'Accept, Accept-Language, Cache-Control, If-Modified-Since, If-None-Match, X-Locale',
  'Access-Control-Max-Age': '86400',
};

/**
 * OPTIONS on an open data URL: 204 with the preflight headers (a plain
 * OPTIONS, without Access-Control-Request-Method, gets the same plus Allow).
 * Note: no credentials are allowed (no Access-Control-Allow-Credentials), so `*` is safe.
 */
export function corsPreflight(): Response {
  return new Response(null, { status: 204, headers: { ...PREFLIGHT_HEADERS, Allow: 'GET, HEAD, OPTIONS', 'Cache-Control': 'public, max-age=86400' } });
}

import { AppError } from '@/lib/errors';
import { errorResponse } from '@/lib/http/route';
import { DEFAULT_LOCALE, isLocale, lookup, type Locale } from '@/lib/i18n';
import { localeOfRequest } from '@/lib/i18n/request';

/**
 * Whether the path has a percent sequence that is not valid UTF-8 ('%',
 * '%zz', '%FF', '%C0%AF', '%ED%A0%80'). Next.js cannot decode the route
 * params of such a path and answers it with a bare "Internal Server Error"
 * (500) before any handler or proxy runs.
 */
export function hasMalformedEncoding(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/**
 * For the front server (scripts/server.ts), which sees every request before
 * Next.js: the answer to a request target (path and query) whose path is
 * malformed, or null for any other. A 400, translated: the portal's JSON
 * error under /api (language from X-Locale or the Referer), plain text for
 * pages (language from the path).
 */
export function malformedPathResponse(target: string, headers: { 'x-locale'?: string; referer?: string } = {}): Response | null {
  const pathname = target.split(/[?#]/)[0] || '/';
  if (!hasMalformedEncoding(pathname)) return null;
  if (pathname.startsWith('/api/')) return errorResponse(new AppError('BAD_REQUEST'), localeOf(headers));
  const first = pathname.split('/')[1];
  const text = lookup(isLocale(first) ? first : DEFAULT_LOCALE, 'errors.BAD_REQUEST');
  return new Response(text, { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}

function localeOf(headers: { 'x-locale'?: string; referer?: string }): Locale {
  try {
    return localeOfRequest(
      new Request('http://localhost/', { headers: Object.entries(headers).filter((e): e is [string, string] => typeof e[1] === 'string') }),
    );
  } catch {
    return DEFAULT_LOCALE;
  }
}

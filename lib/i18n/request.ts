import { DEFAULT_LOCALE, formatDate, isLocale, lookup, type Locale } from './index';

/** The locale of an API request: `x-locale` header, then the referring page's /lv or /en prefix. */
export function localeOfRequest(request: Request): Locale {
  const header = request.headers.get('x-locale');
  if (isLocale(header)) return header;
  const referer = request.headers.get('referer');
  if (referer) {
    try {
      const first = new URL(referer).pathname.split('/')[1];
      if (isLocale(first)) return first;
    } catch {
      // ignore a malformed Referer
    }
  }
  return DEFAULT_LOCALE;
}

/** Translates a message key produced by lib/schemas (`key|a=1&b=2`); a variable named `…Date` holding 'YYYY-MM-DD' is shown as a date in the locale. */
export function translateKey(locale: Locale, encoded: string): string {
  const [key = '', query] = encoded.split('|');
  const vars = query
    ? Object.fromEntries([...new URLSearchParams(query)].map(([k, v]) => [k, k.endsWith('Date') && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(locale, v) : v]))
    : undefined;
  return lookup(locale, key, vars);
}

/**
 * The portal's security headers, in one place: Next's proxy (proxy.ts) sets
 * them on every page and API answer it renders, and the front server
 * (scripts/server.ts) on the public pages it serves from its cache.
 *
 * Scripts run only with the per-response nonce ('strict-dynamic' lets the
 * framework's nonce'd loader pull in its chunks); styles come from our own
 * stylesheet plus small inline <style> blocks (the map's hover rules), which
 * cannot run code. No framing, no plugins, forms post only to us.
 */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(nonce: string, opts: { dev?: boolean; https?: boolean } = {}): string {
  return [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? ` 'unsafe-eval'` : ''}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self'`,
    `connect-src 'self'`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
    ...(opts.https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** Headers for every answer besides the CSP (lower-case names, as Node sends them). */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

/** For answers that are not pages (JSON, files, images): nothing may run or be framed. */
export const NON_PAGE_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Adds what is missing from `headers` (a page keeps the CSP with its nonce from proxy.ts). */
export function withSecurityHeaders(headers: Record<string, string | string[] | number | undefined>): Record<string, string | string[] | number | undefined> {
  const out = { ...headers };
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) if (out[name] === undefined) out[name] = value;
  if (out['content-security-policy'] === undefined) out['content-security-policy'] = NON_PAGE_CSP;
  return out;
}

import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/env';
import { STATIC_SECURITY_HEADERS, contentSecurityPolicy, newNonce } from '@/lib/http/security-headers';

/**
 * Runs before every page: a fresh CSP nonce per request.
 * Next.js reads the policy from the request headers and puts the nonce on
 * its own scripts; the same policy and the other security headers go on the
 * response (lib/http/security-headers.ts).
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: env.NODE_ENV === 'development', https: env.PUBLIC_BASE_URL.startsWith('https:') });
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', csp);
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Pages only. Route handlers under /api get their headers from the front server (scripts/server.ts):
  // a proxy in front of them would buffer request bodies (and cut uploads at 10 MB) instead of streaming.
  matcher: [{ source: '/((?!api/|_next/static|_next/image|favicon.ico).*)' }],
};

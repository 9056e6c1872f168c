/**
 * GET /api/auth/session|csrf|providers  Auth.js session, CSRF and provider
 * endpoints; any other action is a 404. POST is deliberately not exported:
 * sign-in goes through POST /api/session only.
 */
import { NextRequest } from 'next/server';
import { handlers } from '@/lib/auth/next-auth';
import { AppError } from '@/lib/errors';
import { route } from '@/lib/http/route';

const ACTIONS = new Set(['session', 'csrf', 'providers']);

export const GET = route<{ nextauth: string[] }>(async (request, { params }) => {
  const [action, ...rest] = params.nextauth;
  if (!action || rest.length > 0 || !ACTIONS.has(action)) throw new AppError('NOT_FOUND');
  // Note: Auth.js answers a callbackUrl it cannot parse (query or cookie) with a 500
  // "server configuration" error; these actions need neither, so neither is passed on.
  const url = new URL(request.url);
  url.search = '';
  const headers = new Headers(request.headers);
  const cookie = headers.get('cookie');
  if (cookie)
    headers.set(
      'cookie',
      cookie
        .split(';')
        .filter((c) => !/^\s*(__Secure-)?authjs\.callback-url=/.test(c))
        .join(';'),
    );
  return handlers.GET(new NextRequest(url, { headers }));
});

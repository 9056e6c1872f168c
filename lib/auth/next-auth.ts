import { Auth, raw } from '@auth/core';
import { cookies, headers } from 'next/headers';
import NextAuth, { CredentialsSignin, type NextAuthConfig } from 'next-auth';
import { portalOrigin } from '@/lib/http/route';
import Credentials from 'next-auth/providers/credentials';
import { env } from '@/lib/env';
import { verifyCredentials } from './credentials';
import { safeRedirectUrl } from '@/lib/http/safe-redirect';

class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

// Note: module augmentation merges only interfaces, so these two stay interfaces.
/* eslint-disable @typescript-eslint/consistent-type-definitions */
declare module 'next-auth' {
  interface User {
    sessionVersion?: number;
  }
  interface Session {
    uid?: string;
    sv?: number;
  }
}
/* eslint-enable @typescript-eslint/consistent-type-definitions */

/** Session lifetime: one working day. */
export const SESSION_MAX_AGE_S = 8 * 60 * 60;

/**
 * Auth.js with e-mail + password. Sign-in is only reachable through our own
 * POST /api/session handler (the catch-all route exports GET only), which
 * passes the client address; Auth.js keeps the JWT session cookie.
 */
const config: NextAuthConfig = {
  secret: env.AUTH_SECRET,
  trustHost: true,
  // Secure (and __Secure- prefixed) behind https; HttpOnly and SameSite=Lax always (Auth.js defaults).
  useSecureCookies: env.AUTH_COOKIE_SECURE ? env.AUTH_COOKIE_SECURE === '1' : env.PUBLIC_BASE_URL.startsWith('https:'),
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: '/lv/signin', error: '/lv/signin' },
  logger: {
    error: (e) => {
      if (!(e instanceof CredentialsSignin)) console.error(e);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {}, ip: {} },
      authorize: async (credentials) => {
        const outcome = await verifyCredentials({
          email: typeof credentials.email === 'string' ? credentials.email : '',
          password: typeof credentials.password === 'string' ? credentials.password : '',
          ip: typeof credentials.ip === 'string' ? credentials.ip : 'unknown',
        });
        if (outcome.ok) return { id: outcome.user.id, email: outcome.user.email, name: outcome.user.name, sessionVersion: outcome.user.sessionVersion };
        throw new SignInRefused(outcome.reason === 'throttled' ? `throttled:${outcome.retryAfterSeconds}` : outcome.reason);
      },
    }),
  ],
  callbacks: {
    // Note: every redirect Auth.js makes (callbackUrl parameter or cookie) goes through the portal's one check.
    redirect({ url }) {
      return safeRedirectUrl(url, { origin: env.PUBLIC_BASE_URL, fallback: '/' });
    },
    jwt({ token, user }) {
      if (user?.id) {
        token.uid = user.id;
        token.sv = user.sessionVersion ?? 1;
      }
      return token;
    },
    session({ session, token }) {
      session.uid = typeof token.uid === 'string' ? token.uid : undefined;
      session.sv = typeof token.sv === 'number' ? token.sv : undefined;
      return session;
    },
  },
};

export const { handlers, auth } = NextAuth(config);

/**
 * The Auth.js configuration as NextAuth() completed it (secret, base path):
 * lib/auth/sign-in.ts runs the credentials callback and sign-out through
 * Auth.js with it, on a request it builds itself.
 */
export const authConfig: NextAuthConfig = config;

const CALLBACK_COOKIE = /^\s*(__Secure-)?authjs\.callback-url=/;

/**
 * The Auth.js session of this request ({ uid, sv } from the JWT), or null.
 *
 * Note: Auth.js refuses a request whose `authjs.callback-url` cookie it
 * cannot parse, which signed the user out for as long as such a cookie (set
 * by a sibling subdomain, say) stayed; the portal never uses that cookie, so
 * it is left out (issue 17). A renewed session cookie is set where the
 * response can take cookies (route handlers), as next-auth's auth() does.
 */
export async function readSession(): Promise<{ uid?: string; sv?: number } | null> {
  const cookie = ((await headers()).get('cookie') ?? '')
    .split(';')
    .filter((c) => !CALLBACK_COOKIE.test(c))
    .join(';');
  if (!cookie.includes('authjs.session-token')) return null;
  const answer = await Auth(new Request(`${portalOrigin()}/api/auth/session`, { headers: { cookie } }), { ...authConfig, raw });
  try {
    const jar = await cookies();
    for (const c of answer.cookies ?? []) jar.set(c.name, c.value, c.options);
  } catch {
    // a page (server component) cannot set cookies; the next route handler call renews it
  }
  const body = answer.body as { uid?: unknown; sv?: unknown } | null | undefined;
  if (!body || typeof body !== 'object') return null;
  return { uid: typeof body.uid === 'string' ? body.uid : undefined, sv: typeof body.sv === 'number' ? body.sv : undefined };
}

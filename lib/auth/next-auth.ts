import NextAuth, { CredentialsSignin } from 'next-auth';
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

declare module 'next-auth' {
  interface User { sessionVersion?: number }
  interface Session { uid?: string; sv?: number }
}

/** Session lifetime: one working day. */
export const SESSION_MAX_AGE_S = 8 * 60 * 60;

/**
 * Auth.js with e-mail + password. Sign-in is only reachable through our own
 * POST /api/session handler (the catch-all route exports GET only), which
 * passes the client address; Auth.js keeps the JWT session cookie.
 */
export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: env.AUTH_SECRET,
  trustHost: true,
  // Secure (and __Secure- prefixed) behind https; HttpOnly and SameSite=Lax always (Auth.js defaults).
  useSecureCookies: env.AUTH_COOKIE_SECURE ? env.AUTH_COOKIE_SECURE === '1' : env.PUBLIC_BASE_URL.startsWith('https:'),
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: '/lv/signin', error: '/lv/signin' },
  logger: { error: (e) => { if (!(e instanceof CredentialsSignin)) console.error(e); } },
  providers: [
    Credentials({
      credentials: { email: {}, password: {}, ip: {} },
      authorize: async (credentials) => {
        const outcome = await verifyCredentials({
          email: String(credentials.email ?? ''),
          password: String(credentials.password ?? ''),
          ip: String(credentials.ip ?? 'unknown'),
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
});

import 'server-only';
import { Auth, raw, skipCSRFCheck } from '@auth/core';
import { cookies } from 'next/headers';
import { CredentialsSignin } from 'next-auth';
import { AppError } from '@/lib/errors';
import { mutate } from '@/lib/mutations';
import { portalOrigin } from '@/lib/http/route';
import { authConfig } from './next-auth';
import { signInLockedFor } from './credentials';
import { getSessionUser } from './session';
import type { TSignIn } from '@/lib/schemas/auth';

const CALLBACK_COOKIE = /^\s*((?:__Secure-)?authjs\.callback-url)=/;
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

/**
 * Runs one Auth.js action (the credentials callback, sign-out) on a request
 * built here, and copies the cookies it sets into this response.
 *
 * Note: next-auth's signIn()/signOut() hand Auth.js the browser's whole
 * Cookie header. Auth.js refuses any request whose `authjs.callback-url`
 * cookie it cannot parse with a "Configuration" redirect, without running
 * the provider, which next-auth returns as a plain URL: a malformed cookie
 * made POST /api/session answer ok without a session and without counting
 * the failure (issue 17). That cookie is never needed here (redirects go
 * through lib/http/safe-redirect.ts), so it is left out, and cleared.
 */
async function runAuthAction(request: Request, action: 'callback/credentials' | 'signout', fields: Record<string, string>) {
  const cookieHeader = request.headers.get('cookie') ?? '';
  const parts = cookieHeader.split(';');
  const callbackCookies = parts.map((c) => CALLBACK_COOKIE.exec(c)?.[1]).filter((name): name is string => Boolean(name));
  const headers = new Headers({ 'content-type': 'application/x-www-form-urlencoded', cookie: parts.filter((c) => !CALLBACK_COOKIE.test(c)).join(';') });
  const origin = portalOrigin();
  const body = new URLSearchParams({ ...fields, callbackUrl: `${origin}/` });
  const answer = await Auth(new Request(`${origin}/api/auth/${action}`, { method: 'POST', headers, body }), { ...authConfig, raw, skipCSRFCheck });
  const jar = await cookies();
  for (const c of answer.cookies ?? []) jar.set(c.name, c.value, c.options);
  for (const name of callbackCookies) jar.delete(name);
  return answer;
}

/** The client address: the X-Forwarded-For the front server set (lib/http/client-address.ts: the socket, or the hop a trusted proxy appended). */
export function clientAddress(request: Request): string {
  return request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || request.headers.get('x-real-ip') || 'unknown';
}

/**
 * Signs in (sets the session cookie) or throws a 401/403/429 AppError with a
 * translatable message. A sign-in is reported as done only when Auth.js set
 * a session cookie; any other outcome is a refusal.
 */
export async function signInWithPassword({ input, ip, request }: { input: TSignIn; ip: string; request: Request }): Promise<void> {
  // A locked account or address is refused before Auth.js runs at all (a flood then costs one read each).
  const wait = await signInLockedFor(input.email, ip);
  if (wait > 0) throw new AppError('TOO_MANY_REQUESTS', 'auth.throttled', { retryAfterSeconds: wait });
  let answer: Awaited<ReturnType<typeof runAuthAction>>;
  try {
    answer = await runAuthAction(request, 'callback/credentials', { email: input.email, password: input.password, ip });
  } catch (error) {
    if (!(error instanceof CredentialsSignin)) throw error;
    const [code, seconds] = String(error.code).split(':');
    if (code === 'throttled') throw new AppError('TOO_MANY_REQUESTS', 'auth.throttled', { retryAfterSeconds: Number(seconds) || 900 });
    if (code === 'inactive') throw new AppError('FORBIDDEN', 'auth.inactive');
    throw new AppError('UNAUTHENTICATED', 'auth.wrongCredentials');
  }
  const sessionSet = (answer.cookies ?? []).some((c) => SESSION_COOKIE.test(c.name) && c.value);
  if (!sessionSet || /[?&]error=/.test(answer.redirect ?? '')) throw new AppError('UNAUTHENTICATED', 'auth.wrongCredentials');
}

/**
 * Ends the session on the server and clears the cookie; records it.
 *
 * Note: the session cookie is a signed JWT that stays valid until it
 * expires; clearing it in this browser does not stop a copy of it (issue 17:
 * a replayed cookie still worked after sign-out). Bumping the user's session
 * version, as deactivation does, makes getSessionUser refuse every cookie
 * issued before, in every browser of that user.
 */
export async function signOutCurrent(request: Request): Promise<void> {
  const user = await getSessionUser();
  if (user) {
    await mutate({ actor: user, permission: 'anyone' }, async ({ tx, audit }) => {
      await tx.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
      await audit({ action: 'auth.sign-out', subjectType: 'User', subjectId: user.id });
    });
  }
  await runAuthAction(request, 'signout', {});
}

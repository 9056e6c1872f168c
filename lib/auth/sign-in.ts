import 'server-only';
import { CredentialsSignin } from 'next-auth';
import { AppError } from '@/lib/errors';
import { db } from '@/lib/db/client';
import { writeAudit } from '@/lib/audit';
import { signIn, signOut } from './next-auth';
import { getSessionUser } from './session';
import type { TSignIn } from '@/lib/schemas/auth';

/** The client address as the server sees it (first X-Forwarded-For hop, set by Next or the proxy). */
export function clientAddress(request: Request): string {
  return request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || request.headers.get('x-real-ip') || 'unknown';
}

/** Signs in (sets the session cookie) or throws a 401/403/429 AppError with a translatable message. */
export async function signInWithPassword({ input, ip }: { input: TSignIn; ip: string }): Promise<void> {
  try {
    // Note: an explicit redirectTo, or Auth.js takes the Referer header and a malformed one ('%') throws a TypeError (500).
    await signIn('credentials', { email: input.email, password: input.password, ip, redirect: false, redirectTo: '/' });
  } catch (error) {
    if (!(error instanceof CredentialsSignin)) throw error;
    const [code, seconds] = String(error.code).split(':');
    if (code === 'throttled') throw new AppError('TOO_MANY_REQUESTS', 'auth.throttled', { retryAfterSeconds: Number(seconds) || 900 });
    if (code === 'inactive') throw new AppError('FORBIDDEN', 'auth.inactive');
    throw new AppError('UNAUTHENTICATED', 'auth.wrongCredentials');
  }
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
export async function signOutCurrent(): Promise<void> {
  const user = await getSessionUser();
  if (user) {
    await db().$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
      await writeAudit(tx, { actor: user, action: 'auth.sign-out', subjectType: 'User', subjectId: user.id });
    });
  }
  await signOut({ redirect: false, redirectTo: '/' });
}

/**
 * GET    /api/session  the signed-in user's role and name, or null
 * POST   /api/session  sign in with e-mail and password (throttled)
 * DELETE /api/session  sign out
 */
import { ok, parseBody, route } from '@/lib/http/route';
import { ZSignInSchema } from '@/lib/schemas/auth';
import { clientAddress, signInWithPassword, signOutCurrent } from '@/lib/auth/sign-in';
import { getSessionUser } from '@/lib/auth/session';

export const GET = route(async () => {
  const user = await getSessionUser();
  return ok(user ? { role: user.role, name: user.name } : null);
});

export const POST = route(async (request, { locale }) => {
  const input = await parseBody(request, ZSignInSchema);
  await signInWithPassword({ input, ip: clientAddress(request), request });
  return ok({ home: `/${locale}/account` });
});

export const DELETE = route(async (request) => {
  await signOutCurrent(request);
  return ok(null);
});

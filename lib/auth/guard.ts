import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import { can, type Permission } from '@/lib/authz';
import { getSessionUser, type SessionUser } from './session';
import { env } from '@/lib/env';
import { safeRedirectPath } from '@/lib/http/safe-redirect';

/** For pages: the signed-in user, or a redirect to sign-in that returns here. */
export async function requirePageUser(locale: string, here: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/${locale}/signin?next=${encodeURIComponent(safeRedirectPath(here, { origin: env.PUBLIC_BASE_URL, fallback: `/${locale}/account` }))}`);
  return user;
}

/** For pages: renders the 403 page unless lib/authz allows the action. */
export function requirePagePermission(user: SessionUser, action: Permission, target?: { municipalityId?: string | null }): void {
  if (!can(user, action, target)) forbidden();
}

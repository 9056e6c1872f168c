import 'server-only';
import { cache } from 'react';
import { Auth, raw } from '@auth/core';
import { cookies, headers } from 'next/headers';
import { authConfig } from './next-auth';
import { portalOrigin } from '@/lib/http/route';
import { db } from '@/lib/db/client';
import type { Actor } from '@/lib/authz';

export type SessionUser = Actor & { email: string; name: string; locale: string; municipalitySlug: string | null };

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
async function readSession(): Promise<{ uid?: string; sv?: number } | null> {
  const cookie = ((await headers()).get('cookie') ?? '').split(';').filter((c) => !CALLBACK_COOKIE.test(c)).join(';');
  if (!cookie.includes('authjs.session-token')) return null;
  const answer = await Auth(new Request(`${portalOrigin()}/api/auth/session`, { headers: { cookie } }), { ...authConfig, raw });
  try {
    const jar = await cookies();
    for (const c of answer.cookies ?? []) jar.set(c.name, c.value, c.options as Parameters<typeof jar.set>[2]);
  } catch {
    // a page (server component) cannot set cookies; the next route handler call renews it
  }
  const body = answer.body as { uid?: unknown; sv?: unknown } | null | undefined;
  if (!body || typeof body !== 'object') return null;
  return { uid: typeof body.uid === 'string' ? body.uid : undefined, sv: typeof body.sv === 'number' ? body.sv : undefined };
}

/**
 * The signed-in user for this request, or null. The JWT alone is not
 * trusted: the user must still exist, be active and carry the same session
 * version (deactivation or a password change ends every session).
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await readSession();
  if (!session?.uid) return null;
  const user = await db().user.findUnique({
    where: { id: session.uid },
    select: { id: true, email: true, name: true, role: true, locale: true, isActive: true, sessionVersion: true, municipalityId: true, municipality: { select: { slug: true } } },
  });
  if (!user || !user.isActive || user.sessionVersion !== session.sv) return null;
  return {
    id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale,
    municipalityId: user.municipalityId, municipalitySlug: user.municipality?.slug ?? null,
  };
});

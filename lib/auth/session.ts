import 'server-only';
import { cache } from 'react';
import { readSession } from './next-auth';
import { db } from '@/lib/db/client';
import type { Actor } from '@/lib/authz';

export type SessionUser = Actor & { email: string; name: string; locale: string; municipalitySlug: string | null };

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
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      locale: true,
      isActive: true,
      sessionVersion: true,
      municipalityId: true,
      municipality: { select: { slug: true } },
    },
  });
  if (!user || !user.isActive || user.sessionVersion !== session.sv) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    locale: user.locale,
    municipalityId: user.municipalityId,
    municipalitySlug: user.municipality?.slug ?? null,
  };
});

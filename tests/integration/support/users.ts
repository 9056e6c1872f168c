/** Shared setup of the user-management integration tests (tests/integration/users*.test.ts): invitations written straight to the table, ids and audit rows. */
import { createHash, randomBytes } from 'node:crypto';

import { db } from '@/lib/db/client';

import { acceptInvitation } from '@/lib/users/invitations';

export const PASSWORD = 'correct horse battery';
export const tokenOf = (url: string) => url.split('/invite/')[1]!;
export const accept = (token: string) =>
  acceptInvitation({
    input: { token, name: 'Ilze Secretary', password: 'a long enough password', passwordConfirm: 'a long enough password' },
    ip: '10.20.0.2',
  });
export const idOf = async (slug: string) => (await db().municipality.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
export const auditOf = (action: string, subjectId: string) => db().auditEvent.findMany({ where: { action, subjectId } });

/** An invitation written straight to the table (no e-mail), for tests that do not need the outbox. */
export async function insertInvitation(opts: { email?: string; slug?: string; expiresInMs?: number; acceptedAt?: Date | null } = {}) {
  const token = randomBytes(32).toString('base64url');
  const inv = await db().invitation.create({
    data: {
      tokenHash: createHash('sha256').update(token).digest('hex'),
      email: opts.email ?? `inv-${randomBytes(4).toString('hex')}@example.test`,
      role: 'SECRETARY',
      municipalityId: await idOf(opts.slug ?? 'liepaja'),
      expiresAt: new Date(Date.now() + (opts.expiresInMs ?? 3600_000)),
      acceptedAt: opts.acceptedAt ?? null,
    },
    select: { id: true, email: true, municipalityId: true },
  });
  return { ...inv, token };
}

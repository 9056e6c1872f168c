/** POST /api/invitations/[id]/revoke  staff revoke a pending or expired invitation (409 when accepted or already revoked) */
import { ok, route } from '@/lib/http/route';
import { getSessionUser } from '@/lib/auth/session';
import { requirePermission } from '@/lib/authz';
import { revokeInvitation } from '@/lib/users/invitations';

export const POST = route<{ id: string }>(async (_request, { params }) => {
  const actor = requirePermission(await getSessionUser(), 'invitation.manage');
  return ok(await revokeInvitation({ actor, invitationId: params.id }));
});

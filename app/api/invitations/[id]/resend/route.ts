/** POST /api/invitations/[id]/resend  staff send a pending or expired invitation again (new link; the old one stops working) */
import { ok, route } from '@/lib/http/route';
import { getSessionUser } from '@/lib/auth/session';
import { requirePermission } from '@/lib/authz';
import { resendInvitation } from '@/lib/users/invitations';

export const POST = route<{ id: string }>(async (_request, { params }) => {
  const actor = requirePermission(await getSessionUser(), 'invitation.manage');
  return ok(await resendInvitation({ actor, invitationId: params.id }));
});

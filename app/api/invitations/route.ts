/** POST /api/invitations  staff create a single-use invitation for a council secretary */
import { ok, parseBody, route } from '@/lib/http/route';
import { ZCreateInvitationSchema } from '@/lib/schemas/auth';
import { getSessionUser } from '@/lib/auth/session';
import { createInvitation } from '@/lib/users/invitations';
import { requirePermission } from '@/lib/authz';

export const POST = route(async (request, { locale }) => {
  const actor = requirePermission(await getSessionUser(), 'invitation.create');
  const input = await parseBody(request, ZCreateInvitationSchema);
  const invitation = await createInvitation({ actor, input, locale });
  return ok(invitation, 201);
});

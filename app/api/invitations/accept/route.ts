/** POST /api/invitations/accept  the invitee sets a name and password; the invitation is used up */
import { ok, parseBody, route } from '@/lib/http/route';
import { ZAcceptInvitationSchema } from '@/lib/schemas/auth';
import { acceptInvitation } from '@/lib/users/invitations';
import { clientAddress } from '@/lib/auth/sign-in';

export const POST = route(async (request, { locale }) => {
  const input = await parseBody(request, ZAcceptInvitationSchema);
  await acceptInvitation({ input, ip: clientAddress(request) });
  return ok({ signIn: `/${locale}/signin` }, 201);
});

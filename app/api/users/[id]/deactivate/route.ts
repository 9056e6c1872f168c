/** POST /api/users/[id]/deactivate  staff deactivate a secretary, admins also staff and admins; never oneself (body: optional { version }) */
import { ok, parseOptionalBody, route } from '@/lib/http/route';
import { getSessionUser } from '@/lib/auth/session';
import { requirePermission } from '@/lib/authz';
import { ZUserActionSchema } from '@/lib/schemas/users';
import { deactivateUser } from '@/lib/users/manage';

export const POST = route<{ id: string }>(async (request, { params }) => {
  const actor = requirePermission(await getSessionUser(), 'user.manage-secretary');
  const { version } = await parseOptionalBody(request, ZUserActionSchema);
  return ok(await deactivateUser({ actor, userId: params.id, version }));
});

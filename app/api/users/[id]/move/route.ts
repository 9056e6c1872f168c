/** POST /api/users/[id]/move  staff bind a secretary to another municipality; their sessions end (body: { municipalitySlug, version? }) */
import { ok, parseBody, route } from '@/lib/http/route';
import { getSessionUser } from '@/lib/auth/session';
import { requirePermission } from '@/lib/authz';
import { ZMoveSecretarySchema } from '@/lib/schemas/users';
import { moveSecretary } from '@/lib/users/manage';

export const POST = route<{ id: string }>(async (request, { params }) => {
  const actor = requirePermission(await getSessionUser(), 'user.manage-secretary');
  const input = await parseBody(request, ZMoveSecretarySchema);
  return ok(await moveSecretary({ actor, userId: params.id, ...input }));
});

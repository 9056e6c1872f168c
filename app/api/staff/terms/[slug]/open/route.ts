/** POST /api/staff/terms/[slug]/open  staff open a council term; secretaries of municipalities that joined before are invited to renew */
import { ok, parseBody, route } from '@/lib/http/route';
import { ZOpenTermSchema } from '@/lib/schemas/terms';
import { getSessionUser } from '@/lib/auth/session';
import { requirePermission } from '@/lib/authz';
import { openTerm } from '@/lib/terms/open';

export const POST = route<{ slug: string }>(async (request, { params }) => {
  const actor = requirePermission(await getSessionUser(), 'term.manage');
  await parseBody(request, ZOpenTermSchema);
  const opening = await openTerm({ actor, termSlug: params.slug });
  return ok(opening);
});

/** POST /api/staff/terms/[slug]/open  staff set up reporting for a council term (the term itself exists by the calendar); renewal invitations still due go out */
import { ok, parseBody, route } from '@/lib/http/route';
import { ZOpenTermSchema } from '@/lib/schemas/terms';
import { getSessionUser } from '@/lib/auth/session';
import { requirePermission } from '@/lib/authz';
import { setUpTermReporting } from '@/lib/terms/open';

export const POST = route<{ slug: string }>(async (request, { params }) => {
  const actor = requirePermission(await getSessionUser(), 'term.manage');
  await parseBody(request, ZOpenTermSchema);
  const opening = await setUpTermReporting({ actor, termSlug: params.slug });
  return ok(opening);
});

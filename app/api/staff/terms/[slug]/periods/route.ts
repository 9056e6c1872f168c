/** PUT /api/staff/terms/[slug]/periods  staff define a reporting period of a term or change its due date */
import { ok, parseBody, route } from '@/lib/http/route';
import { getSessionUser } from '@/lib/auth/session';
import { requirePermission } from '@/lib/authz';
import { ZPeriodSchema } from '@/lib/schemas/reporting';
import { upsertPeriod } from '@/lib/progress/settings';

export const PUT = route<{ slug: string }>(async (request, { params }) => {
  const actor = requirePermission(await getSessionUser(), 'reporting.manage');
  const input = await parseBody(request, ZPeriodSchema);
  const period = await upsertPeriod({ actor, termSlug: params.slug, input });
  return ok(period);
});

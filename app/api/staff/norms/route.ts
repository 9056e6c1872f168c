/** POST /api/staff/norms  staff record the legal minimum of social work specialists per 1 000 residents, with its citation */
import { ok, parseBody, route } from '@/lib/http/route';
import { getSessionUser } from '@/lib/auth/session';
import { requirePermission } from '@/lib/authz';
import { ZLegalNormSchema } from '@/lib/schemas/reporting';
import { recordNorm } from '@/lib/progress/settings';

export const POST = route(async (request) => {
  const actor = requirePermission(await getSessionUser(), 'reporting.manage');
  const input = await parseBody(request, ZLegalNormSchema);
  const norm = await recordNorm({ actor, input });
  return ok(norm, 201);
});

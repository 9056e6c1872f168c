/** POST /api/staff/accessions/[id]/verify  staff verify a submission (409 when someone else already did) */
import { ok, parseBody, route } from '@/lib/http/route';
import { getSessionUser } from '@/lib/auth/session';
import { requirePermission } from '@/lib/authz';
import { ZVerifySchema } from '@/lib/schemas/accession';
import { verifyAccession } from '@/lib/accessions/workflow';

export const POST = route<{ id: string }>(async (request, { params }) => {
  const actor = requirePermission(await getSessionUser(), 'accession.verify');
  const { version } = await parseBody(request, ZVerifySchema);
  const result = await verifyAccession({ actor, accessionId: params.id, version });
  return ok(result);
});

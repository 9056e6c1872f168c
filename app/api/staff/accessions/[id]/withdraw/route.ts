/** POST /api/staff/accessions/[id]/withdraw  staff record a withdrawal of a verified membership */
import { ok, parseBody, route } from '@/lib/http/route';
import { getSessionUser } from '@/lib/auth/session';
import { requirePermission } from '@/lib/authz';
import { ZReasonSchema } from '@/lib/schemas/accession';
import { withdrawAccession } from '@/lib/accessions/workflow';

export const POST = route<{ id: string }>(async (request, { params }) => {
  const actor = requirePermission(await getSessionUser(), 'accession.withdraw');
  const input = await parseBody(request, ZReasonSchema);
  const result = await withdrawAccession({ actor, accessionId: params.id, input });
  return ok(result);
});

/** POST /api/staff/accessions/[id]/return  staff return a submission with a reason */
import { ok, parseBody, route } from '@/lib/http/route';
import { getSessionUser } from '@/lib/auth/session';
import { requirePermission } from '@/lib/authz';
import { ZReasonSchema } from '@/lib/schemas/accession';
import { returnAccession } from '@/lib/accessions/workflow';

export const POST = route<{ id: string }>(async (request, { params }) => {
  const actor = requirePermission(await getSessionUser(), 'accession.return');
  const input = await parseBody(request, ZReasonSchema);
  const result = await returnAccession({ actor, accessionId: params.id, input });
  return ok(result);
});

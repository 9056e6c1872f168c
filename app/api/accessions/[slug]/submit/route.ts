/** POST /api/accessions/[slug]/submit  the secretary submits the decision for verification */
import { ok, route } from '@/lib/http/route';
import { getSessionUser } from '@/lib/auth/session';
import { requirePermission } from '@/lib/authz';
import { municipalityIdBySlug } from '@/lib/municipalities/queries';
import { submitAccession } from '@/lib/accessions/workflow';

export const POST = route<{ slug: string }>(async (_request, { params }) => {
  const actor = await getSessionUser();
  requirePermission(actor, 'accession.submit', { municipalityId: await municipalityIdBySlug(params.slug) });
  const result = await submitAccession({ actor, municipalitySlug: params.slug });
  return ok(result);
});

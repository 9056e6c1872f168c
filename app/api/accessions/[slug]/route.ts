/** PUT /api/accessions/[slug]  the municipality's secretary records the council decision (current term) */
import { ok, parseBody, route } from '@/lib/http/route';
import { getSessionUser } from '@/lib/auth/session';
import { requirePermission } from '@/lib/authz';
import { municipalityIdBySlug } from '@/lib/municipalities/queries';
import { ZRecordDecisionSchema } from '@/lib/schemas/accession';
import { recordDecision } from '@/lib/accessions/workflow';

export const PUT = route<{ slug: string }>(async (request, { params }) => {
  const actor = await getSessionUser();
  requirePermission(actor, 'accession.record', { municipalityId: await municipalityIdBySlug(params.slug) });
  const input = await parseBody(request, ZRecordDecisionSchema);
  return ok(await recordDecision({ actor, municipalitySlug: params.slug, input }));
});

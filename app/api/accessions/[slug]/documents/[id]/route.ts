/** DELETE /api/accessions/[slug]/documents/[id]  remove a document from a draft or returned submission */
import { ok, route } from '@/lib/http/route';
import { getSessionUser } from '@/lib/auth/session';
import { removeDocument } from '@/lib/accessions/workflow';

export const DELETE = route<{ slug: string; id: string }>(async (_request, { params }) => {
  const actor = await getSessionUser();
  await removeDocument({ actor, municipalitySlug: params.slug, documentId: params.id });
  return ok(null);
});

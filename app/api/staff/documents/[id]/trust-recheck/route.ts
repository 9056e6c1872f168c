/** POST /api/staff/documents/[id]/trust-recheck  staff re-run the trust check of a document's signatures with the current trusted list (earlier verdicts kept) */
import { ok, route } from '@/lib/http/route';
import { getSessionUser } from '@/lib/auth/session';
import { requirePermission } from '@/lib/authz';
import { recheckDocumentTrust } from '@/lib/trust/verdicts';
import { revalidatePublic } from '@/lib/accessions/revalidate';

export const POST = route<{ id: string }>(async (_request, { params }) => {
  const actor = requirePermission(await getSessionUser(), 'signature.recheck');
  const verdicts = await recheckDocumentTrust({ actor, documentId: params.id });
  revalidatePublic();
  return ok({ verdicts: verdicts.map((v) => ({ status: v.status, reason: v.reason ?? null, list: v.list.sequenceNumber, computedAt: v.computedAt })) });
});

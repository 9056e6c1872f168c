/** GET /api/accessions/[slug]/signing-sheet  the memorandum signing sheet PDF with the recorded decision filled in */
import { route } from '@/lib/http/route';
import { getSessionUser } from '@/lib/auth/session';
import { buildSigningSheet } from '@/lib/accessions/signing-sheet';
import { pdfAttachment } from '@/lib/documents/access';

export const GET = route<{ slug: string }>(async (_request, { params }) => {
  const actor = await getSessionUser();
  const { bytes, fileName } = await buildSigningSheet({ actor, municipalitySlug: params.slug });
  return pdfAttachment(bytes, fileName);
});

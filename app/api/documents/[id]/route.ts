/**
 * GET /api/documents/[id]  download a document: public for verified or
 * withdrawn accessions, otherwise its municipality's secretary or staff.
 */
import { Readable } from 'node:stream';
import { route } from '@/lib/http/route';
import { getSessionUser } from '@/lib/auth/session';
import { attachmentHeader, openDocument } from '@/lib/documents/access';

export const GET = route<{ id: string }>(async (_request, { params }) => {
  const actor = await getSessionUser();
  const { stream, doc, isPublic } = await openDocument({ actor, documentId: params.id });
  return new Response(Readable.toWeb(stream) as ReadableStream, {
    headers: {
      'Content-Type': doc.mediaType,
      'Content-Length': String(doc.sizeBytes),
      'Content-Disposition': attachmentHeader(doc.originalName),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': isPublic ? 'public, max-age=300' : 'private, no-store',
      ETag: `"${doc.sha256}"`,
      Digest: `sha-256=${Buffer.from(doc.sha256, 'hex').toString('base64')}`,
    },
  });
});

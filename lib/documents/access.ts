import 'server-only';
import type { Readable } from 'node:stream';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { requirePermission, type Actor } from '@/lib/authz';
import { storage } from '@/lib/storage';
import { accessionIs, reportIs } from '@/lib/authz/workflow';

/**
 * Opens a document for download. Documents of verified (or withdrawn)
 * accessions and of accepted reports are public records; any other needs the uploader's municipality
 * or staff.
 */
export async function openDocument({
  actor,
  documentId,
}: {
  actor: Actor | null;
  documentId: string;
}): Promise<{ stream: Readable; isPublic: boolean; doc: { sha256: string; sizeBytes: number; mediaType: string; originalName: string } }> {
  if (!/^[a-z0-9]{1,64}$/i.test(documentId)) throw new AppError('NOT_FOUND');
  const doc = await db().document.findUnique({
    where: { id: documentId },
    select: {
      sha256: true,
      sizeBytes: true,
      mediaType: true,
      originalName: true,
      storageKey: true,
      accession: { select: { status: true, municipalityId: true } },
      report: { select: { status: true, municipalityId: true } },
    },
  });
  if (!doc) throw new AppError('NOT_FOUND');
  const isPublic = accessionIs('published', doc.accession?.status) || reportIs('published', doc.report?.status);
  // Note: unpublished documents answer 404 to the public, so their existence is not revealed.
  if (!isPublic) {
    if (!actor) throw new AppError('NOT_FOUND');
    requirePermission(actor, 'document.view-unpublished', { municipalityId: doc.accession?.municipalityId ?? doc.report?.municipalityId ?? null });
  }
  if (!(await storage().exists(doc.storageKey))) throw new AppError('GONE');
  return { stream: await storage().open(doc.storageKey), isPublic, doc };
}

/** A Content-Disposition header value that keeps Latvian letters (RFC 6266 / 5987). */
export function attachmentHeader(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** A generated PDF as a download: its file name kept, never sniffed; private answers are not cached. */
export function pdfAttachment(bytes: Uint8Array, fileName: string, cache: 'private' | 'public' = 'private'): Response {
  return new Response(Buffer.from(bytes), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': attachmentHeader(fileName),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': cache === 'public' ? 'public, max-age=60' : 'private, no-store',
    },
  });
}

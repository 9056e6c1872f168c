/**
 * PDF branch of the upload inspection: structure, encryption, active content and signatures.
 */
import { PDFDocument } from 'pdf-lib';
import { errorMessage } from './cms';
import { readEncryption, opensWithEmptyUserPassword } from './pdf-encryption';
import { scanActiveContent } from './pdf-features';
import { checkPdfSignatures } from './pdf-signatures';
import { hasProperEnd, latin1, xrefIsConsistent } from './pdf-structure';
import type { InspectResult, UploadWarning } from './types';

async function loadPdf(bytes: Uint8Array): Promise<PDFDocument | string> {
  try {
    return await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
  } catch (e) {
    return errorMessage(e);
  }
}

function pageCountOf(doc: PDFDocument): number | null {
  try {
    return doc.getPageCount();
  } catch {
    return null;
  }
}

/** Inspects bytes that start with `%PDF-`. Never throws. */
export async function inspectPdf(bytes: Uint8Array): Promise<InspectResult> {
  const text = latin1(bytes);
  if (!hasProperEnd(text)) return { ok: false, reason: 'truncated', detail: 'no %%EOF marker at the end of the file' };
  const doc = await loadPdf(bytes);
  if (typeof doc === 'string') return { ok: false, reason: 'corrupt', detail: `pdf-lib: ${doc}` };

  const warnings: UploadWarning[] = [];
  const enc = readEncryption(doc);
  if (enc) {
    if (!opensWithEmptyUserPassword(enc)) {
      return { ok: false, reason: 'encrypted_needs_password', detail: `/Filter ${enc.filter} V${enc.v} R${enc.r}: user password required` };
    }
    warnings.push('encrypted_owner_only');
  }
  const pageCount = pageCountOf(doc);
  if (!enc && (pageCount === null || pageCount < 1)) return { ok: false, reason: 'corrupt', detail: 'no readable page tree' };
  if (!xrefIsConsistent(text)) warnings.push('structure_repaired');
  warnings.push(...scanActiveContent(doc));

  const sigs = await checkPdfSignatures(bytes, text, doc);
  const broken = sigs.find((s) => s.info.integrity !== 'intact');
  if (broken) return { ok: false, reason: 'signature_invalid', detail: broken.info.detail ?? 'signature does not verify' };
  if (sigs.some((s) => s.timestampInvalid)) warnings.push('timestamp_invalid');

  return {
    ok: true,
    kind: 'pdf',
    mediaType: 'application/pdf',
    warnings,
    signatures: sigs.map((s) => s.info),
    ...(pageCount !== null ? { pageCount } : {}),
  };
}

/**
 * PDF branch of the upload inspection: structure, encryption, active content and signatures.
 */
import { PDFCatalog, PDFDict, PDFDocument, PDFParser, PDFRef, type PDFContext } from 'pdf-lib';
import { errorMessage } from './cms';
import { logContained } from './context';
import { readEncryption, opensWithEmptyUserPassword } from './pdf-encryption';
import { scanActiveContent } from './pdf-features';
import { checkPdfSignatures } from './pdf-signatures';
import { endState, latin1, xrefIsConsistent } from './pdf-structure';
import type { InspectResult, UploadWarning } from './types';

/** pdf-lib's document constructor (what `PDFDocument.load` calls after parsing). */
const DocumentFromContext = PDFDocument as unknown as new (context: PDFContext, ignoreEncryption: boolean, updateMetadata: boolean) => PDFDocument;

/**
 * Parses with pdf-lib like `PDFDocument.load`, but reads the catalog from the trailer's /Root even
 * when it lacks `/Type /Catalog` (readers accept that; pdf-lib would fail and call the file damaged).
 */
async function loadPdf(bytes: Uint8Array): Promise<PDFDocument | string> {
  try {
    const context = await PDFParser.forBytesWithOptions(bytes, 100, false, false).parseDocument();
    const root = context.trailerInfo.Root;
    const catalog = root instanceof PDFRef ? context.lookup(root) : root;
    if (root instanceof PDFRef && catalog instanceof PDFDict && !(catalog instanceof PDFCatalog)) {
      context.assign(root, PDFCatalog.fromMapWithContext(new Map(catalog.entries()), context));
    }
    return new DocumentFromContext(context, true, false);
  } catch (e) {
    logContained('pdf-lib load', null, e);
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
  const end = endState(text);
  if (end === 'cut_off') return { ok: false, reason: 'truncated', detail: 'no %%EOF marker at the end of the file (cut off)' };
  if (end === 'unreadable') return { ok: false, reason: 'corrupt', detail: 'no PDF object behind the header (unreadable)' };
  if (end === 'no_xref') return { ok: false, reason: 'no_xref', detail: 'the file holds no cross-reference data (no xref table, xref stream or startxref)' };
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
  const broken = sigs.find((s) => s.info.integrity === 'mismatch');
  if (broken) return { ok: false, reason: 'signature_invalid', detail: broken.info.detail ?? 'signature does not verify' };
  if (sigs.some((s) => s.timestampInvalid)) warnings.push('timestamp_invalid');
  if (sigs.some((s) => s.info.integrity === 'unknown')) warnings.push('signature_unchecked');

  return {
    ok: true,
    kind: 'pdf',
    mediaType: 'application/pdf',
    warnings,
    signatures: sigs.map((s) => s.info),
    ...(pageCount !== null ? { pageCount } : {}),
  };
}

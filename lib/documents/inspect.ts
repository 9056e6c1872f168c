/**
 * Content-based acceptance check for uploaded signed council decisions (PDF / PAdES or ASiC-E /
 * XAdES). Pure server-side library: no Next.js, no database.
 *
 * "integrity: 'intact'" means the signed bytes and the signature value verify with the certificate
 * embedded in the signature. Trust (chain to the Latvian trusted list, qualified status, revocation)
 * is a separate step: `lib/trust` turns each signature's facts into a verdict.
 */
import { inspectZip } from './asice';
import { errorMessage } from './cms';
import { logContained, withInspectionContext } from './context';
import { inspectPdf } from './inspect-pdf';
import { InspectRejection, MAX_UPLOAD_BYTES, type InspectResult } from './types';

export { MAX_UPLOAD_BYTES } from './types';
export type { InspectResult, RejectReason, SignatureInfo, UploadWarning } from './types';

/** Sniffed container type, from magic bytes at offset 0 only. */
type Sniffed = 'pdf' | 'zip' | 'other';

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** `%PDF-` at offset 0 is a PDF, `PK\x03\x04` a ZIP; polyglots with a different first header are neither. */
function sniff(bytes: Uint8Array): Sniffed {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  return 'other';
}

/**
 * Decides by content whether `bytes` is an acceptable signed council decision and reports its
 * signatures. Guarantees: never throws; rejects inputs over `opts.maxBytes` (default
 * {@link MAX_UPLOAD_BYTES}) with `too_large` before any parsing; never inflates more than that
 * cap from an archive; any signature whose integrity does not hold rejects the whole upload
 * (`signature_invalid`); an unsupported algorithm is accepted with the `signature_unchecked` warning.
 */
export async function inspectDocument(bytes: Uint8Array, opts?: { maxBytes?: number }): Promise<InspectResult> {
  const maxBytes = opts?.maxBytes ?? MAX_UPLOAD_BYTES;
  if (bytes.byteLength > maxBytes) return { ok: false, reason: 'too_large', detail: `${bytes.byteLength} bytes > ${maxBytes}` };
  if (bytes.byteLength === 0) return { ok: false, reason: 'empty' };
  return withInspectionContext(bytes, () => inspectSniffed(bytes, maxBytes));
}

async function inspectSniffed(bytes: Uint8Array, maxBytes: number): Promise<InspectResult> {
  try {
    switch (sniff(bytes)) {
      case 'pdf':
        return await inspectPdf(bytes);
      case 'zip':
        return await inspectZip(bytes, maxBytes);
      default:
        return { ok: false, reason: 'not_pdf', detail: 'no %PDF- or ZIP signature at offset 0' };
    }
  } catch (e) {
    if (e instanceof InspectRejection) return { ok: false, reason: e.reason, detail: e.message };
    logContained('inspect', null, e);
    return { ok: false, reason: 'corrupt', detail: `unexpected parser failure: ${errorMessage(e)}` };
  }
}

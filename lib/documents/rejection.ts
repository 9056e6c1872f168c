import type { RejectReason } from './types';

/**
 * The HTTP error for a refused upload. A `too_large` from inside an archive
 * whose own size is within the cap (a decompression bomb such as the corpus'
 * 1 MB `zip-bomb-1gb.asice`, or a damaged size field) is not "the file is too
 * large": it gets its own message ("expands too much or is damaged") and 422,
 * not 413 (QA s13). The inspection reason stays `too_large` (corpus manifest).
 */
export function uploadRejection(
  reason: RejectReason,
  uploadedBytes: number,
  maxBytes: number,
): { code: 'TOO_LARGE' | 'UNSUPPORTED' | 'UNPROCESSABLE'; messageKey: string } {
  if (reason === 'too_large') {
    return uploadedBytes > maxBytes
      ? { code: 'TOO_LARGE', messageKey: 'upload.too_large' }
      : { code: 'UNPROCESSABLE', messageKey: 'upload.too_large_expanded' };
  }
  if (reason === 'not_pdf' || reason === 'unsupported_type') return { code: 'UNSUPPORTED', messageKey: `upload.${reason}` };
  return { code: 'UNPROCESSABLE', messageKey: `upload.${reason}` };
}

import { AppError } from '@/lib/errors';
import { MAX_UPLOAD_BYTES } from '@/lib/documents/inspect';
import { mediaTypeOf } from '@/lib/http/route';
import { receiveToTemp, TooLargeError, type ReceivedFile } from '@/lib/storage';

/** Content types of HTML forms (and of a CORS "simple" request). */
const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);

/**
 * Streams a raw upload body to a temporary file (sha256 on the way, stopped
 * at 25 MB). Call it only after authorising the request. Errors are 4xx with
 * a translatable reason; nothing is left behind.
 */
export async function receiveUpload(request: Request): Promise<ReceivedFile> {
  // Note: an upload is the file's own bytes (components/accession/upload-widget.tsx sends application/octet-stream);
  // the types a page of another site can post without a CORS preflight are refused.
  if (FORM_TYPES.has(mediaTypeOf(request))) throw new AppError('UNSUPPORTED', 'security.uploadType');
  if (Number(request.headers.get('content-length') ?? '0') > MAX_UPLOAD_BYTES) throw new AppError('TOO_LARGE', 'upload.too_large');
  if (!request.body) throw new AppError('UNPROCESSABLE', 'upload.empty');
  return receiveToTemp(request.body, MAX_UPLOAD_BYTES).catch((error: unknown) => {
    if (error instanceof TooLargeError) throw new AppError('TOO_LARGE', 'upload.too_large');
    throw new AppError('BAD_REQUEST', 'upload.aborted', { cause: error });
  });
}

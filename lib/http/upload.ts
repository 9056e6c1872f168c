import { AppError } from '@/lib/errors';
import { MAX_UPLOAD_BYTES } from '@/lib/documents/inspect';
import { receiveToTemp, TooLargeError, type ReceivedFile } from '@/lib/storage';

/**
 * Streams a raw upload body to a temporary file (sha256 on the way, stopped
 * at 25 MB). Call it only after authorising the request. Errors are 4xx with
 * a translatable reason; nothing is left behind.
 */
export async function receiveUpload(request: Request): Promise<ReceivedFile> {
  if (Number(request.headers.get('content-length') ?? '0') > MAX_UPLOAD_BYTES) throw new AppError('TOO_LARGE', 'upload.too_large');
  if (!request.body) throw new AppError('UNPROCESSABLE', 'upload.empty');
  return receiveToTemp(request.body, MAX_UPLOAD_BYTES).catch((error: unknown) => {
    if (error instanceof TooLargeError) throw new AppError('TOO_LARGE', 'upload.too_large');
    throw new AppError('BAD_REQUEST', 'upload.aborted', { cause: error });
  });
}

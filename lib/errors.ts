/** The portal's one error type; route handlers map `code` to an HTTP status. */
export type AppErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'CONFLICT'
  | 'GONE'
  | 'TOO_LARGE'
  | 'UNSUPPORTED'
  | 'UNPROCESSABLE'
  | 'TOO_MANY_REQUESTS'
  | 'UNAVAILABLE';

export const STATUS_BY_CODE: Record<AppErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  GONE: 410,
  TOO_LARGE: 413,
  UNSUPPORTED: 415,
  UNPROCESSABLE: 422,
  TOO_MANY_REQUESTS: 429,
  UNAVAILABLE: 503,
};

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** A message key (lib/i18n) the UI shows in the user's language. */
  readonly messageKey: string;
  readonly fieldErrors?: Record<string, string[]>;
  readonly retryAfterSeconds?: number;

  constructor(code: AppErrorCode, messageKey?: string, extra?: { fieldErrors?: Record<string, string[]>; retryAfterSeconds?: number; cause?: unknown }) {
    super(messageKey ?? code, { cause: extra?.cause });
    this.name = 'AppError';
    this.code = code;
    this.messageKey = messageKey ?? `errors.${code}`;
    this.fieldErrors = extra?.fieldErrors;
    this.retryAfterSeconds = extra?.retryAfterSeconds;
  }

  get status(): number {
    return STATUS_BY_CODE[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

import { ZodError, type ZodType } from 'zod';
import { AppError, isAppError } from '@/lib/errors';
import { fieldErrorsOf } from '@/lib/schemas/common';
import { localeOfRequest, translateKey } from '@/lib/i18n/request';
import type { Locale } from '@/lib/i18n';

export type ApiError = { ok: false; message: string; code: string; fieldErrors?: Record<string, string[]> };

type Ctx<P> = { params: Promise<P> };
type Handler<P> = (request: Request, ctx: { params: P; locale: Locale }) => Promise<Response>;

function json(body: unknown, status: number, headers?: Record<string, string>): Response {
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
}

/** Turns any thrown error into the portal's error shape, translated; unknown errors are 500 and logged. */
export function errorResponse(error: unknown, locale: Locale): Response {
  if (error instanceof ZodError) {
    const fe = fieldErrorsOf(error);
    const fieldErrors = Object.fromEntries(Object.entries(fe).map(([k, v]) => [k, v.map((m) => translateKey(locale, m))]));
    return json({ ok: false, code: 'VALIDATION', message: translateKey(locale, 'errors.formInvalid'), fieldErrors } satisfies ApiError, 422);
  }
  if (isAppError(error)) {
    const fieldErrors = error.fieldErrors
      ? Object.fromEntries(Object.entries(error.fieldErrors).map(([k, v]) => [k, v.map((m) => translateKey(locale, m))]))
      : undefined;
    const minutes = error.retryAfterSeconds ? Math.ceil(error.retryAfterSeconds / 60) : undefined;
    const message = translateKey(locale, minutes ? `${error.messageKey}|minutes=${minutes}` : error.messageKey);
    const headers: Record<string, string> = error.retryAfterSeconds ? { 'Retry-After': String(error.retryAfterSeconds) } : {};
    return json({ ok: false, code: error.code, message, fieldErrors } satisfies ApiError, error.status, headers);
  }
  if (isUnavailable(error)) {
    return json({ ok: false, code: 'UNAVAILABLE', message: translateKey(locale, 'errors.UNAVAILABLE') } satisfies ApiError, 503, { 'Retry-After': '5' });
  }
  console.error(error);
  return json({ ok: false, code: 'INTERNAL', message: translateKey(locale, 'errors.genericText') } satisfies ApiError, 500);
}

function isUnavailable(error: unknown): boolean {
  const text = String((error as { code?: string })?.code ?? '') + String((error as Error)?.message ?? '');
  return /ECONNREFUSED|ECONNRESET|57P01|57P03|Connection terminated|connect ETIMEDOUT|too many clients/i.test(text);
}

/** Wraps a route handler: awaits params, finds the locale, maps errors. */
export function route<P = Record<string, never>>(handler: Handler<P>) {
  return async (request: Request, ctx: Ctx<P>): Promise<Response> => {
    const locale = localeOfRequest(request);
    try {
      const params = ctx?.params ? await ctx.params : ({} as P);
      return await handler(request, { params, locale });
    } catch (error) {
      return errorResponse(error, locale);
    }
  };
}

/** Reads a JSON or form body and parses it with `schema`; a bad body is a 4xx, never a 500. */
export async function parseBody<T>(request: Request, schema: ZodType<T>): Promise<T> {
  const type = request.headers.get('content-type') ?? '';
  let raw: unknown;
  try {
    if (type.includes('application/json')) raw = await request.json();
    else if (type.includes('form')) raw = Object.fromEntries((await request.formData()).entries());
    else throw new AppError('UNSUPPORTED');
  } catch (error) {
    if (isAppError(error)) throw error;
    throw new AppError('BAD_REQUEST');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new AppError('BAD_REQUEST');
  return schema.parse(raw);
}

export function ok(data: unknown, status = 200): Response {
  return json({ ok: true, data }, status);
}

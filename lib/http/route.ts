import { ZodError, type ZodType } from 'zod';
import { AppError, isAppError } from '@/lib/errors';
import { fieldErrorsOf, zRouteParam } from '@/lib/schemas/common';
import { localeOfRequest, translateKey } from '@/lib/i18n/request';
import type { Locale } from '@/lib/i18n';
import { env } from '@/lib/env';

export type ApiError = { ok: false; message: string; code: string; fieldErrors?: Record<string, string[]> };

type Ctx<P> = { params: Promise<P> };
type Handler<P> = (request: Request, ctx: { params: P; locale: Locale }) => Response | Promise<Response>;

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
  if (isUniqueViolation(error)) {
    // Note: two requests raced past a "does it exist yet?" check; the database's unique key decided.
    return json({ ok: false, code: 'CONFLICT', message: translateKey(locale, 'errors.CONFLICT') } satisfies ApiError, 409);
  }
  if (isUnavailable(error)) {
    return json({ ok: false, code: 'UNAVAILABLE', message: translateKey(locale, 'errors.UNAVAILABLE') } satisfies ApiError, 503, { 'Retry-After': '5' });
  }
  console.error(error);
  return json({ ok: false, code: 'INTERNAL', message: translateKey(locale, 'errors.genericText') } satisfies ApiError, 500);
}

// Note: what the database being down or restarting looks like, as thrown by
// Prisma (P1001 can't reach, P1002/P1008 timed out, P1017 closed, P2024 pool
// timeout, P2028 transaction not started in time, P2037 too many connections), by its pg adapter (DriverAdapterError kinds; a connection that
// died inside a transaction is a plain "not queryable" Error), by pg itself
// (SQLSTATE 57P01–57P03 shutdown/starting up, 53300 too many clients, 08xxx
// connection exceptions, 57014 statement timeout; its client-side query and
// connection timeouts, lib/db/client.ts), and by Node sockets. Auth.js wraps errors of the
// sign-in callback in `cause.err`, Prisma its adapter's in
// `meta.driverAdapterError`: the whole chain is searched.
const UNAVAILABLE_CODES = new Set([
  'P1001',
  'P1002',
  'P1008',
  'P1017',
  'P2024',
  'P2028',
  'P2037',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '53300',
  '57014',
]);
const UNAVAILABLE_SQLSTATE = /^(57P0[1-3]|08[0-9A-Z]{3})$/;
const UNAVAILABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
const UNAVAILABLE_TEXT =
  /ECONNREFUSED|ECONNRESET|Connection terminated|encountered a connection error|Can't reach database server|Server has closed the connection|the database system is (starting up|shutting down|in recovery mode)|terminating connection due to administrator command|connect ETIMEDOUT|too many clients|Timed out fetching a new connection|Query read timeout|timeout exceeded when trying to connect|Connection terminated due to connection timeout|canceling statement due to statement timeout/i;

function isUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 6) return false;
  const e = error as {
    code?: unknown;
    originalCode?: unknown;
    kind?: unknown;
    message?: unknown;
    cause?: unknown;
    err?: unknown;
    meta?: { driverAdapterError?: unknown };
  };
  for (const code of [e.code, e.originalCode]) {
    if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return true;
  }
  if (typeof e.kind === 'string' && UNAVAILABLE_KINDS.has(e.kind)) return true;
  if (typeof e.message === 'string' && UNAVAILABLE_TEXT.test(e.message)) return true;
  return [e.cause, e.err, e.meta?.driverAdapterError].some((next) => isUnavailable(next, depth + 1));
}

/** A unique-key violation (Prisma P2002, PostgreSQL SQLSTATE 23505) anywhere in the error chain. */
function isUniqueViolation(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 6) return false;
  const e = error as { code?: unknown; originalCode?: unknown; kind?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
  if (e.code === 'P2002' || e.code === '23505' || e.originalCode === '23505' || e.kind === 'UniqueConstraintViolation') return true;
  return [e.cause, e.meta?.driverAdapterError].some((next) => isUniqueViolation(next, depth + 1));
}

/** Whether every path parameter (a catch-all gives an array) is a possible identifier (zRouteParam). */
function paramsAreIdentifiers(params: unknown): boolean {
  return Object.values(params ?? {}).every((v: unknown) => (Array.isArray(v) ? v : [v]).every((s) => zRouteParam.safeParse(s).success));
}

/** Methods that change nothing; every other method is a mutation and must come from the portal itself. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The portal's own origin: from PUBLIC_BASE_URL only, never from the Host or X-Forwarded-Host of a request. */
export function portalOrigin(): string {
  return new URL(env.PUBLIC_BASE_URL).origin;
}

/**
 * Whether a request may change something on behalf of the cookie it carries.
 *
 * Note: CSRF defence in depth beside SameSite=Lax (which lets any sibling
 * subdomain or port act). A browser sends `Origin` on every cross-origin
 * POST/PUT/DELETE: it must be the portal's own. Without `Origin`, a browser's
 * `Sec-Fetch-Site` must be `same-origin` (or `none`: typed by the user).
 * With neither, the caller is not a browser (curl, a script) and carries no
 * victim's cookie, so it is let through, as Go's CrossOriginProtection does.
 * GET/HEAD/OPTIONS change nothing and stay open (open data is cross-origin
 * by design, CORS preflights included).
 */
export function isSameOriginRequest(request: Request): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return true;
  const origin = request.headers.get('origin');
  if (origin !== null) return origin === portalOrigin();
  const site = request.headers.get('sec-fetch-site');
  if (site !== null) return site === 'same-origin' || site === 'none';
  return true;
}

/**
 * Wraps a route handler: awaits params, finds the locale, maps errors. A
 * mutation from another origin is a 403 before anything else
 * (isSameOriginRequest). A path parameter that cannot be an identifier is a
 * 404 before the handler runs, so no handler passes one to the database.
 */
export function route<P = Record<string, never>>(handler: Handler<P>) {
  return async (request: Request, ctx: Ctx<P>): Promise<Response> => {
    const locale = localeOfRequest(request);
    try {
      if (!isSameOriginRequest(request)) throw new AppError('FORBIDDEN', 'security.crossOrigin');
      const params = ctx?.params === undefined ? ({} as P) : await ctx.params;
      if (!paramsAreIdentifiers(params)) throw new AppError('NOT_FOUND');
      return await handler(request, { params, locale });
    } catch (error) {
      return errorResponse(error, locale);
    }
  };
}

/** The media type of a request (`application/json` of `application/json; charset=utf-8`), lower case, '' when absent. */
export function mediaTypeOf(request: Request): string {
  return (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

/** The largest JSON body any route reads (lib/http/request-gate.ts refuses a larger declared one before Next.js). */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

/**
 * Reads a body as UTF-8 text, stopping at `limit` bytes: a larger body is a
 * 413 after at most `limit` bytes were read, whether or not it declared its
 * length (`request.json()` would read any size into memory).
 */
async function readCappedText(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > limit) throw new AppError('TOO_LARGE', 'security.bodyTooLarge');
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) {
        void reader.cancel().catch(() => undefined);
        throw new AppError('TOO_LARGE', 'security.bodyTooLarge');
      }
      chunks.push(value);
    }
  } catch (error) {
    if (isAppError(error)) throw error;
    throw new AppError('BAD_REQUEST');
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Whether a media type is JSON (`application/json` or `application/…+json`). */
const isJsonType = (type: string) => type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);

/**
 * Reads a JSON body and parses it with `schema`; a bad body is a 4xx, never a 500.
 *
 * Note: JSON only. A form body (url-encoded, multipart, text/plain) is what a
 * page of another site can send without a CORS preflight; every form of the
 * portal submits JSON (components/forms/use-api-form.ts), so those are 415.
 */
export async function parseBody<T>(request: Request, schema: ZodType<T>): Promise<T> {
  if (!isJsonType(mediaTypeOf(request))) throw new AppError('UNSUPPORTED', 'security.jsonOnly');
  const text = await readCappedText(request, MAX_JSON_BODY_BYTES);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    if (isAppError(error)) throw error;
    throw new AppError('BAD_REQUEST');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new AppError('BAD_REQUEST');
  return schema.parse(raw);
}

/** A body that may be left out entirely (no Content-Type): then it is parsed as `{}`. */
export async function parseOptionalBody<T>(request: Request, schema: ZodType<T>): Promise<T> {
  if (!request.headers.get('content-type')) return schema.parse({});
  return parseBody(request, schema);
}

export function ok(data: unknown, status = 200): Response {
  return json({ ok: true, data }, status);
}

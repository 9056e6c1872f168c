import type { IncomingMessage } from 'node:http';
import { forwardedClientAddress } from '@/lib/http/client-address';

/**
 * A short in-memory "penalty box" in the front server for the unauthenticated
 * endpoints that are throttled per address only (invitation acceptance;
 * THROTTLED_PATHS): once the portal answered an
 * address 429 there, further requests of that address to those endpoints are
 * answered 429 by the front server itself for a few seconds, without
 * Next.js, the database or bcrypt.
 *
 * Note: the database throttle (lib/auth/throttle.ts) stays the only
 * authority; this only makes a flood cheap (issue 17: 16 clients flooding
 * invitation acceptance stalled other requests). The box is short
 * (BOX_SECONDS at most): a lock lifted early (by a restart of the database
 * throttle's window) is honoured soon.
 */
const BOX_SECONDS = 10;
const MAX_BOXED = 10_000;

/**
 * POST paths throttled per client address only, so that a 429 there always
 * means "this address is locked". Sign-in is not here: its 429 may be a
 * locked account, and boxing the address would refuse everyone behind it
 * (an office) for that. An endpoint added later with an address-only
 * throttle (e.g. a password-reset request) joins this list.
 */
export const THROTTLED_PATHS = new Set(['/api/invitations/accept']);

const boxed = new Map<string, number>();

function keyOf(req: Pick<IncomingMessage, 'method' | 'url' | 'headers' | 'socket'>): string | null {
  if (req.method !== 'POST') return null;
  const pathname = (req.url ?? '').split('?')[0] ?? '';
  return THROTTLED_PATHS.has(pathname) ? forwardedClientAddress(req) : null;
}

/** Seconds this request's address is still boxed for its path, or 0. */
export function boxedFor(req: Pick<IncomingMessage, 'method' | 'url' | 'headers' | 'socket'>, now = Date.now()): number {
  const key = keyOf(req);
  if (!key) return 0;
  const until = boxed.get(key) ?? 0;
  if (until <= now) {
    boxed.delete(key);
    return 0;
  }
  return Math.ceil((until - now) / 1000);
}

/** Records the portal's answer: a 429 on a throttled path boxes the address for min(Retry-After, BOX_SECONDS). */
export function notePenalty(
  req: Pick<IncomingMessage, 'method' | 'url' | 'headers' | 'socket'>,
  status: number,
  retryAfter: string | string[] | undefined,
  now = Date.now(),
): void {
  if (status !== 429) return;
  const key = keyOf(req);
  if (!key) return;
  if (boxed.size >= MAX_BOXED) boxed.clear();
  const seconds = Math.min(BOX_SECONDS, Math.max(1, Number(Array.isArray(retryAfter) ? retryAfter[0] : retryAfter) || BOX_SECONDS));
  boxed.set(key, now + seconds * 1000);
}

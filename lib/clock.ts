import { env } from '@/lib/env';

/**
 * The portal's calendar clock: "today" for council terms, reporting duty,
 * deadlines and decision-date rules. Everything that asks "which term is
 * current?" or "is this overdue?" takes its `now` from here (or as a
 * parameter defaulting to it), so tests can freeze it on real dates:
 *
 * - a server started with FROZEN_NOW=2026-12-03 (or an ISO instant) uses that
 *   instant, but only outside production or when PUBLIC_BASE_URL is a
 *   loopback address (end-to-end servers); a public production server
 *   ignores it (ADR 0120);
 * - in-process tests (NODE_ENV=test) call {@link freezeClockForTests}.
 *
 * Only calendar logic reads this clock; session expiry, throttling and
 * audit timestamps keep the real time.
 */

/** 'YYYY-MM-DD' → noon in Riga that day (10:00 or 09:00 UTC), far from either midnight. */
export function parseFrozenNow(value: string): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T10:00:00Z`);
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new Error(`FROZEN_NOW: not a date: ${value}`);
  return d;
}

/** Is `url`'s host a loopback one (localhost, 127.0.0.1, [::1], *.localhost)? */
export function isLoopbackUrl(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === 'localhost' || host === '127.0.0.1' || host === '[::1]' || host.endsWith('.localhost');
  } catch {
    return false;
  }
}

/** The FROZEN_NOW instant when it is honoured, else null. */
export function frozenFromEnv(e: { NODE_ENV: string; PUBLIC_BASE_URL: string; FROZEN_NOW?: string }): Date | null {
  if (!e.FROZEN_NOW) return null;
  if (e.NODE_ENV === 'production' && !isLoopbackUrl(e.PUBLIC_BASE_URL)) return null;
  return parseFrozenNow(e.FROZEN_NOW);
}

const fromEnv = frozenFromEnv(env);
let frozenForTests: Date | null = null;

/** The current instant for calendar logic (frozen in tests, see above). */
export function now(): Date {
  return new Date((frozenForTests ?? fromEnv ?? new Date()).getTime());
}

/** Whether the clock is frozen (shown to staff, so a frozen server is never mistaken for a live one). */
export function isClockFrozen(): boolean {
  return frozenForTests !== null || fromEnv !== null;
}

/** Test hook (NODE_ENV=test only): freeze the calendar clock at `at` ('YYYY-MM-DD' or a Date); null unfreezes. */
export function freezeClockForTests(at: string | Date | null): void {
  if (env.NODE_ENV !== 'test') throw new Error('freezeClockForTests is for tests only');
  frozenForTests = at === null ? null : typeof at === 'string' ? parseFrozenNow(at) : at;
}

import { databaseReachable } from '@/lib/db/health';

/** Seconds a client is asked to wait during a database outage. */
export const OUTAGE_RETRY_AFTER_S = '5';

/**
 * For the front server (scripts/server.ts): the status and Retry-After to send
 * for an answer of Next.js. A 500 (a page or a handler that failed) while the
 * database does not answer is an outage, 503, not a bug; every 503 carries
 * Retry-After. Pages cannot set their own status in the App Router, so this
 * is where a page's outage becomes a 503 (issue 17: uncached public pages
 * answered 500, uncached open data 503 without Retry-After).
 */
export async function outageAdjusted(status: number, retryAfter: string | undefined): Promise<{ status: number; retryAfter?: string }> {
  if (status === 500 && !(await databaseReachable())) return { status: 503, retryAfter: OUTAGE_RETRY_AFTER_S };
  if (status === 503) return { status, retryAfter: retryAfter ?? OUTAGE_RETRY_AFTER_S };
  return { status, retryAfter };
}

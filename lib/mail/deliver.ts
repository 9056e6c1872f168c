import 'server-only';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { Prisma } from '@/lib/generated/prisma/client';
import { createMailTransport, sendMail } from './transport';

/** A message that failed is tried again on later runs until it has been tried this many times. */
export const MAX_ATTEMPTS = 5;

export type DeliveryResult = { sent: number; failed: number; held: number };

/** Messages still to be sent: new ones, and failed ones with attempts left. */
const DELIVERABLE = { OR: [{ status: 'PENDING' as const }, { status: 'FAILED' as const, attempts: { lt: MAX_ATTEMPTS } }] };

type Claimed = { id: string; toEmail: string; subject: string; text: string; locale: string };

/**
 * Sends pending outbox messages through SMTP. Each message is claimed in its
 * own transaction with FOR UPDATE SKIP LOCKED and marked SENT (or FAILED with
 * the error) before that transaction commits, so concurrent runs — in this
 * process or another — never send one message twice; a message that fails
 * is not retried within the same run. Without SMTP nothing is sent and the
 * messages stay PENDING (admins read them on the outbox page): `held` counts them.
 */
export async function deliverPending(opts: { smtpUrl?: string | null; limit?: number } = {}): Promise<DeliveryResult> {
  // smtpUrl: the server to use; default SMTP_URL; null means "no SMTP".
  const smtpUrl = opts.smtpUrl === undefined ? env.SMTP_URL : opts.smtpUrl;
  const limit = opts.limit ?? 200;
  if (!smtpUrl) return { sent: 0, failed: 0, held: await db().outboxMessage.count({ where: DELIVERABLE }) };
  const transport = createMailTransport(smtpUrl);
  const tried: string[] = [];
  const result: DeliveryResult = { sent: 0, failed: 0, held: 0 };
  try {
    while (tried.length < limit) {
      const outcome = await db().$transaction(
        async (tx) => {
          const notTried = tried.length ? Prisma.sql`AND "id" NOT IN (${Prisma.join(tried)})` : Prisma.empty;
          const rows = await tx.$queryRaw<Claimed[]>`
          SELECT "id", "toEmail", "subject", "text", "locale" FROM "OutboxMessage"
          WHERE ("status" = 'PENDING' OR ("status" = 'FAILED' AND "attempts" < ${MAX_ATTEMPTS})) ${notTried}
          ORDER BY "createdAt", "id"
          LIMIT 1
          FOR UPDATE SKIP LOCKED`;
          const m = rows[0];
          if (!m) return null;
          tried.push(m.id);
          try {
            await sendMail(transport, { id: m.id, to: m.toEmail, subject: m.subject, text: m.text, locale: m.locale });
          } catch (error) {
            const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
            await tx.outboxMessage.update({ where: { id: m.id }, data: { status: 'FAILED', attempts: { increment: 1 }, lastError } });
            return 'failed' as const;
          }
          await tx.outboxMessage.update({ where: { id: m.id }, data: { status: 'SENT', sentAt: new Date(), attempts: { increment: 1 }, lastError: null } });
          return 'sent' as const;
        },
        { maxWait: 10_000, timeout: 180_000 },
      );
      if (outcome === null) break;
      result[outcome] += 1;
    }
  } finally {
    transport.close();
  }
  return result;
}

const globalForMail = globalThis as unknown as { memorandsMailRun?: { running: Promise<void> | null; again: boolean } };

/**
 * Runs deliverPending in the background. One run at a time per process: a
 * call during a run asks for one more pass after it (so nothing enqueued
 * meanwhile waits for the next change). Errors are logged, never thrown.
 * Returns the run's promise (for tests and scripts).
 */
export function startDelivery(smtpUrl: string): Promise<void> {
  const state = (globalForMail.memorandsMailRun ??= { running: null, again: false });
  if (state.running) {
    state.again = true;
    return state.running;
  }
  state.running = (async () => {
    try {
      do {
        state.again = false;
        await deliverPending({ smtpUrl });
      } while (state.again);
    } catch (error) {
      console.error('[mail] delivery run failed:', error);
    } finally {
      state.running = null;
    }
  })();
  return state.running;
}

import 'server-only';
import { db } from '@/lib/db/client';
import { requirePermission, type Actor } from '@/lib/authz';

export const OUTBOX_PAGE_SIZE = 25;

/** One page of the outbox, newest first (admins); `page` is 1-based and clamped to the pages there are. */
export async function listOutbox({ actor, page = 1 }: { actor: Actor | null; page?: number }) {
  requirePermission(actor, 'outbox.view');
  const total = await db().outboxMessage.count();
  const pages = Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE));
  const current = Math.min(Math.max(1, Number.isFinite(page) ? Math.trunc(page) : 1), pages);
  const items = await db().outboxMessage.findMany({
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip: (current - 1) * OUTBOX_PAGE_SIZE,
    take: OUTBOX_PAGE_SIZE,
    select: {
      id: true,
      kind: true,
      locale: true,
      toEmail: true,
      subject: true,
      text: true,
      status: true,
      attempts: true,
      lastError: true,
      createdAt: true,
      sentAt: true,
    },
  });
  return { items, total, page: current, pages, pageSize: OUTBOX_PAGE_SIZE };
}

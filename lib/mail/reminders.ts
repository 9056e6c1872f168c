import 'server-only';
import { mutate } from '@/lib/mutations';
import { dueWithin, overdueOf, reportDeadlines, type ReportDeadline } from '@/lib/progress/deadlines';
import { enqueueMail, secretariesOf, type MailKind, type Recipient } from './outbox';
import { now as clockNow } from '@/lib/clock';
import { sendRenewalInvitations } from '@/lib/terms/open';

/** "Due soon" means due within this many days (the due day itself is day 0). */
export const REMINDER_DAYS = 14;

export type ReminderCounts = { due: number; overdue: number; skippedAsDuplicate: number; renewalInvitations: number };

/** One reminder per period, municipality and secretary, ever: the key makes a second run a no-op. */
export const reminderKey = (kind: 'report.due' | 'report.overdue', d: { periodId: string; municipality: { id: string } }, userId: string) =>
  `${kind}:${d.periodId}:${d.municipality.id}:${userId}`;

/**
 * Enqueues report reminders to the active secretaries of every municipality
 * that owes a report (lib/progress/deadlines: the one definition of "due"
 * and "overdue"): 'report.due' when it is due within 14 days, 'report.overdue'
 * once the due date has passed; and the one-time renewal invitations of the
 * current council term (lib/terms/open). Idempotent (dedupe keys); one transaction,
 * with an audit event of the run. Delivery is separate (deliverPending).
 */
export async function runReminders({ now = clockNow() }: { now?: Date } = {}): Promise<ReminderCounts> {
  const deadlines = await reportDeadlines({ now });
  const owed: readonly (readonly [kind: 'report.due' | 'report.overdue', deadline: ReportDeadline])[] = [
    ...dueWithin(deadlines, REMINDER_DAYS).map((d) => ['report.due', d] as const),
    ...overdueOf(deadlines).map((d) => ['report.overdue', d] as const),
  ];
  return mutate({ actor: null, permission: 'system', maxWait: 10_000, timeout: 120_000 }, async ({ tx, audit, mail }) => {
    const counts: ReminderCounts = { due: 0, overdue: 0, skippedAsDuplicate: 0, renewalInvitations: await mail((tx) => sendRenewalInvitations(tx, { now })) };
    const secretaries = new Map<string, Recipient[]>();
    for (const [kind, d] of owed) {
      let recipients = secretaries.get(d.municipality.id);
      if (!recipients) secretaries.set(d.municipality.id, (recipients = await secretariesOf(tx, d.municipality.id)));
      for (const to of recipients) {
        const inserted = await mail((tx) =>
          enqueueMail(tx, {
            kind: kind satisfies MailKind,
            to,
            municipalityId: d.municipality.id,
            dedupeKey: reminderKey(kind, d, to.userId!),
            vars: {
              municipality: d.municipality.nameLv,
              path: `/secretary/${d.municipality.slug}/reports/${d.termSlug}/${d.year}`, // the report's own address (ADR 0215)
              year: String(d.year),
              dueOn: d.dueOn.toISOString().slice(0, 10),
            },
          }),
        );
        if (!inserted) counts.skippedAsDuplicate += 1;
        else if (kind === 'report.due') counts.due += 1;
        else counts.overdue += 1;
      }
    }
    await audit({ action: 'mail.reminders', subjectType: 'OutboxMessage', after: { ...counts } });
    return counts;
  });
}

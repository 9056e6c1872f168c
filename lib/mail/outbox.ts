import 'server-only';
import type { Tx } from '@/lib/db/client';
import { MUNICIPAL_ROLE } from '@/lib/authz';
import { env } from '@/lib/env';
import { renderMail } from './templates';
import { startDelivery } from './deliver';

/**
 * The one way the portal sends e-mail: enqueueMail writes the message to the
 * outbox table inside the caller's transaction (so a rolled-back change sends
 * nothing); kickDelivery() after commit delivers through SMTP when configured.
 *
 * CONTRACT (other modules code against this; the mail helper implements it):
 * vars per kind — every kind takes `municipality` (Latvian name) and `path`
 * (a portal path without the locale, e.g. '/secretary/liepaja'; the template
 * makes it absolute with PUBLIC_BASE_URL and the recipient's locale):
 *  - invitation:           + expiresAt (ISO instant)
 *  - accession.submitted:  + term (e.g. '2025–2029')
 *  - accession.returned:   + term, reason
 *  - accession.verified:   + term
 *  - report.due:           + year, dueOn (YYYY-MM-DD)
 *  - report.overdue:       + year, dueOn (YYYY-MM-DD)
 *  - term.renewal:         + term, previousTerm
 *  - password.reset:       + expiresAt (municipality '')
 *  - staff.submission:     + what, event (to staff: a new submission or a resubmission)
 *  - staff.digest:         + count, list (to staff: the day's submissions, one per line; municipality '')
 */
export const MAIL_KINDS = [
  'invitation',
  'accession.submitted',
  'accession.returned',
  'accession.verified',
  'report.due',
  'report.overdue',
  'term.renewal',
  'password.reset',
  'password.changed',
  'report.submitted',
  'report.returned',
  'report.accepted',
  'staff.submission',
  'staff.digest',
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];
export type MailVars = Record<string, string>;
export type Recipient = { email: string; userId?: string | null; locale: string };

export type EnqueueInput = { kind: MailKind; to: Recipient; vars: MailVars; municipalityId?: string | null; dedupeKey?: string };

/** Writes one message (rendered in the recipient's language) to the outbox; false when dedupeKey was already used. */
export async function enqueueMail(tx: Tx, input: EnqueueInput): Promise<boolean> {
  const mail = renderMail(input.kind, input.to.locale, input.vars);
  // INSERT … ON CONFLICT DO NOTHING: a used dedupeKey skips the row without
  // aborting the caller's transaction (and waits for a concurrent insert of
  // the same key to commit or roll back first).
  const { count } = await tx.outboxMessage.createMany({
    data: [
      {
        kind: input.kind,
        locale: mail.locale,
        toEmail: input.to.email,
        toUserId: input.to.userId ?? null,
        municipalityId: input.municipalityId ?? null,
        subject: mail.subject,
        text: mail.text,
        dedupeKey: input.dedupeKey ?? null,
      },
    ],
    skipDuplicates: true,
  });
  return count === 1;
}

/** The active secretaries of a municipality, as recipients. */
export async function secretariesOf(tx: Tx, municipalityId: string): Promise<Recipient[]> {
  return (await secretariesByMunicipality(tx, [municipalityId])).get(municipalityId) ?? [];
}

/** The active secretaries of several municipalities in one query, by municipality id. */
export async function secretariesByMunicipality(tx: Tx, municipalityIds: readonly string[]): Promise<Map<string, Recipient[]>> {
  const users = await tx.user.findMany({
    where: { municipalityId: { in: [...municipalityIds] }, role: MUNICIPAL_ROLE, isActive: true },
    select: { id: true, email: true, locale: true, municipalityId: true },
    orderBy: { createdAt: 'asc' },
  });
  const out = new Map<string, Recipient[]>();
  for (const u of users) {
    const list = out.get(u.municipalityId!) ?? [];
    list.push({ email: u.email, userId: u.id, locale: u.locale });
    out.set(u.municipalityId!, list);
  }
  return out;
}

/** Starts delivering pending messages in the background (after the enqueuing transaction committed); a no-op without SMTP. */
export function kickDelivery(): void {
  if (env.SMTP_URL) void startDelivery(env.SMTP_URL);
}

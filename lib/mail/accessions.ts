import 'server-only';
import type { Tx } from '@/lib/db/client';
import { enqueueMail, secretariesOf, type MailKind } from './outbox';
import { termLabel } from '@/lib/municipalities/queries';
import { notifyStaffOfSubmission } from './staff';

const KIND_OF_EVENT: Partial<Record<string, MailKind>> = {
  SUBMITTED: 'accession.submitted',
  RETURNED: 'accession.returned',
  VERIFIED: 'accession.verified',
};

/**
 * Tells the municipality's active secretaries, each in their language, that
 * their accession was submitted, returned (with the reason) or verified.
 * Runs inside the transition's transaction; other events send nothing.
 * Returns how many messages were enqueued.
 */
export async function enqueueAccessionMail(tx: Tx, change: { accessionId: string; event: string; reason?: string | null }): Promise<number> {
  const kind = KIND_OF_EVENT[change.event];
  if (!kind) return 0;
  const a = await tx.accession.findUniqueOrThrow({
    where: { id: change.accessionId },
    select: { municipalityId: true, municipality: { select: { slug: true, nameLv: true } }, term: { select: { startYear: true, endYear: true } } },
  });
  const vars: Record<string, string> = {
    municipality: a.municipality.nameLv,
    term: termLabel(a.term),
    // Verified: the public page that now shows it; otherwise the secretary's page.
    path: kind === 'accession.verified' ? `/municipalities/${a.municipality.slug}` : `/secretary/${a.municipality.slug}`,
  };
  if (kind === 'accession.returned') vars.reason = change.reason ?? '';
  const recipients = await secretariesOf(tx, a.municipalityId);
  for (const to of recipients) await enqueueMail(tx, { kind, to, vars, municipalityId: a.municipalityId });
  if (kind === 'accession.submitted') {
    // Staff hear of it too (issue 13): a resubmission is one after a return.
    const returned = await tx.accessionEvent.count({ where: { accessionId: change.accessionId, type: 'RETURNED' } });
    await notifyStaffOfSubmission(tx, {
      municipalityId: a.municipalityId,
      municipality: a.municipality.nameLv,
      path: `/staff/accessions/${change.accessionId}`,
      submission: { kind: 'accession', term: vars.term! },
      resubmission: returned > 0,
    });
  }
  return recipients.length;
}

import 'server-only';
import type { Tx } from '@/lib/db/client';
import type { ReportTransition } from '@/lib/authz/workflow';
import { termLabel } from '@/lib/municipalities/queries';
import { enqueueMail, secretariesOf, type MailKind } from './outbox';

const KIND_OF_TRANSITION: Partial<Record<ReportTransition, MailKind>> = {
  submit: 'report.submitted',
  return: 'report.returned',
  accept: 'report.accepted',
};

/**
 * Tells the municipality's active secretaries, each in their language, that their progress report was received,
 * returned (with the associations' comment) or accepted, as the accession flow does (./accessions). Runs inside the
 * transition's transaction. Links go to the secretary's page (it lists every report by period) or, once accepted, to
 * the public page that now shows it. Returns how many messages were enqueued.
 */
export async function enqueueReportMail(tx: Tx, change: { reportId: string; transition: ReportTransition; comment?: string | null }): Promise<number> {
  const kind = KIND_OF_TRANSITION[change.transition];
  if (!kind) return 0;
  const r = await tx.progressReport.findUniqueOrThrow({
    where: { id: change.reportId },
    select: {
      municipalityId: true,
      municipality: { select: { slug: true, nameLv: true } },
      period: { select: { year: true, term: { select: { startYear: true, endYear: true } } } },
    },
  });
  const vars: Record<string, string> = {
    municipality: r.municipality.nameLv,
    year: String(r.period.year),
    term: termLabel(r.period.term),
    path: kind === 'report.accepted' ? `/municipalities/${r.municipality.slug}` : `/secretary/${r.municipality.slug}`,
  };
  if (kind === 'report.returned') vars.reason = change.comment ?? '';
  const recipients = await secretariesOf(tx, r.municipalityId);
  for (const to of recipients) await enqueueMail(tx, { kind, to, vars, municipalityId: r.municipalityId });
  return recipients.length;
}

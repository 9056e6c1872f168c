import type { Tx } from '@/lib/db/client';
import type { Actor } from '@/lib/authz';
import type { Prisma } from '@/lib/generated/prisma/client';

/**
 * Every audit action the portal records, declared once: writeAudit takes
 * only these, so a new mutation names its event here (and the audit log's
 * filter lists it as soon as one is recorded).
 */
export const AUDIT_ACTIONS = [
  'accession.record',
  'accession.submitted',
  'accession.returned',
  'accession.verified',
  'accession.withdrawn',
  'document.upload',
  'document.remove',
  'document.trust-recheck',
  'progress.open',
  'progress.save',
  'progress.submit',
  'progress.return',
  'progress.accept',
  'progress.evidence.remove',
  'reporting.period',
  'reporting.norm',
  'term.open',
  'trust.list-update',
  'officialData.population',
  'officialData.atvk',
  'invitation.create',
  'invitation.resend',
  'invitation.revoke',
  'invitation.accept',
  'user.bootstrap',
  'user.deactivate',
  'user.reactivate',
  'user.move',
  'user.submission-mail',
  'auth.sign-in',
  'auth.sign-in-failed',
  'auth.sign-out',
  'auth.password-reset',
  'auth.password-reset-requested',
  'mail.reminders',
  'mail.staff-digest',
  'demo.seed',
  'demo.remove',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditInput = {
  actor: Actor | null;
  action: AuditAction;
  subjectType: string;
  subjectId?: string | null;
  municipalityId?: string | null;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
};

/** Writes one audit event inside the caller's transaction, so it commits with the change it records. */
export async function writeAudit(tx: Tx, input: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: input.actor?.id ?? null,
      actorRole: input.actor?.role ?? null,
      action: input.action,
      subjectType: input.subjectType,
      subjectId: input.subjectId ?? null,
      municipalityId: input.municipalityId ?? null,
      before: input.before ?? undefined,
      after: input.after ?? undefined,
    },
  });
}

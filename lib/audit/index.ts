import type { Tx } from '@/lib/db/client';
import type { Actor } from '@/lib/authz';
import type { Prisma } from '@/lib/generated/prisma/client';

export type AuditInput = {
  actor: Actor | null;
  action: string;
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

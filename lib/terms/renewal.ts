import 'server-only';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { requirePermission, type Actor } from '@/lib/authz';
import { ACCESSION_WORKFLOW } from '@/lib/authz/workflow';
import { termLabel, type TermDto } from '@/lib/municipalities/queries';

export type RenewalState = {
  /** The municipality exists in the term (a merged unit does not). */
  inTerm: boolean;
  successor: { slug: string; nameLv: string } | null;
  validTo: Date | null;
  /** Label of the previous term (by the calendar) when the municipality joined then (VERIFIED) — it should renew. */
  joinedPreviously: string | null;
};

/** Where a municipality stands for `term`: does it exist then, and did it join in the term before it (by the calendar). For its secretary or staff. */
export async function renewalState({
  actor,
  municipalityId,
  term,
}: {
  actor: Actor | null;
  municipalityId: string;
  term: Pick<TermDto, 'id' | 'startsOn' | 'endsOn'>;
}): Promise<RenewalState> {
  requirePermission(actor, 'secretary.view', { municipalityId });
  const [m, previous] = await Promise.all([
    db().municipality.findUniqueOrThrow({
      where: { id: municipalityId },
      select: { validFrom: true, validTo: true, successor: { select: { slug: true, nameLv: true } } },
    }),
    db().councilTerm.findFirst({
      where: { startsOn: { lt: term.startsOn } },
      orderBy: { startsOn: 'desc' },
      select: { id: true, startYear: true, endYear: true },
    }),
  ]);
  const joined = previous
    ? await db().accession.findFirst({
        where: { municipalityId, termId: previous.id, status: { in: [...ACCESSION_WORKFLOW.sets.member] } },
        select: { id: true },
      })
    : null;
  return {
    inTerm: isInTerm(m, term),
    successor: m.successor,
    validTo: m.validTo,
    joinedPreviously: previous && joined ? termLabel(previous) : null,
  };
}

/** The same test as termMunicipalityWhere, for one municipality already loaded. */
export function isInTerm(m: { validFrom: Date; validTo: Date | null }, term: { startsOn: Date; endsOn: Date }): boolean {
  return m.validFrom <= term.endsOn && (!m.validTo || m.validTo >= term.startsOn);
}

/** Refuses recording for a municipality that does not exist in the term (e.g. merged before it began). */
export async function assertInTerm(municipalityId: string, term: { startsOn: Date; endsOn: Date }): Promise<void> {
  const m = await db().municipality.findUniqueOrThrow({ where: { id: municipalityId }, select: { validFrom: true, validTo: true } });
  if (!isInTerm(m, term)) throw new AppError('CONFLICT', 'terms.notInTermShort');
}

import type { Translate } from '@/lib/i18n';
import type { findSecretaryAccession } from '@/lib/accessions/queries';
import type { renewalState } from '@/lib/terms/renewal';

type Accession = NonNullable<Awaited<ReturnType<typeof findSecretaryAccession>>['accession']>;

/** What the secretary must know before acting: out of term, a renewal, the return reason, or why the decision is locked. */
export function AccessionNotices({
  accession,
  renewal,
  isDraftable,
  municipalityName,
  termLabel,
  t,
}: {
  accession: Accession | null;
  renewal: Awaited<ReturnType<typeof renewalState>> | null;
  isDraftable: boolean;
  municipalityName: string;
  termLabel: string;
  t: Translate;
}) {
  return (
    <>
      {renewal && !renewal.inTerm ? (
        <p className="rounded border border-wait bg-wait-bg p-3" data-testid="not-in-term">
          {t('terms.notInTerm', { successor: renewal.successor?.nameLv ?? t('common.unknown') })}
        </p>
      ) : null}
      {renewal?.inTerm && renewal.joinedPreviously && isDraftable ? (
        <p className="rounded border border-prev bg-prev-bg p-3" data-testid="renewal-banner">
          {t('terms.renewBanner', { name: municipalityName, previous: renewal.joinedPreviously, term: termLabel })}
        </p>
      ) : null}
      {accession?.status === 'RETURNED' && accession.returnReason ? (
        <p role="alert" className="rounded border border-bad bg-bad-bg p-3 text-bad" data-testid="return-reason">
          {t('accession.returnedBecause', { reason: accession.returnReason })}
        </p>
      ) : null}
      {accession?.status === 'SUBMITTED' ? <p className="rounded border border-wait bg-wait-bg p-3">{t('accession.lockedSubmitted')}</p> : null}
      {accession?.status === 'VERIFIED' ? <p className="rounded border border-ok bg-ok-bg p-3">{t('accession.lockedVerified')}</p> : null}
      {accession?.status === 'WITHDRAWN' ? <p className="rounded border border-bad bg-bad-bg p-3">{t('accession.lockedWithdrawn')}</p> : null}
    </>
  );
}

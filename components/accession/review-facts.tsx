import { formatDate, type Locale, type Translate } from '@/lib/i18n';
import { termLabel } from '@/lib/municipalities/queries';
import { checkDecisionDate } from '@/lib/terms/calendar';
import type { findAccessionForReview } from '@/lib/accessions/queries';

type Accession = Awaited<ReturnType<typeof findAccessionForReview>>;

/** The recorded decision as staff review it; a session date near the term's edges or outside it is flagged. */
export function ReviewFacts({ a, locale, t }: { a: Accession; locale: Locale; t: Translate }) {
  const dateCheck = a.sessionDate ? checkDecisionDate(a.sessionDate.toISOString().slice(0, 10), a.term) : null;
  const unknown = t('common.unknown');
  return (
    <section aria-labelledby="facts">
      <h2 id="facts" className="mb-2 text-2xl font-semibold">
        {t('accession.decisionHeading')}
      </h2>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
        <dt>{t('accession.councilBody')}</dt>
        <dd>{a.councilBody ?? unknown}</dd>
        <dt>{t('accession.sessionDate')}</dt>
        <dd>
          {formatDate(locale, a.sessionDate)}, {t(`sessionType.${a.sessionType}`)}
          {/* Staff review: a date within 30 days of the term's election day or end is flagged (lib/terms/calendar). */}
          {dateCheck?.ok && dateCheck.nearEdge ? (
            <span className="block font-medium text-bad" role="note" data-testid="date-near-edge">
              {t('terms.nearEdge')}
            </span>
          ) : null}
          {dateCheck && !dateCheck.ok ? (
            <span className="block font-medium text-bad" role="note" data-testid="date-outside">
              {t('terms.decisionDateOutside', {
                term: termLabel(a.term),
                fromDate: formatDate(locale, dateCheck.from),
                toDate: formatDate(locale, dateCheck.to),
              })}
            </span>
          ) : null}
        </dd>
        <dt>{t('accession.decisionNumber')}</dt>
        <dd>{a.decisionNumber ?? unknown}</dd>
        <dt>{t('accession.agendaItem')}</dt>
        <dd>{a.agendaItem ?? '—'}</dd>
        <dt>{t('accession.signatoryName')}</dt>
        <dd>{[a.signatoryName, a.signatoryRole].filter(Boolean).join(', ') || unknown}</dd>
      </dl>
    </section>
  );
}

import { formatDate, type Locale, type Translate } from '@/lib/i18n';
import type { TMunicipalityPage } from '@/lib/municipalities/public-page';
import { StatusBadge } from '@/components/status-badge';
import { DemoLabel } from '@/components/demo-label';
import { PublicDocumentList } from '@/components/accession/document-items';
import { AccessionHistory } from '@/components/accession/history';
import { Citation } from '@/components/terms/citation';

type M = TMunicipalityPage['m'];
type Term = TMunicipalityPage['existedIn'][number];
type Accession = M['accessions'][number];
type Props = { locale: Locale; t: Translate; m: M; term: Term; previous: Term | undefined; verdicts: TMunicipalityPage['verdicts'] };

/** Recorded from a published source and not yet verified by staff against a document (lib/seed: verifiedAt stays null). */
function fromPublishedSource(a: { status: string; verifiedAt: Date | null; citation: unknown }): boolean {
  return a.status === 'VERIFIED' && a.verifiedAt === null && a.citation !== null;
}

/** One term of a municipality's page: its status, and for a decided accession the decision, documents and history. */
export function TermAccession({ locale, t, m, term, previous, verdicts }: Props) {
  const a = m.accessions.find((x) => x.term.slug === term.slug);
  const renewedPending = !a && previous ? m.accessions.some((x) => x.term.slug === previous.slug && x.status === 'VERIFIED') : false;
  return (
    <article className="rounded border border-gray-200 p-4" data-term={term.slug}>
      <h3 className="mb-2 flex flex-wrap items-center gap-3 text-xl font-semibold">
        {t('home.termHeading', { term: term.label })}
        <StatusBadge status={a?.status ?? (renewedPending ? 'PREVIOUS' : 'NONE')} t={t} />
        <DemoLabel isDemo={Boolean(a?.isDemo)} t={t} />
        {a && fromPublishedSource(a) ? (
          <span className="text-sm font-normal" data-testid={`published-source-${term.slug}`}>
            {t('terms.recordedFromSource')}
          </span>
        ) : null}
      </h3>
      {!a ? (
        renewedPending && previous ? (
          <p data-testid="renewal-pending">{t('terms.notRenewed', { previous: previous.label })}</p>
        ) : (
          <p>{t('municipality.notJoined')}</p>
        )
      ) : a.status === 'SUBMITTED' ? null : (
        <>
          <Decision locale={locale} t={t} a={a} termSlug={term.slug} />
          {a.documents.length > 0 ? (
            <div className="mt-4 space-y-2">
              <h4 className="font-semibold">{t('accession.documentsHeading')}</h4>
              <PublicDocumentList documents={a.documents} locale={locale} t={t} verdicts={verdicts} />
            </div>
          ) : null}
          <h4 className="mt-4 font-semibold">{t('accession.history')}</h4>
          {/* Only real events with their real dates: the council session, the source's publication, then the portal's own events. */}
          <ul className="list-inside list-disc text-sm" data-testid={`facts-history-${term.slug}`}>
            {a.sessionDate ? (
              <li>
                {formatDate(locale, a.sessionDate, { yearInferred: a.sessionYearInferred })} — {t('terms.historySession')}
              </li>
            ) : null}
            {a.citation?.publishedOn ? (
              <li>
                {formatDate(locale, a.citation.publishedOn)} — {t('terms.historyPublished', { title: a.citation.title })}
              </li>
            ) : null}
          </ul>
          {a.events.length > 0 ? <AccessionHistory events={a.events} locale={locale} t={t} className="text-sm" testId={`history-${term.slug}`} /> : null}
        </>
      )}
    </article>
  );
}

function Decision({ locale, t, a, termSlug }: { locale: Locale; t: Translate; a: Accession; termSlug: string }) {
  const unknown = t('common.unknown');
  return (
    <>
      <h4 className="mt-3 font-semibold">{t('municipality.decision')}</h4>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1" data-testid={`decision-${termSlug}`}>
        <dt>{t('municipality.councilBody')}</dt>
        <dd>{a.councilBody ?? unknown}</dd>
        <dt>{t('municipality.sessionDate')}</dt>
        <dd>
          {formatDate(locale, a.sessionDate)}
          {a.sessionDate ? `, ${t(`sessionType.${a.sessionType}`)}` : null}
          {a.sessionYearInferred ? <span className="block text-sm text-muted">{t('municipality.yearInferred')}</span> : null}
          {a.sessionDate && a.sessionDate.toISOString().slice(0, 10) < a.term.startsOn.slice(0, 10) ? (
            <span className="block text-sm" data-testid={`before-term-start-${termSlug}`}>
              {t('terms.beforeTermStart', { date: formatDate(locale, a.sessionDate), start: formatDate(locale, a.term.startsOn) })}
            </span>
          ) : null}
        </dd>
        <dt>{t('municipality.decisionNumber')}</dt>
        <dd>{a.decisionNumber ?? unknown}</dd>
        <dt>{t('municipality.signatory')}</dt>
        <dd>{a.signatoryName ? [a.signatoryName, a.signatoryRole].filter(Boolean).join(', ') : unknown}</dd>
        <dt>{t('common.source')}</dt>
        <dd>
          {a.citation ? (
            <Citation citation={a.citation} locale={locale} t={t} testId={`citation-${termSlug}`} />
          ) : a.source ? (
            t('terms.recordedInPortal')
          ) : (
            unknown
          )}
          {fromPublishedSource(a) ? <span className="block text-sm text-muted">{t('terms.recordedFromSourceNote')}</span> : null}
        </dd>
      </dl>
    </>
  );
}

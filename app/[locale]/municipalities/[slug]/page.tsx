import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { pageLocale } from '@/lib/i18n/page';
import { pageAlternates } from '@/lib/site/alternates';
import { formatDate, formatNumber } from '@/lib/i18n';
import { findMunicipalityPublic, listBrowsableTerms } from '@/lib/municipalities/queries';
import { StatusBadge } from '@/components/status-badge';
import { DocumentList } from '@/components/accession/document-list';
import { AccessionHistory } from '@/components/accession/history';
import { LocatorMap } from '@/components/map/locator-map';
import { ProgressSection } from '@/components/progress/progress-section';
import { isInTerm } from '@/lib/terms/renewal';
import { Citation } from '@/components/terms/citation';
import { formatDateIn } from '@/lib/i18n/latvian';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ locale: string; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const { locale, t } = await pageLocale(params);
  const m = await findMunicipalityPublic(slug);
  return m
    ? { title: m.nameLv, description: t('municipality.metaDescription', { name: m.nameLv }), alternates: pageAlternates(locale, `/municipalities/${m.slug}`) }
    : { title: '404' };
}

export default async function MunicipalityPage({ params }: Props) {
  const { locale, t } = await pageLocale(params);
  const { slug } = await params;
  const m = await findMunicipalityPublic(slug);
  if (!m) notFound();
  // Terms by the calendar (the current one and earlier ones) in which the unit existed.
  const existedIn = (await listBrowsableTerms()).filter((term) => isInTerm(m, term));
  const unknown = t('common.unknown');
  return (
    <div className="space-y-10">
      <header className="space-y-1">
        <p>
          <Link href={`/${locale}`}>← {t('nav.home')}</Link>
        </p>
        <h1 className="text-3xl font-bold">{m.nameLv}</h1>
        <p className="text-muted">{m.officialNameLv}</p>
      </header>

      <section aria-labelledby="facts" className="flex flex-wrap items-start justify-between gap-6">
        <div>
          <h2 id="facts" className="mb-3 text-2xl font-semibold">
            {t('municipality.facts')}
          </h2>
          <dl className="grid max-w-2xl grid-cols-[max-content_1fr] gap-x-6 gap-y-2">
            <dt className="font-medium">{t('municipality.type')}</dt>
            <dd>{t(`municipalityType.${m.type}`)}</dd>
            <dt className="font-medium">{t('municipality.population')}</dt>
            <dd data-testid="population">
              {m.population !== null
                ? t('municipality.populationYear', { value: formatNumber(locale, m.population), year: m.populationYear ?? unknown })
                : unknown}
              {/* Imported from the CSB's table with its citation (lib/official-data); unknown until then. */}
              {m.populationCitation ? (
                <span className="block text-sm">
                  {t('common.source')}: <Citation citation={m.populationCitation} locale={locale} t={t} testId="population-citation" />
                </span>
              ) : null}
            </dd>
            <dt className="font-medium">{t('officialData.atvkCode')}</dt>
            <dd data-testid="atvk-code">
              {m.atvkCode ?? unknown}
              {m.atvkCode && m.atvkCitation ? (
                <span className="block text-sm">
                  {t('common.source')}: <Citation citation={m.atvkCitation} locale={locale} t={t} testId="atvk-citation" />
                </span>
              ) : null}
            </dd>
            <dt className="font-medium">{t('municipality.area')}</dt>
            <dd>
              {m.areaKm2 !== null
                ? `${formatNumber(locale, m.areaKm2, 1)} km²`
                : m.areaKm2Geometry !== null
                  ? t('municipality.areaApprox', { value: formatNumber(locale, m.areaKm2Geometry) })
                  : unknown}
            </dd>
            <dt className="font-medium">{t('municipality.validity')}</dt>
            <dd>
              {/* "kopš 2021. gada 1. jūlija", "no … 1. jūlija līdz … 30. jūnijam" (lib/i18n/latvian) */}
              {m.validTo
                ? t('municipality.validFromTo', {
                    from: formatDateIn(locale, m.validFrom, 'genitive', (v) => formatDate(locale, v)),
                    to: formatDateIn(locale, m.validTo, 'dative', (v) => formatDate(locale, v)),
                  })
                : t('municipality.validFrom', { from: formatDateIn(locale, m.validFrom, 'genitive', (v) => formatDate(locale, v)) })}
              {m.successor ? (
                <span className="block">
                  <Link href={`/${locale}/municipalities/${m.successor.slug}`}>{t('municipality.successor', { name: m.successor.nameLv })}</Link>
                </span>
              ) : null}
              {m.changeCitation ? (
                <span className="block text-sm">
                  {t('common.source')}: <Citation citation={m.changeCitation} locale={locale} t={t} testId="change-citation" />
                </span>
              ) : null}
            </dd>
          </dl>
        </div>
        {/* The boundaries of the latest term in which the unit existed (the current one, or its last). */}
        <LocatorMap slug={m.slug} label={t('municipality.locator', { name: m.nameLv })} asOf={existedIn.at(-1)?.startsOn.toISOString().slice(0, 10)} />
      </section>

      <section aria-labelledby="terms" className="space-y-6">
        <h2 id="terms" className="text-2xl font-semibold">
          {t('municipality.termStatus')}
        </h2>
        {existedIn.map((term) => {
          const a = m.accessions.find((x) => x.term.slug === term.slug);
          const previous = existedIn[existedIn.indexOf(term) - 1];
          const renewedPending = !a && previous ? m.accessions.some((x) => x.term.slug === previous.slug && x.status === 'VERIFIED') : false;
          return (
            <article key={term.slug} className="rounded border border-gray-200 p-4" data-term={term.slug}>
              <h3 className="mb-2 flex flex-wrap items-center gap-3 text-xl font-semibold">
                {t('home.termHeading', { term: term.label })}
                <StatusBadge status={a?.status ?? (renewedPending ? 'PREVIOUS' : 'NONE')} t={t} />
                {a?.isDemo ? <span className="text-xs font-bold">{t('common.demo')}</span> : null}
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
                  <h4 className="mt-3 font-semibold">{t('municipality.decision')}</h4>
                  <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1" data-testid={`decision-${term.slug}`}>
                    <dt>{t('municipality.councilBody')}</dt>
                    <dd>{a.councilBody ?? unknown}</dd>
                    <dt>{t('municipality.sessionDate')}</dt>
                    <dd>
                      {formatDate(locale, a.sessionDate)}
                      {a.sessionDate ? `, ${t(`sessionType.${a.sessionType}`)}` : null}
                      {a.sessionYearInferred ? <span className="block text-sm text-muted">{t('municipality.yearInferred')}</span> : null}
                      {a.sessionDate && a.sessionDate.toISOString().slice(0, 10) < a.term.startsOn.slice(0, 10) ? (
                        <span className="block text-sm" data-testid={`before-term-start-${term.slug}`}>
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
                        <Citation citation={a.citation} locale={locale} t={t} testId={`citation-${term.slug}`} />
                      ) : a.source ? (
                        t('terms.recordedInPortal')
                      ) : (
                        unknown
                      )}
                      {fromPublishedSource(a) ? <span className="block text-sm text-muted">{t('terms.recordedFromSourceNote')}</span> : null}
                    </dd>
                  </dl>
                  {a.documents.length > 0 ? (
                    <div className="mt-4 space-y-2">
                      <h4 className="font-semibold">{t('accession.documentsHeading')}</h4>
                      <DocumentList documents={a.documents} locale={locale} t={t} />
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
                  {a.events.length > 0 ? (
                    <AccessionHistory events={a.events} locale={locale} t={t} className="text-sm" testId={`history-${term.slug}`} />
                  ) : null}
                </>
              )}
            </article>
          );
        })}
      </section>
      <ProgressSection municipalityId={m.id} slug={m.slug} locale={locale} t={t} />
    </div>
  );
}

/** Recorded from a published source and not yet verified by staff against a document (lib/seed: verifiedAt stays null). */
function fromPublishedSource(a: { status: string; verifiedAt: Date | null; citation: unknown }): boolean {
  return a.status === 'VERIFIED' && a.verifiedAt === null && a.citation !== null;
}

import { formatDate, formatNumber, type Locale, type Translate } from '@/lib/i18n';
import type { TMunicipalityPage } from '@/lib/municipalities/public-page';
import { formatDateIn } from '@/lib/i18n/latvian';
import type { LocatorGeometry } from '@/lib/map/geometry';
import { LocatorMap } from '@/components/map/locator-map';
import { ProgressSection } from '@/components/progress/progress-section';
import { Citation } from '@/components/terms/citation';
import { TermAccession } from './term-accession';

type Props = { locale: Locale; t: Translate; page: TMunicipalityPage; locator: { geometry: LocatorGeometry | null; asOf?: string } };

/** A municipality's public page: its facts, its status and decision in each term it existed in, its progress. */
export function MunicipalityPage({ locale, t, page, locator }: Props) {
  const { m, existedIn, progress, verdicts } = page;
  return (
    <div className="space-y-10">
      <header className="space-y-1">
        <p>
          <a href={`/${locale}`}>← {t('nav.home')}</a>
        </p>
        <h1 className="text-3xl font-bold">{m.nameLv}</h1>
        {/* The official name only when it says more than the heading ("Jēkabpils novads" twice, QA s13). */}
        {m.officialNameLv.trim() !== m.nameLv.trim() ? (
          <p className="text-muted" data-testid="official-name">
            {m.officialNameLv}
          </p>
        ) : null}
      </header>
      <section aria-labelledby="facts" className="flex flex-wrap items-start justify-between gap-6">
        <MunicipalityFacts locale={locale} t={t} page={page} />
        {/* The boundaries of the latest term in which the unit existed (the current one, or its last). */}
        <LocatorMap geometry={locator.geometry} label={t('municipality.locator', { name: m.nameLv })} asOf={locator.asOf} />
      </section>
      <section aria-labelledby="terms" className="space-y-6">
        <h2 id="terms" className="text-2xl font-semibold">
          {t('municipality.termStatus')}
        </h2>
        {existedIn.map((term, i) => (
          <TermAccession key={term.slug} locale={locale} t={t} m={m} term={term} previous={existedIn[i - 1]} verdicts={verdicts} />
        ))}
      </section>
      <ProgressSection view={progress} verdicts={verdicts} slug={m.slug} locale={locale} t={t} />
    </div>
  );
}

function MunicipalityFacts({ locale, t, page: { m } }: Omit<Props, 'locator'>) {
  const unknown = t('common.unknown');
  const fromDate = formatDateIn(locale, m.validFrom, 'genitive', (v) => formatDate(locale, v));
  return (
    <div>
      <h2 id="facts" className="mb-3 text-2xl font-semibold">
        {t('municipality.facts')}
      </h2>
      <dl className="grid max-w-2xl grid-cols-[max-content_1fr] gap-x-6 gap-y-2">
        <dt className="font-medium">{t('municipality.type')}</dt>
        <dd>{t(`municipalityType.${m.type}`)}</dd>
        <dt className="font-medium">{t('municipality.population')}</dt>
        <dd data-testid="population">
          {m.population !== null ? t('municipality.populationYear', { value: formatNumber(locale, m.population), year: m.populationYear ?? unknown }) : unknown}
          {/* Imported from the CSB's table with its citation (lib/official-data); unknown until then. */}
          {m.populationCitation ? <Sourced locale={locale} t={t} citation={m.populationCitation} testId="population-citation" /> : null}
        </dd>
        <dt className="font-medium">{t('officialData.atvkCode')}</dt>
        <dd data-testid="atvk-code">
          {m.atvkCode ?? unknown}
          {m.atvkCode && m.atvkCitation ? <Sourced locale={locale} t={t} citation={m.atvkCitation} testId="atvk-citation" /> : null}
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
            ? t('municipality.validFromTo', { from: fromDate, to: formatDateIn(locale, m.validTo, 'dative', (v) => formatDate(locale, v)) })
            : t('municipality.validFrom', { from: fromDate })}
          {m.successor ? (
            <span className="block">
              <a href={`/${locale}/municipalities/${m.successor.slug}`}>{t('municipality.successor', { name: m.successor.nameLv })}</a>
            </span>
          ) : null}
          {m.changeCitation ? <Sourced locale={locale} t={t} citation={m.changeCitation} testId="change-citation" /> : null}
          {m.predecessors.map((p) => (
            <span key={p.slug} className="block" data-testid="predecessor">
              <a href={`/${locale}/municipalities/${p.slug}`}>{p.nameLv}</a>{' '}
              {p.validTo
                ? t('municipality.mergedInUntil', { to: formatDateIn(locale, p.validTo, 'dative', (v) => formatDate(locale, v)) })
                : t('municipality.mergedIn')}
              {p.citation ? <Sourced locale={locale} t={t} citation={p.citation} testId="predecessor-citation" /> : null}
            </span>
          ))}
        </dd>
      </dl>
    </div>
  );
}

function Sourced({ locale, t, citation, testId }: { locale: Locale; t: Translate; citation: Parameters<typeof Citation>[0]['citation']; testId: string }) {
  return (
    <span className="block text-sm">
      {t('common.source')}: <Citation citation={citation} locale={locale} t={t} testId={testId} />
    </span>
  );
}

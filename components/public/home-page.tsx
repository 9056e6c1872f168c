import { formatPercent, type Locale, type Translate } from '@/lib/i18n';
import type { Overview } from '@/lib/municipalities/overview';
import { publicHeadline } from '@/lib/dashboard/metrics';
import type { THomeQuery } from '@/lib/schemas/public';
import type { MapGeometry } from '@/lib/map/geometry';
import { SignatoryMap } from '@/components/map/signatory-map';
import { HomeListSection } from './home-list';

type Props = { locale: Locale; t: Translate; q: THomeQuery; overview: Overview | null; map: MapGeometry | null };

/** The public home: introduction, the term's headline and map, and the searchable, sortable, paged list. */
export function HomePage({ locale, t, q, overview, map }: Props) {
  return (
    <div className="space-y-10">
      <section aria-labelledby="intro" className="space-y-4">
        <h1 id="intro" className="text-3xl font-bold">
          {t('meta.siteTitle')}
        </h1>
        <p className="max-w-3xl text-lg">{t('home.lead')}</p>
        <p>
          <a href={`/${locale}/memorandum`}>{t('home.readMemorandum')}</a>
        </p>
      </section>
      {overview && map ? (
        <>
          <HomeTermSection locale={locale} t={t} overview={overview} map={map} />
          <HomeListSection locale={locale} t={t} q={q} rows={overview.rows} />
        </>
      ) : (
        <p>{t('home.noTerm')}</p>
      )}
    </div>
  );
}

/** The term switch, the headline (the staff dashboard's definition, lib/dashboard/metrics) and the signatory map. */
function HomeTermSection({ locale, t, overview, map }: { locale: Locale; t: Translate; overview: Overview; map: MapGeometry }) {
  const { term, terms, rows } = overview;
  const headline = publicHeadline(rows);
  return (
    <section aria-labelledby="term" className="space-y-4">
      <h2 id="term" className="text-2xl font-semibold">
        {t('home.termHeading', { term: term.label })}
      </h2>
      {terms.length > 1 ? (
        <nav aria-label={t('home.termSwitch')} className="flex flex-wrap items-center gap-3 text-sm">
          <span>{t('home.termSwitch')}:</span>
          {terms.map((x) => (
            <a
              key={x.slug}
              href={`/${locale}?term=${x.slug}`}
              aria-current={x.slug === term.slug ? 'page' : undefined}
              className={x.slug === term.slug ? 'font-bold' : ''}
            >
              {x.label}
            </a>
          ))}
        </nav>
      ) : null}
      <p className="text-xl" data-testid="headline">
        <strong data-testid="joined-count">{headline.joined}</strong> {t('home.headlineOf', { total: headline.total })}
        {headline.populationShare !== null ? `, ${t('home.populationShare', { share: formatPercent(locale, headline.populationShare) })}` : ''}
      </p>
      <p className="text-sm text-muted" data-testid="population-note">
        {headline.populationKnown === 0
          ? t('home.populationUnknownAll')
          : headline.populationUnknown > 0
            ? t('home.populationUnknownSome', { count: headline.populationUnknown })
            : null}
      </p>
      {/* Keyboard users pass the map's one tab stop per municipality (QA s13); a plain anchor, no client code. */}
      <a href="#list" className="sr-only focus:not-sr-only focus:inline-block focus:bg-white focus:px-3 focus:py-1">
        {t('homeList.skipMap')}
      </a>
      <SignatoryMap rows={rows} counts={headline.counts} locale={locale} t={t} title={t('home.mapTitle', { term: term.label })} geometry={map} />
    </section>
  );
}

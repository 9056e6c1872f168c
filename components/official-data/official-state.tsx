import { formatDate, type Locale, type Translate } from '@/lib/i18n';
import type { officialDataState } from '@/lib/official-data/import';

/** How many municipalities have a population and an ATVK code from official tables, and the tables they came from. */
export function OfficialState({ state, locale, t }: { state: Awaited<ReturnType<typeof officialDataState>>; locale: Locale; t: Translate }) {
  return (
    <section aria-labelledby="state" className="space-y-2" data-testid="official-state">
      <h2 id="state" className="text-2xl font-semibold">
        {t('officialData.stateHeading')}
      </h2>
      <p>{t('officialData.statePopulation', { known: String(state.population), total: String(state.total) })}</p>
      <p>{t('officialData.stateAtvk', { known: String(state.atvk), total: String(state.total) })}</p>
      <h3 className="text-xl font-semibold">{t('officialData.sourcesHeading')}</h3>
      {state.sources.length === 0 ? (
        <p>{t('officialData.noSources')}</p>
      ) : (
        <ul className="list-inside list-disc" data-testid="official-sources">
          {state.sources.map((c) => (
            <li key={c.id}>
              {c.url ? (
                <a href={c.url} hrefLang={c.language}>
                  <cite lang={c.language}>{c.title}</cite>
                </a>
              ) : (
                <cite lang={c.language}>{c.title}</cite>
              )}
              {c.retrievedOn ? `, ${t('officialData.retrieved', { date: formatDate(locale, c.retrievedOn) })}` : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import type { Locale, Translate } from '@/lib/i18n';
import type { Dashboard } from '@/lib/dashboard/dashboard';
import { rigaIsoDay } from '@/lib/dates';
import { now as clockNow } from '@/lib/clock';
import { MetricCards } from './metric-cards';
import { JoinsChart } from './joins-chart';

/** The term's headline figures (or why there are none) and the cumulative joins chart. */
export function HeadlineSection({ data: { metrics, joins }, locale, t }: { data: Dashboard; locale: Locale; t: Translate }) {
  return (
    <>
      {metrics ? (
        <section aria-labelledby="metrics" className="space-y-4">
          <h2 id="metrics" className="text-2xl font-semibold">
            {t('dashboard.metricsHeading', { term: metrics.term.label })}
          </h2>
          <MetricCards m={metrics} locale={locale} t={t} />
        </section>
      ) : (
        <p data-testid="no-term">{t('dashboard.noTerm')}</p>
      )}
      {joins ? (
        <section aria-labelledby="joins" className="space-y-4">
          <h2 id="joins" className="text-2xl font-semibold">
            {t('dashboard.joinsHeading')}
          </h2>
          <JoinsChart series={joins} today={rigaIsoDay(clockNow())} locale={locale} t={t} />
        </section>
      ) : null}
    </>
  );
}

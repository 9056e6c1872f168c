import type { Locale, Translate } from '@/lib/i18n';
import { AccessionHistory, type HistoryEvent } from '@/components/accession/history';

/** The accession's history under its own heading (secretary and staff pages). */
export function HistorySection({ events, locale, t }: { events: HistoryEvent[]; locale: Locale; t: Translate }) {
  return (
    <section aria-labelledby="history">
      <h2 id="history" className="text-2xl font-semibold">
        {t('accession.history')}
      </h2>
      <AccessionHistory events={events} locale={locale} t={t} />
    </section>
  );
}

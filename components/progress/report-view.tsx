import { formatDate, formatMoney, formatNumber, type Locale, type Translate } from '@/lib/i18n';
import { formatIndicatorValue, indicatorChange, type ReportViewData } from '@/lib/progress/format';
import { COMMITMENT_KEYS, INDICATORS } from '@/lib/progress/indicators';

/** A report, read-only: each commitment's status, narrative, actions and indicators; blanks show as unknown. */
export function ReportView({
  report,
  titles,
  locale,
  t,
  previous,
}: {
  report: ReportViewData;
  titles: Record<string, string>;
  locale: Locale;
  t: Translate;
  previous?: ReportViewData['indicators'];
}) {
  const value = (key: string) => formatIndicatorValue(locale, key, report.indicators);
  const change = (key: string) => {
    const delta = indicatorChange(key, report.indicators, previous);
    return delta === null ? null : t('progress.change', { value: `${delta > 0 ? '+' : ''}${formatNumber(locale, delta, 2)}` });
  };
  return (
    <div className="space-y-6" data-testid="report-view">
      {COMMITMENT_KEYS.map((key) => {
        const c = report.commitments.find((x) => x.commitmentKey === key);
        const actions = report.actions.filter((a) => a.commitmentKey === key);
        return (
          <section key={key} aria-labelledby={`v-${key}`} className="space-y-2 rounded border border-gray-200 p-4" data-commitment={key}>
            <h3 id={`v-${key}`} className="text-lg font-semibold">
              {titles[key]}: {t(`progress.cs_${c?.status ?? 'NOT_STARTED'}`)}
            </h3>
            {c?.narrative ? <p className="whitespace-pre-line">{c.narrative}</p> : null}
            {actions.length > 0 ? (
              <div className="table-scroll" tabIndex={0} role="region" aria-label={`${titles[key]}: ${t('progress.actions')}`}>
                <table className="data text-sm">
                  <caption className="sr-only">{t('progress.actions')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('progress.actionTitle')}</th>
                      <th scope="col">{t('progress.actionStatus')}</th>
                      <th scope="col">{t('progress.plannedOn')}</th>
                      <th scope="col">{t('progress.doneOn')}</th>
                      <th scope="col">{t('progress.budgetEur')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {actions.map((a, i) => (
                      <tr key={i}>
                        <td>{a.title}</td>
                        <td>{t(`progress.as_${a.status}`)}</td>
                        <td>{a.plannedOn ? formatDate(locale, a.plannedOn) : ''}</td>
                        <td data-field="doneOn">{a.doneOn ? formatDate(locale, a.doneOn) : ''}</td>
                        <td>{a.budgetEur ? formatMoney(locale, Number(a.budgetEur.toString())) : ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
            <dl className="grid grid-cols-[1fr_auto] gap-x-6 gap-y-1 text-sm">
              {INDICATORS.filter((d) => d.commitment === key).map((d) => (
                <div key={d.key} className="contents" data-indicator={d.key}>
                  <dt>{t(`indicator.${d.key}` as 'indicator.service_budget_eur')}</dt>
                  <dd className="text-right">
                    {value(d.key)}
                    {change(d.key) ? <span className="block text-xs text-muted">{change(d.key)}</span> : null}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}
    </div>
  );
}

import { formatDate, formatMoney, type Locale, type Translate } from '@/lib/i18n';
import { formatIndicatorValue } from '@/lib/progress/format';
import { COMMITMENT_KEYS, INDICATORS } from '@/lib/progress/indicators';
import type { ReportViewData } from '@/lib/progress/format';

/** Every field of a report as people read it, keyed by a label: the two sides of a comparison. */
function fieldsOf(report: ReportViewData, titles: Record<string, string>, locale: Locale, t: Translate): Map<string, string> {
  const out = new Map<string, string>();
  for (const key of COMMITMENT_KEYS) {
    const title = titles[key] ?? key;
    const c = report.commitments.find((x) => x.commitmentKey === key);
    out.set(`${title} · ${t('progress.commitmentStatus')}`, t(`progress.cs_${c?.status ?? 'NOT_STARTED'}`));
    out.set(`${title} · ${t('progress.narrative')}`, c?.narrative ?? '');
    report.actions
      .filter((a) => a.commitmentKey === key)
      .forEach((a, i) => {
        const n = `${title} · ${t('secretaryYear.actionN', { n: i + 1 })}`;
        out.set(`${n} · ${t('progress.actionTitle')}`, a.title);
        out.set(`${n} · ${t('progress.actionStatus')}`, t(`progress.as_${a.status}`));
        out.set(`${n} · ${t('progress.plannedOn')}`, a.plannedOn ? formatDate(locale, a.plannedOn) : '');
        out.set(`${n} · ${t('progress.doneOn')}`, a.doneOn ? formatDate(locale, a.doneOn) : '');
        out.set(`${n} · ${t('progress.budgetEur')}`, a.budgetEur ? formatMoney(locale, Number(a.budgetEur.toString())) : '');
      });
    for (const d of INDICATORS.filter((x) => x.commitment === key))
      out.set(t(`indicator.${d.key}` as 'indicator.service_budget_eur'), formatIndicatorValue(locale, d.key, report.indicators));
  }
  return out;
}

/** What changed between two versions of a report (previous submission or revision → this one), field by field. */
export function RevisionChanges({
  before,
  after,
  against,
  titles,
  locale,
  t,
}: {
  before: ReportViewData | null;
  after: ReportViewData;
  against: string;
  titles: Record<string, string>;
  locale: Locale;
  t: Translate;
}) {
  if (!before) return <p data-testid="revision-changes">{t('secretaryYear.firstSubmission')}</p>;
  const a = fieldsOf(before, titles, locale, t);
  const b = fieldsOf(after, titles, locale, t);
  const labels = [...new Set([...b.keys(), ...a.keys()])];
  const changed = labels.filter((l) => (a.get(l) ?? '') !== (b.get(l) ?? ''));
  const show = (v: string | undefined) => (v ? v : t('secretaryYear.empty'));
  return (
    <div className="space-y-2" data-testid="revision-changes">
      <p>{t('secretaryYear.changesSincePrevious', { what: against })}</p>
      {changed.length === 0 ? (
        <p>{t('secretaryYear.noChanges')}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('secretaryYear.changesHeading')}>
          <table className="data text-sm">
            <thead>
              <tr>
                <th scope="col">{t('secretaryYear.colField')}</th>
                <th scope="col">{t('secretaryYear.colBefore')}</th>
                <th scope="col">{t('secretaryYear.colAfter')}</th>
              </tr>
            </thead>
            <tbody>
              {changed.map((l) => (
                <tr key={l}>
                  <th scope="row" className="font-normal">
                    {l}
                  </th>
                  <td className="whitespace-pre-line">
                    <del>{show(a.get(l))}</del>
                  </td>
                  <td className="whitespace-pre-line">
                    <ins>{show(b.get(l))}</ins>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

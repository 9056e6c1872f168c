import Link from 'next/link';
import { formatMoney, formatNumber, type Locale, type Translate } from '@/lib/i18n';
import type { IndicatorComparison, IndicatorRow, NormComparison } from '@/lib/dashboard/indicators';

const CMP: Record<NormComparison, { cls: string; mark: string }> = {
  BELOW: { cls: 'bg-bad-bg text-bad', mark: '▼' },
  AT: { cls: 'bg-ok-bg text-ok', mark: '=' },
  ABOVE: { cls: 'bg-ok-bg text-ok', mark: '▲' },
};

function ratioText(r: IndicatorRow, locale: Locale, t: Translate): string {
  if (r.perThousand !== null) return formatNumber(locale, r.perThousand, 2);
  if (r.ratioUnknown === 'NO_POPULATION') return t('dashboard.whyNO_POPULATION', { year: r.report?.year ?? '' });
  return r.ratioUnknown ? t(`dashboard.why${r.ratioUnknown}`) : t('common.unknown');
}

/** Specialists per 1 000 residents against the legal minimum (with the reason when unknown), and pay. */
export function IndicatorTable({ data, locale, t }: { data: IndicatorComparison; locale: Locale; t: Translate }) {
  if (data.rows.length === 0) return <p>{t('dashboard.indicatorsEmpty')}</p>;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="indicators">
      <table className="data" data-testid="indicator-table">
        <caption className="sr-only">{t('dashboard.indicatorsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.colMunicipality')}</th>
            <th scope="col">{t('dashboard.colYear')}</th>
            <th scope="col">{t('dashboard.colSpecialists')}</th>
            <th scope="col">{t('dashboard.colPopulation')}</th>
            <th scope="col">{t('dashboard.colPerThousand')}</th>
            <th scope="col">{t('dashboard.colNorm')}</th>
            <th scope="col">{t('dashboard.colComparison')}</th>
            {data.hasPayIndicator ? <th scope="col">{t('dashboard.colPay')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((r) => {
            const cmp = r.comparison ? CMP[r.comparison] : null;
            return (
              <tr key={r.slug} data-testid="indicator-row" data-slug={r.slug} data-comparison={r.comparison ?? r.comparisonUnknown ?? ''}>
                <th scope="row" className="font-normal">
                  <Link href={`/${locale}/municipalities/${r.slug}`}>{r.nameLv}</Link>
                </th>
                <td>
                  {r.report
                    ? r.report.revision > 1
                      ? t('dashboard.reportRef', { year: r.report.year, revision: r.report.revision })
                      : r.report.year
                    : t('dashboard.cellNone')}
                </td>
                <td>{formatNumber(locale, r.specialistsFte, 2)}</td>
                <td>{formatNumber(locale, r.population)}</td>
                <td>{ratioText(r, locale, t)}</td>
                <td>
                  {r.norm ? (
                    <>
                      {formatNumber(locale, r.norm.value, 3)}
                      <span className="block text-xs text-muted">{r.norm.citation}</span>
                    </>
                  ) : (
                    t('dashboard.whyNO_NORM')
                  )}
                </td>
                <td className={cmp?.cls}>
                  {cmp ? (
                    <>
                      <span aria-hidden="true">{cmp.mark}</span> {t(`dashboard.cmp${r.comparison!}`)}
                    </>
                  ) : r.comparisonUnknown === 'NO_NORM' ? (
                    t('dashboard.whyNO_NORM')
                  ) : (
                    t('common.unknown')
                  )}
                </td>
                {data.hasPayIndicator ? <td>{formatMoney(locale, r.avgPayEur)}</td> : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

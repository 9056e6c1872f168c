import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
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
    <DataTable
      labelledBy="indicators"
      testId="indicator-table"
      caption={t('dashboard.indicatorsCaption')}
      columns={[
        t('dashboard.colMunicipality'),
        t('dashboard.colYear'),
        t('dashboard.colSpecialists'),
        t('dashboard.colPopulation'),
        t('dashboard.colPerThousand'),
        t('dashboard.colNorm'),
        t('dashboard.colComparison'),
        ...(data.hasPayIndicator ? [t('dashboard.colPay')] : []),
      ]}
    >
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
    </DataTable>
  );
}

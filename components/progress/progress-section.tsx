import { formatNumber, type Locale, type Translate } from '@/lib/i18n';
import { commitmentTitles, findMemorandum } from '@/lib/memorandum/queries';
import { findPublicProgress, indicatorSeries, ratioSeries } from '@/lib/progress/public';
import { findYearMedians, RATIO_KEY, type MedianTable, type YearMedian } from '@/lib/progress/medians';
import { ReportView } from './report-view';
import { IndicatorChart } from './indicator-chart';
import { DocumentList } from '@/components/accession/document-list';

/** The public progress of a signatory: per period, the accepted report or "not submitted"; the latest report, derived ratio, charts and downloads. */
export async function ProgressSection({ municipalityId, slug, locale, t }: { municipalityId: string; slug: string; locale: Locale; t: Translate }) {
  const [{ periods, norm }, memo] = await Promise.all([findPublicProgress(municipalityId), findMemorandum()]);
  const titles = commitmentTitles(memo, locale);
  const withReports = periods.filter((p) => p.report);
  const latest = withReports[withReports.length - 1];
  const previous = withReports[withReports.length - 2];
  const series = indicatorSeries(periods).filter((s) => s.points.some((p) => p.value !== null));
  const ratio = ratioSeries(periods);
  const showRatio = ratio.some((p) => p.value !== null);
  // One query for the medians of every indicator and year shown (only when there are charts to draw).
  const medians: MedianTable =
    series.length > 0 || showRatio ? await findYearMedians([...new Set(periods.map((p) => p.year))]) : new Map<string, Map<number, YearMedian>>();
  const withMedian = <P extends { year: number }>(key: string, points: P[]) => points.map((p) => ({ ...p, median: medians.get(key)?.get(p.year) ?? null }));
  return (
    <section aria-labelledby="progress" className="space-y-6" data-testid="progress-section">
      <h2 id="progress" className="text-2xl font-semibold">
        {t('progress.publicHeading')}
      </h2>
      {periods.length === 0 ? (
        <p>{t('municipality.progressSoon')}</p>
      ) : (
        <>
          <p className="text-sm text-muted" data-testid="owed-rule">
            {t('terms.owedRule')}
          </p>
          <ul className="space-y-1" data-testid="public-periods">
            {periods.map((p) => (
              <li key={p.year} data-year={p.year}>
                <strong>{t('progress.reportFor', { year: p.year })}:</strong>{' '}
                {p.report
                  ? t('progress.status_ACCEPTED')
                  : !p.owed && !p.submitted
                    ? t('terms.noReportDueYet')
                    : p.overdue
                      ? t('progress.publicOverdue')
                      : p.submitted
                        ? t('progress.publicAwaiting')
                        : t('progress.publicNone')}
              </li>
            ))}
          </ul>
        </>
      )}
      {latest?.report ? (
        <div className="space-y-4">
          <h3 className="text-xl font-semibold">{t('progress.latestReport', { year: latest.year })}</h3>
          <p data-testid="specialist-ratio">
            {latest.report.specialistsPerThousand !== null
              ? t('progress.ratio', { value: formatNumber(locale, latest.report.specialistsPerThousand, 2) })
              : t('progress.ratioUnknown', { year: latest.year })}{' '}
            {norm ? t('progress.normInForce', { value: formatNumber(locale, norm.value, 2), citation: norm.citation }) : t('progress.normUnknown')}
            {latest.report.specialistsPerThousand !== null && previous?.report?.specialistsPerThousand != null
              ? ` (${t('progress.change', { value: formatNumber(locale, latest.report.specialistsPerThousand - previous.report.specialistsPerThousand, 2) })})`
              : ''}
          </p>
          <ReportView report={latest.report} titles={titles} locale={locale} t={t} previous={previous?.report?.indicators} />
          {latest.report.documents.length > 0 ? (
            <div className="space-y-2">
              <h4 className="font-semibold">{t('progress.evidence')}</h4>
              <DocumentList documents={latest.report.documents} locale={locale} t={t} />
            </div>
          ) : null}
          <p className="flex flex-wrap gap-4">
            <a href={`/api/municipalities/${slug}/progress.pdf?lang=${locale}`} download data-testid="progress-pdf">
              {t('progress.downloadPdf')}
            </a>
            <a href={`/api/municipalities/${slug}/progress.csv`} download data-testid="progress-csv">
              {t('progress.downloadCsv')}
            </a>
          </p>
          {series.length > 0 || showRatio ? (
            <div className="space-y-3">
              <h3 className="text-xl font-semibold">{t('progress.charts')}</h3>
              <p className="text-sm text-muted">{t('charts.medianNote')}</p>
              <div className="grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
                {showRatio ? (
                  <IndicatorChart id={RATIO_KEY} title={t('charts.ratioTitle')} points={withMedian(RATIO_KEY, ratio)} showNorm locale={locale} t={t} />
                ) : null}
                {series.map((s) => (
                  <IndicatorChart
                    key={s.def.key}
                    id={s.def.key}
                    title={t(`indicator.${s.def.key}` as 'indicator.service_budget_eur')}
                    points={withMedian(s.def.key, s.points)}
                    locale={locale}
                    t={t}
                  />
                ))}
              </div>
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

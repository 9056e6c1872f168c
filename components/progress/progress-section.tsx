import { formatNumber, type Locale, type Translate } from '@/lib/i18n';
import { commitmentTitles } from '@/lib/memorandum/queries';
import { RATIO_KEY } from '@/lib/progress/medians';
import type { TPublicProgressView } from '@/lib/progress/public-view';
import type { TrustVerdict } from '@/lib/trust/types';
import { ReportView } from './report-view';
import { IndicatorChart } from './indicator-chart';
import { PublicDocumentList } from '@/components/accession/document-items';
import { DemoLabel } from '@/components/demo-label';
import { periodQualifier, reportLabel } from '@/lib/progress/period-label';

type Props = { view: TPublicProgressView; verdicts: Map<string, TrustVerdict[]>; slug: string; locale: Locale; t: Translate };

/** The public progress of a signatory (data from findPublicProgressView): per period, the accepted report or "not submitted"; the latest report, derived ratio, charts and downloads. */
export function ProgressSection(props: Props) {
  const { view, t } = props;
  const { periods } = view;
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
              <li key={`${p.termSlug}-${p.year}`} data-year={p.year} data-term={p.termSlug}>
                <strong>{reportLabel(props.locale, t, p)}:</strong>{' '}
                {p.report
                  ? t('progress.status_ACCEPTED')
                  : !p.owed && !p.submitted
                    ? t('reports.notOwedPublic')
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
      <LatestReport {...props} />
    </section>
  );
}

/** The latest accepted report: the specialist ratio against the legal norm, the report, its evidence, downloads and charts. */
function LatestReport({ view, verdicts, slug, locale, t }: Props) {
  const withReports = view.periods.filter((p) => p.report);
  const latest = withReports[withReports.length - 1];
  const previous = withReports[withReports.length - 2];
  if (!latest?.report) return null;
  const { norm } = view;
  const ratio = latest.report.specialistsPerThousand;
  const previousRatio = previous?.report?.specialistsPerThousand;
  return (
    <div className="space-y-4">
      <h3 className="text-xl font-semibold">
        {t('progress.latestReport', { year: `${latest.year} (${periodQualifier(locale, t, latest)})` })} <DemoLabel isDemo={latest.report.isDemo} t={t} />
      </h3>
      <p data-testid="specialist-ratio">
        {ratio !== null ? t('progress.ratio', { value: formatNumber(locale, ratio, 2) }) : t('progress.ratioUnknown', { year: latest.year })}{' '}
        {norm ? t('progress.normInForce', { value: formatNumber(locale, norm.value, 2), citation: norm.citation }) : t('progress.normUnknown')}
        {ratio !== null && previousRatio != null ? ` (${t('progress.change', { value: formatNumber(locale, ratio - previousRatio, 2) })})` : ''}
      </p>
      <ReportView report={latest.report} titles={commitmentTitles(view.memo, locale)} locale={locale} t={t} previous={previous?.report?.indicators} />
      {latest.report.documents.length > 0 ? (
        <div className="space-y-2">
          <h4 className="font-semibold">{t('progress.evidence')}</h4>
          <PublicDocumentList documents={latest.report.documents} locale={locale} t={t} verdicts={verdicts} />
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
      <ProgressCharts view={view} locale={locale} t={t} />
    </div>
  );
}

/** The charts of the indicators and the ratio, with the median of all municipalities per year. */
function ProgressCharts({ view, locale, t }: { view: TPublicProgressView; locale: Locale; t: Translate }) {
  const { series, ratio, showRatio, medians } = view;
  if (series.length === 0 && !showRatio) return null;
  const withMedian = <P extends { year: number }>(key: string, points: P[]) => points.map((p) => ({ ...p, median: medians.get(key)?.get(p.year) ?? null }));
  return (
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
  );
}

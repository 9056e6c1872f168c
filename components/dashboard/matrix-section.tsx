import type { Locale, Translate } from '@/lib/i18n';
import type { Dashboard } from '@/lib/dashboard/dashboard';
import type { TDashboardQuery } from '@/lib/schemas/dashboard';
import { Pagination } from '@/components/pagination';
import { dashboardLinks } from './dashboard-links';
import { MatrixTable } from './matrix-table';
import { IndicatorTable } from './indicator-table';

type Props = { data: Dashboard; query: TDashboardQuery; locale: Locale; t: Translate };

/** The commitments matrix (one page, its filters and sort links) and its page links. */
export function MatrixSection({ data: { matrix, matrixTotal }, query, locale, t }: Props) {
  if (!matrix) return null;
  const links = dashboardLinks(locale, query);
  return (
    <section aria-labelledby="matrix" className="space-y-4">
      <h2 id="matrix" className="text-2xl font-semibold">
        {t('dashboard.matrixHeading')}
      </h2>
      <p className="max-w-3xl text-sm text-muted">{t('dashboard.matrixLead')}</p>
      <MatrixTable matrix={matrix} total={matrixTotal} query={query} locale={locale} t={t} href={links.matrix} />
      <Pagination
        page={matrix.page ?? 1}
        pageSize={matrix.pageSize ?? null}
        count={matrix.matched ?? matrix.rows.length}
        href={links.page('page', 'matrix')}
        label={t('dashboard.matrixPages')}
        t={t}
        locale={locale}
        testId="matrix-pages"
      />
    </section>
  );
}

/** The indicator comparison (one page) and its page links. */
export function IndicatorSection({ data: { indicators }, query, locale, t }: Props) {
  if (!indicators) return null;
  return (
    <section aria-labelledby="indicators" className="space-y-4">
      <h2 id="indicators" className="text-2xl font-semibold">
        {t('dashboard.indicatorsHeading')}
      </h2>
      <p className="max-w-3xl text-sm text-muted">{t('dashboard.indicatorsLead')}</p>
      <IndicatorTable data={indicators} locale={locale} t={t} />
      <Pagination
        page={indicators.page ?? 1}
        pageSize={indicators.pageSize ?? null}
        count={indicators.matched ?? indicators.rows.length}
        href={dashboardLinks(locale, query).page('ipage', 'indicators')}
        label={t('dashboard.indicatorPages')}
        t={t}
        locale={locale}
        testId="indicator-pages"
      />
    </section>
  );
}

/** Download links of the matrix (as filtered and sorted) and of the indicator comparison. */
export function ExportLinks({ query, locale, t }: Omit<Props, 'data'>) {
  const href = dashboardLinks(locale, query).export;
  const items = [
    ['matrix.csv', true, t('dashboard.exportMatrixCsv')],
    ['matrix.xlsx', true, t('dashboard.exportMatrixXlsx')],
    ['indicators.csv', false, t('dashboard.exportIndicatorsCsv')],
    ['indicators.xlsx', false, t('dashboard.exportIndicatorsXlsx')],
  ] as const;
  return (
    <section aria-labelledby="exports" className="space-y-3">
      <h2 id="exports" className="text-2xl font-semibold">
        {t('dashboard.exportHeading')}
      </h2>
      <p className="max-w-3xl text-sm text-muted">{t('dashboard.exportLead')}</p>
      <ul className="flex flex-wrap gap-x-6 gap-y-2" data-testid="exports">
        {items.map(([name, withQuery, label]) => (
          <li key={name}>
            <a href={href(name, withQuery)} download>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

import type { Locale, Translate } from '@/lib/i18n';
import type { Dashboard } from '@/lib/dashboard/dashboard';
import type { TDashboardQuery } from '@/lib/schemas/dashboard';
import { Pagination } from '@/components/pagination';
import { dashboardLinks } from './dashboard-links';
import { MatrixTable } from './matrix-table';
import { IndicatorTable } from './indicator-table';
import { Section } from '@/components/ui/section';

type Props = { data: Dashboard; query: TDashboardQuery; locale: Locale; t: Translate };

/** The commitments matrix (one page, its filters and sort links) and its page links. */
export function MatrixSection({ data: { matrix, matrixTotal }, query, locale, t }: Props) {
  if (!matrix) return null;
  const links = dashboardLinks(locale, query);
  return (
    <Section id="matrix" heading={t('dashboard.matrixHeading')} className="space-y-4">
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
    </Section>
  );
}

/** The indicator comparison (one page) and its page links. */
export function IndicatorSection({ data: { indicators }, query, locale, t }: Props) {
  if (!indicators) return null;
  return (
    <Section id="indicators" heading={t('dashboard.indicatorsHeading')} className="space-y-4">
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
    </Section>
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
    <Section id="exports" heading={t('dashboard.exportHeading')} className="space-y-3">
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
    </Section>
  );
}

import { pageLocale, privatePageMetadata } from '@/lib/i18n/page';
import { requirePagePermission, requirePageUser } from '@/lib/auth/guard';
import { can } from '@/lib/authz';
import { loadDashboardCached } from '@/lib/dashboard/cache';
import { DUE_SOON_DAYS } from '@/lib/dashboard/metrics';
import { rigaIsoDay } from '@/lib/dates';
import { parseDashboardQuery, type TDashboardQuery } from '@/lib/schemas/dashboard';
import { StaffNav } from '@/components/staff-nav';
import { SignOutButton } from '@/components/forms/sign-out-button';
import { MetricCards } from '@/components/dashboard/metric-cards';
import { JoinsChart } from '@/components/dashboard/joins-chart';
import { MatrixTable, type QueryPatch } from '@/components/dashboard/matrix-table';
import { IndicatorTable } from '@/components/dashboard/indicator-table';
import { WorkQueueSections } from '@/components/dashboard/work-queues';
import { Pagination } from '@/components/pagination';
import { now as clockNow } from '@/lib/clock';
import { SubmissionMailForm } from '@/components/forms/submission-mail-form';
import { findSubmissionMailMode } from '@/lib/mail/staff';

export const dynamic = 'force-dynamic';

export const generateMetadata = privatePageMetadata('dashboard.title');

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The matrix query as URL parameters (defaults left out). */
function queryParams(q: TDashboardQuery, patch: QueryPatch = {}): URLSearchParams {
  const page = (n: number | undefined) => (n && n > 1 ? String(n) : undefined);
  const merged: QueryPatch = {
    type: q.type,
    status: q.status,
    progress: q.progress,
    sort: q.sort === 'name' ? undefined : q.sort,
    dir: q.dir === 'asc' ? undefined : q.dir,
    page: page(q.page),
    ipage: page(q.ipage),
    ...patch,
  };
  return new URLSearchParams(Object.entries(merged).filter((e): e is [string, string] => Boolean(e[1])));
}

export default async function StaffDashboardPage({ params, searchParams }: Props) {
  const { locale, t } = await pageLocale(params);
  const user = await requirePageUser(locale, `/${locale}/staff`);
  requirePagePermission(user, 'staff.view');
  const query = parseDashboardQuery(await searchParams);
  const { metrics, joins, matrix, matrixTotal, indicators, queues } = await loadDashboardCached({ actor: user, query });
  // A new filter or sort starts the matrix at its first page.
  const href = (patch: QueryPatch) => {
    const search = queryParams(query, { page: undefined, ...patch }).toString();
    return `/${locale}/staff${search ? `?${search}` : ''}#matrix`;
  };
  const pageHref = (param: 'page' | 'ipage', anchor: string) => (n: number) => {
    const search = queryParams(query, { [param]: n > 1 ? String(n) : undefined }).toString();
    return `/${locale}/staff${search ? `?${search}` : ''}#${anchor}`;
  };
  const exportHref = (name: string, withQuery: boolean) => {
    const search = withQuery ? queryParams(query, { page: undefined, ipage: undefined }) : new URLSearchParams();
    search.set('locale', locale);
    return `/api/staff/exports/${name}?${search.toString()}`;
  };
  return (
    <div className="space-y-10">
      <StaffNav locale={locale} user={user} current="dashboard" t={t} />
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold">{t('dashboard.title')}</h1>
        <SignOutButton locale={locale} label={t('nav.signOut')} />
      </div>
      <p className="max-w-3xl">{t('dashboard.lead')}</p>
      <details className="max-w-3xl rounded border border-gray-300 p-3">
        <summary className="cursor-pointer font-semibold">{t('secretaryYear.notifyHeading')}</summary>
        <div className="mt-3">
          <SubmissionMailForm
            locale={locale}
            current={await findSubmissionMailMode(user.id)}
            labels={{
              lead: t('secretaryYear.notifyLead'),
              notify_EVENT: t('secretaryYear.notify_EVENT'),
              notify_DIGEST: t('secretaryYear.notify_DIGEST'),
              notify_NONE: t('secretaryYear.notify_NONE'),
              save: t('secretaryYear.notifySave'),
              saved: t('secretaryYear.notifySaved'),
            }}
          />
        </div>
      </details>

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

      {matrix ? (
        <section aria-labelledby="matrix" className="space-y-4">
          <h2 id="matrix" className="text-2xl font-semibold">
            {t('dashboard.matrixHeading')}
          </h2>
          <p className="max-w-3xl text-sm text-muted">{t('dashboard.matrixLead')}</p>
          <MatrixTable matrix={matrix} total={matrixTotal} query={query} locale={locale} t={t} href={href} />
          <Pagination
            page={matrix.page ?? 1}
            pageSize={matrix.pageSize ?? null}
            count={matrix.matched ?? matrix.rows.length}
            href={pageHref('page', 'matrix')}
            label={t('dashboard.matrixPages')}
            t={t}
            locale={locale}
            testId="matrix-pages"
          />
        </section>
      ) : null}

      {indicators ? (
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
            href={pageHref('ipage', 'indicators')}
            label={t('dashboard.indicatorPages')}
            t={t}
            locale={locale}
            testId="indicator-pages"
          />
        </section>
      ) : null}

      {matrix && can(user, 'dashboard.export') ? (
        <section aria-labelledby="exports" className="space-y-3">
          <h2 id="exports" className="text-2xl font-semibold">
            {t('dashboard.exportHeading')}
          </h2>
          <p className="max-w-3xl text-sm text-muted">{t('dashboard.exportLead')}</p>
          <ul className="flex flex-wrap gap-x-6 gap-y-2" data-testid="exports">
            <li>
              <a href={exportHref('matrix.csv', true)} download>
                {t('dashboard.exportMatrixCsv')}
              </a>
            </li>
            <li>
              <a href={exportHref('matrix.xlsx', true)} download>
                {t('dashboard.exportMatrixXlsx')}
              </a>
            </li>
            <li>
              <a href={exportHref('indicators.csv', false)} download>
                {t('dashboard.exportIndicatorsCsv')}
              </a>
            </li>
            <li>
              <a href={exportHref('indicators.xlsx', false)} download>
                {t('dashboard.exportIndicatorsXlsx')}
              </a>
            </li>
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="queues" className="space-y-6">
        <h2 id="queues" className="text-2xl font-semibold">
          {t('dashboard.queuesHeading')}
        </h2>
        <WorkQueueSections queues={queues} dueSoonDays={DUE_SOON_DAYS} locale={locale} t={t} />
      </section>
    </div>
  );
}

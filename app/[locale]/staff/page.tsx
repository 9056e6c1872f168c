import { pageLocale, privatePageMetadata } from '@/lib/i18n/page';
import { requirePagePermission, requirePageUser } from '@/lib/auth/guard';
import { can } from '@/lib/authz';
import { loadDashboardCached } from '@/lib/dashboard/cache';
import { DUE_SOON_DAYS } from '@/lib/dashboard/metrics';
import { parseDashboardQuery } from '@/lib/schemas/dashboard';
import { StaffNav } from '@/components/staff-nav';
import { SignOutButton } from '@/components/forms/sign-out-button';
import { HeadlineSection } from '@/components/dashboard/headline-section';
import { ExportLinks, IndicatorSection, MatrixSection } from '@/components/dashboard/matrix-section';
import { MailPreference } from '@/components/dashboard/mail-preference';
import { WorkQueueSections } from '@/components/dashboard/work-queues';

export const dynamic = 'force-dynamic';

export const generateMetadata = privatePageMetadata('dashboard.title');

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** GET /[locale]/staff: the staff dashboard (headline, joins, matrix, indicators, exports, work queues), every table one page. */
export default async function StaffDashboardPage({ params, searchParams }: Props) {
  const { locale, t } = await pageLocale(params);
  const user = await requirePageUser(locale, `/${locale}/staff`);
  requirePagePermission(user, 'staff.view');
  const query = parseDashboardQuery(await searchParams);
  const data = await loadDashboardCached({ actor: user, query });
  const section = { data, query, locale, t };
  return (
    <div className="space-y-10">
      <StaffNav locale={locale} user={user} current="dashboard" t={t} />
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold">{t('dashboard.title')}</h1>
        <SignOutButton locale={locale} label={t('nav.signOut')} />
      </div>
      <p className="max-w-3xl">{t('dashboard.lead')}</p>
      <MailPreference userId={user.id} locale={locale} t={t} />
      <HeadlineSection {...section} />
      <MatrixSection {...section} />
      <IndicatorSection {...section} />
      {data.matrix && can(user, 'dashboard.export') ? <ExportLinks query={query} locale={locale} t={t} /> : null}
      <section aria-labelledby="queues" className="space-y-6">
        <h2 id="queues" className="text-2xl font-semibold">
          {t('dashboard.queuesHeading')}
        </h2>
        <WorkQueueSections queues={data.queues} dueSoonDays={DUE_SOON_DAYS} locale={locale} t={t} />
      </section>
    </div>
  );
}

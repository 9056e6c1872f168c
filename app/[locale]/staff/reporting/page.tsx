import Link from 'next/link';
import { pageLocale, privatePageMetadata } from '@/lib/i18n/page';
import { requirePagePermission, requirePageUser } from '@/lib/auth/guard';
import { findCurrentTerm } from '@/lib/municipalities/queries';
import { listNorms, listPeriods } from '@/lib/progress/settings';
import { PeriodsSection } from '@/components/reporting/periods-section';
import { NormsSection } from '@/components/reporting/norms-section';

export const dynamic = 'force-dynamic';
export const generateMetadata = privatePageMetadata('reporting.title');

export default async function ReportingSettingsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t } = await pageLocale(params);
  const user = await requirePageUser(locale, `/${locale}/staff/reporting`);
  requirePagePermission(user, 'reporting.manage');
  const term = await findCurrentTerm();
  const [periods, norms] = await Promise.all([term ? listPeriods({ actor: user, termSlug: term.slug }) : Promise.resolve([]), listNorms()]);
  return (
    <div className="space-y-10">
      <p>
        <Link href={`/${locale}/staff`}>← {t('staff.title')}</Link>
      </p>
      <h1 className="text-3xl font-bold">{t('reporting.title')}</h1>
      {term ? <PeriodsSection term={term} periods={periods} locale={locale} t={t} /> : null}
      <NormsSection norms={norms} locale={locale} t={t} />
    </div>
  );
}

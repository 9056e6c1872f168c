import Link from 'next/link';
import { pageLocale, privatePageMetadata } from '@/lib/i18n/page';
import { requirePagePermission, requirePageUser } from '@/lib/auth/guard';
import { findReportForReview } from '@/lib/progress/reports';
import { commitmentTitles, findMemorandum } from '@/lib/memorandum/queries';
import { ReportView } from '@/components/progress/report-view';
import { ActionForm } from '@/components/forms/action-form';

export const dynamic = 'force-dynamic';
export const generateMetadata = privatePageMetadata('progress.reportsHeading');

export default async function ReviewReportPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, t } = await pageLocale(params);
  const { id } = await params;
  const user = await requirePageUser(locale, `/${locale}/staff/reports/${id}`);
  requirePagePermission(user, 'progress.review');
  const report = await findReportForReview({ actor: user, reportId: id });
  const memo = await findMemorandum();
  const titles = commitmentTitles(memo, locale);
  return (
    <div className="space-y-6">
      <p><Link href={`/${locale}/staff`}>← {t('staff.title')}</Link></p>
      <h1 className="text-3xl font-bold">{t('progress.editorTitle', { name: report.municipality.nameLv, year: report.period.year })}</h1>
      <p data-testid="report-status">{t(`progress.status_${report.status}`)} · {t('progress.revision', { n: report.revision })}</p>
      <ReportView report={report} titles={titles} locale={locale} t={t} />
      {report.status === 'SUBMITTED' ? (
        <div className="grid gap-8 md:grid-cols-2">
          <ActionForm url={`/api/staff/progress/${report.id}/accept`} locale={locale} version={report.version} submitLabel={t('progress.accept')} successText={t('progress.accepted')} testId="accept-report-form" />
          <ActionForm url={`/api/staff/progress/${report.id}/return`} locale={locale} version={report.version} reasonLabel={t('progress.returnLabel')} submitLabel={t('progress.returnAction')} successText={t('progress.returned')} testId="return-report-form" />
        </div>
      ) : null}
    </div>
  );
}

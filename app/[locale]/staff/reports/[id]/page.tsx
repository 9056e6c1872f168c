import Link from 'next/link';
import { pageLocale, privatePageMetadata } from '@/lib/i18n/page';
import { requirePagePermission, requirePageUser } from '@/lib/auth/guard';
import { findReportForReview, viewOfSnapshot, type ReportSnapshot } from '@/lib/progress/reports';
import { DocumentList } from '@/components/accession/document-list';
import { DemoLabel } from '@/components/demo-label';
import { RevisionChanges } from '@/components/progress/revision-changes';
import { commitmentTitles, findMemorandum } from '@/lib/memorandum/queries';
import { ReportView } from '@/components/progress/report-view';
import { AcceptOrReturn } from '@/components/progress/accept-or-return';
import { canTransition, REPORT_WORKFLOW } from '@/lib/authz/workflow';
import { reportTitle } from '@/lib/progress/period-label';

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
      <p>
        <Link href={`/${locale}/staff`}>← {t('staff.title')}</Link>
      </p>
      <h1 className="text-3xl font-bold">{reportTitle(locale, t, report.municipality.nameLv, report.period)}</h1>
      <p data-testid="report-status">
        {t(`progress.status_${report.status}`)} · {t('progress.revision', { n: report.revision })} <DemoLabel isDemo={report.isDemo} t={t} />
      </p>
      <p className="flex flex-wrap gap-4">
        <a href={`/api/progress/reports/${report.id}/pdf?lang=${locale}`} download>
          {t('secretaryYear.downloadPdf')}
        </a>
      </p>
      <ReportView report={report} titles={titles} locale={locale} t={t} />
      <section aria-labelledby="evidence" className="space-y-3">
        <h2 id="evidence" className="text-xl font-semibold">
          {t('progress.evidence')}
        </h2>
        <DocumentList documents={report.documents} locale={locale} t={t} audience="staff" />
      </section>
      <section aria-labelledby="changes" className="space-y-3">
        <h2 id="changes" className="text-xl font-semibold">
          {t('secretaryYear.changesHeading')}
        </h2>
        <RevisionChanges
          before={report.priorSnapshot ? viewOfSnapshot(report.priorSnapshot as ReportSnapshot) : report.previous}
          after={report}
          titles={titles}
          locale={locale}
          t={t}
          against={report.priorSnapshot ? t('secretaryYear.previousSubmission') : t('secretaryYear.previousRevision', { n: report.revision - 1 })}
        />
      </section>
      {canTransition(user, REPORT_WORKFLOW, 'accept', report.status) ? <AcceptOrReturn id={report.id} version={report.version} locale={locale} t={t} /> : null}
    </div>
  );
}

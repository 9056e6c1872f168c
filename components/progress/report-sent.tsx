import { formatDateTime, type Locale, type Translate } from '@/lib/i18n';
import type { COMMITMENT_KEYS } from '@/lib/progress/indicators';
import { viewOfSnapshot, type findLatestReport, type ReportSnapshot } from '@/lib/progress/reports';
import { reportIs } from '@/lib/authz/workflow';
import { DocumentList } from '@/components/accession/document-list';
import { PrintButton } from '@/components/progress/print-button';
import { ReportView } from '@/components/progress/report-view';
import { StartReportButton } from '@/components/progress/start-report-button';

type Report = NonNullable<Awaited<ReturnType<typeof findLatestReport>>['report']>;

/** A report the secretary has sent: as submitted (print, PDF), its evidence, and a new revision once accepted. */
export function ReportSent({
  report,
  slug,
  period,
  mayEdit,
  titles,
  locale,
  t,
}: {
  report: Report;
  slug: string;
  period: { termSlug: string; year: number };
  mayEdit: boolean;
  titles: Record<(typeof COMMITMENT_KEYS)[number], string>;
  locale: Locale;
  t: Translate;
}) {
  return (
    <section aria-labelledby="sent" className="space-y-4" data-testid="submitted-view">
      <h2 id="sent" className="text-2xl font-semibold">
        {t('secretaryYear.sentHeading')}
      </h2>
      {report.submittedAt ? <p>{t('secretaryYear.sentLead', { date: formatDateTime(locale, report.submittedAt) })}</p> : null}
      <p className="no-print flex flex-wrap items-center gap-4">
        <PrintButton label={t('secretaryYear.print')} />
        <a href={`/api/progress/reports/${report.id}/pdf?lang=${locale}`} download>
          {t('secretaryYear.downloadPdf')}
        </a>
      </p>
      <ReportView
        report={report.submittedSnapshot ? viewOfSnapshot(report.submittedSnapshot as ReportSnapshot) : report}
        titles={titles}
        locale={locale}
        t={t}
      />
      <h3 className="text-lg font-semibold">{t('progress.evidence')}</h3>
      <DocumentList documents={report.documents} locale={locale} t={t} />
      {reportIs('reopens', report.status) && mayEdit ? (
        <div className="no-print space-y-2">
          <p>{t('progress.acceptedCanRevise')}</p>
          <StartReportButton slug={slug} period={period} locale={locale} label={t('progress.newRevision')} />
        </div>
      ) : (
        <p className="no-print">{t('progress.locked')}</p>
      )}
    </section>
  );
}

import { notFound } from 'next/navigation';
import Link from 'next/link';
import { pageLocale, privatePageMetadata } from '@/lib/i18n/page';
import { formatDate, formatDateTime } from '@/lib/i18n';
import { requirePagePermission, requirePageUser } from '@/lib/auth/guard';
import { findMunicipalityPublic } from '@/lib/municipalities/queries';
import { checkTypedDraft, findLatestReport, viewOfSnapshot, type ReportSnapshot } from '@/lib/progress/reports';
import { ReportView } from '@/components/progress/report-view';
import { Steps } from '@/components/steps';
import { PrintButton } from '@/components/progress/print-button';
import { formatNumberInput } from '@/lib/schemas/number';
import { translateKey } from '@/lib/i18n/request';
import { INDICATORS, COMMITMENT_KEYS } from '@/lib/progress/indicators';
import { commitmentTitles, findMemorandum } from '@/lib/memorandum/queries';
import { zReportYear } from '@/lib/schemas/progress-actions';
import { ReportEditor, type EditorState } from '@/components/progress/report-editor';
import { StartReportButton } from '@/components/progress/start-report-button';
import { UploadWidget } from '@/components/accession/upload-widget';
import { DocumentList } from '@/components/accession/document-list';
import { can } from '@/lib/authz';
import { reportIs } from '@/lib/authz/workflow';

export const dynamic = 'force-dynamic';
export const generateMetadata = privatePageMetadata('progress.reportsHeading');

export default async function ReportPage({ params }: { params: Promise<{ locale: string; slug: string; year: string }> }) {
  const { locale, t } = await pageLocale(params);
  const { slug, year: rawYear } = await params;
  const parsed = zReportYear.safeParse(rawYear);
  if (!parsed.success) notFound();
  const year = parsed.data;
  const user = await requirePageUser(locale, `/${locale}/secretary/${slug}/reports/${year}`);
  const municipality = await findMunicipalityPublic(slug);
  if (!municipality) notFound();
  requirePagePermission(user, 'progress.view-draft', { municipalityId: municipality.id });
  const { period, report } = await findLatestReport({ actor: user, municipalitySlug: slug, year });
  const memo = await findMemorandum();
  const known = commitmentTitles(memo, locale);
  const titles = Object.fromEntries(COMMITMENT_KEYS.map((k) => [k, known[k] ?? k])) as Record<(typeof COMMITMENT_KEYS)[number], string>;
  const mayEdit = can(user, 'progress.edit', { municipalityId: municipality.id });
  const editable = report && reportIs('editable', report.status) && mayEdit;
  // The draft as typed when there is one (it may hold invalid fields with their errors), else the saved rows in the locale's number format.
  const typed = report?.typedDraft as EditorState | null | undefined;
  const initial: EditorState | null = !report
    ? null
    : (typed ?? {
        commitments: Object.fromEntries(
          COMMITMENT_KEYS.map((k) => {
            const c = report.commitments.find((x) => x.commitmentKey === k);
            return [
              k,
              {
                status: c?.status ?? 'NOT_STARTED',
                narrative: c?.narrative ?? '',
                actions: report.actions
                  .filter((a) => a.commitmentKey === k)
                  .map((a) => ({
                    title: a.title,
                    status: a.status,
                    plannedOn: a.plannedOn?.toISOString().slice(0, 10) ?? '',
                    doneOn: a.doneOn?.toISOString().slice(0, 10) ?? '',
                    budgetEur: formatNumberInput(a.budgetEur?.toString(), locale),
                  })),
              },
            ];
          }),
        ) as EditorState['commitments'],
        indicators: Object.fromEntries(
          report.indicators.map((i) => [
            i.key,
            i.boolValue !== null
              ? i.boolValue
                ? 'yes'
                : 'no'
              : i.numberValue !== null
                ? formatNumberInput(i.numberValue.toString(), locale)
                : (i.textValue ?? ''),
          ]),
        ),
      });
  const initialErrors = typed
    ? Object.fromEntries(Object.entries(checkTypedDraft(typed).fieldErrors).map(([k, v]) => [k, v.map((m) => translateKey(locale, m))]))
    : {};
  const labelKeys = [
    'commitmentStatus',
    'cs_NOT_STARTED',
    'cs_IN_PROGRESS',
    'cs_ACHIEVED',
    'narrative',
    'actions',
    'actionTitle',
    'actionStatus',
    'as_PLANNED',
    'as_IN_PROGRESS',
    'as_DONE',
    'as_CANCELLED',
    'plannedOn',
    'doneOn',
    'budgetEur',
    'addAction',
    'removeAction',
    'indicators',
    'unknownHint',
    'yes',
    'no',
    'blank',
    'saving',
    'savedAt',
    'saveFailed',
    'submit',
  ] as const;
  const editorKeys = [
    'savedWithErrors',
    'unsavedWarning',
    'errorSummary',
    'errorSummaryLead',
    'errorPrefix',
    'actionN',
    'required',
    'dateFormat',
    'submitConfirmHeading',
    'submitConfirmText',
    'submitConfirm',
    'cancel',
  ] as const;
  return (
    <div className="space-y-6">
      <p>
        <Link href={`/${locale}/secretary/${slug}`}>← {municipality.nameLv}</Link>
      </p>
      <h1 className="text-3xl font-bold">{t('progress.editorTitle', { name: municipality.nameLv, year })}</h1>
      {!period ? (
        <p role="alert">{t('progress.notSignatory')}</p>
      ) : (
        <>
          <p>{t('progress.due', { date: formatDate(locale, period.dueOn) })}</p>
          <Steps
            testId="report-steps"
            label={t('secretaryYear.reportSteps')}
            steps={[t('secretaryYear.reportStep1'), t('secretaryYear.reportStep2'), t('secretaryYear.reportStep3'), t('secretaryYear.reportStep4')]}
            current={!report ? 0 : report.status === 'ACCEPTED' ? 4 : report.status === 'SUBMITTED' ? 3 : 1}
            words={{ done: t('secretaryYear.stepDone'), current: t('secretaryYear.stepCurrent'), todo: t('secretaryYear.stepTodo') }}
          />
          {report ? (
            <p data-testid="report-status">
              {t(`progress.status_${report.status}`)} · {t('progress.revision', { n: report.revision })}
            </p>
          ) : null}
          {report?.status === 'RETURNED' && report.returnComment ? (
            <p role="alert" className="rounded border border-bad bg-bad-bg p-3 text-bad" data-testid="report-return-comment">
              {t('progress.returnedComment', { comment: report.returnComment })}
            </p>
          ) : null}
          {!report ? (
            mayEdit ? (
              <StartReportButton slug={slug} year={year} locale={locale} label={t('progress.open')} />
            ) : null
          ) : editable && initial ? (
            <>
              <section aria-labelledby="evidence" className="space-y-3">
                <h2 id="evidence" className="text-xl font-semibold">
                  {t('progress.evidence')}
                </h2>
                <DocumentList
                  documents={report.documents}
                  locale={locale}
                  t={t}
                  removable={{ endpoint: (documentId) => `/api/progress/reports/${report.id}/documents/${documentId}` }}
                />
                <UploadWidget
                  endpoint={`/api/progress/reports/${report.id}/documents`}
                  locale={locale}
                  labels={{
                    file: t('accession.uploadLabel'),
                    kind: t('accession.uploadKind'),
                    upload: t('accession.upload'),
                    uploading: t('accession.uploading'),
                    uploaded: t('accession.uploaded'),
                    aborted: t('upload.aborted'),
                  }}
                />
              </section>
              <ReportEditor
                reportId={report.id}
                locale={locale}
                initialVersion={report.version}
                initial={initial}
                indicators={INDICATORS.map((d) => ({
                  key: d.key,
                  commitment: d.commitment,
                  kind: d.kind,
                  label: t(`indicator.${d.key}` as 'indicator.service_budget_eur'),
                }))}
                commitmentTitles={titles}
                initialErrors={initialErrors}
                labels={{
                  ...Object.fromEntries(labelKeys.map((k) => [k, t(`progress.${k}`)])),
                  ...Object.fromEntries(editorKeys.map((k) => [k, t(`secretaryYear.${k}`)])),
                }}
              />
            </>
          ) : reportIs('editable', report.status) ? (
            <p>{t('progress.locked')}</p>
          ) : (
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
                  <StartReportButton slug={slug} year={year} locale={locale} label={t('progress.newRevision')} />
                </div>
              ) : (
                <p className="no-print">{t('progress.locked')}</p>
              )}
            </section>
          )}
        </>
      )}
    </div>
  );
}

import type { Locale, Translate } from '@/lib/i18n';
import { INDICATORS, type COMMITMENT_KEYS } from '@/lib/progress/indicators';
import type { findLatestReport } from '@/lib/progress/reports';
import { UploadWidget } from '@/components/accession/upload-widget';
import { DocumentList } from '@/components/accession/document-list';
import { ReportEditor } from '@/components/progress/report-editor';
import { editorStartOf } from '@/components/progress/editor-state';
import { Section } from '@/components/ui/section';

type Report = NonNullable<Awaited<ReturnType<typeof findLatestReport>>['report']>;

const LABEL_KEYS = [
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
const EDITOR_KEYS = [
  'savedWithErrors',
  'unsavedWarning',
  'signInToSave',
  'signInToSaveLink',
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

/** The secretary's editable report: its evidence (list, removal, upload) and the autosaving editor. */
export function ReportDraft({
  report,
  titles,
  locale,
  t,
}: {
  report: Report;
  titles: Record<(typeof COMMITMENT_KEYS)[number], string>;
  locale: Locale;
  t: Translate;
}) {
  const { initial, initialErrors } = editorStartOf(report, locale);
  return (
    <>
      <Section id="evidence" heading={t('progress.evidence')} className="space-y-3" headingClassName="text-xl font-semibold">
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
      </Section>
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
          ...Object.fromEntries(LABEL_KEYS.map((k) => [k, t(`progress.${k}`)])),
          ...Object.fromEntries(EDITOR_KEYS.map((k) => [k, t(`secretaryYear.${k}`)])),
        }}
      />
    </>
  );
}

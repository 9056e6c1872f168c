import { formatDate, type Locale, type Translate } from '@/lib/i18n';
import { reportIs } from '@/lib/authz/workflow';
import type { findLatestReport } from '@/lib/progress/reports';
import type { COMMITMENT_KEYS } from '@/lib/progress/indicators';
import { Steps } from '@/components/steps';
import { stepWords } from '@/components/forms/workflow-texts';
import { StartReportButton } from './start-report-button';
import { ReportDraft } from './report-draft';
import { ReportSent } from './report-sent';

type Found = Awaited<ReturnType<typeof findLatestReport>>;
type Props = {
  found: Found;
  slug: string;
  mayEdit: boolean;
  titles: Record<(typeof COMMITMENT_KEYS)[number], string>;
  locale: Locale;
  t: Translate;
};

/**
 * The secretary's report for one period (ADR 0215): why it cannot be filled yet (reporting not set up for the
 * term, or not a member), else its due date, or that it is not owed (a voluntary report, never shown as due),
 * the steps and the editor or the submitted report.
 */
export function ReportWorkspace({ found, slug, mayEdit, titles, locale, t }: Props) {
  const { state, report } = found;
  if (state.kind === 'not-member') return <p role="alert">{t('reports.notMember', { term: state.period.termSlug.replace('-', '–') })}</p>;
  if (state.kind === 'not-open')
    return (
      <p role="status" data-testid="report-not-open">
        {t('reports.notOpenYet')}
      </p>
    );
  const { period } = state;
  const ref = { termSlug: period.termSlug, year: period.year };
  return (
    <>
      <p data-testid="report-due">{state.owed ? t('progress.due', { date: formatDate(locale, period.dueOn) }) : t('reports.notOwedEditor')}</p>
      <Steps
        testId="report-steps"
        label={t('secretaryYear.reportSteps')}
        steps={[t('secretaryYear.reportStep1'), t('secretaryYear.reportStep2'), t('secretaryYear.reportStep3'), t('secretaryYear.reportStep4')]}
        current={!report ? 0 : report.status === 'ACCEPTED' ? 4 : report.status === 'SUBMITTED' ? 3 : 1}
        words={stepWords(t)}
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
          <StartReportButton slug={slug} period={ref} locale={locale} label={t('progress.open')} />
        ) : null
      ) : reportIs('editable', report.status) && mayEdit ? (
        <ReportDraft report={report} titles={titles} locale={locale} t={t} />
      ) : reportIs('editable', report.status) ? (
        <p>{t('progress.locked')}</p>
      ) : (
        <ReportSent report={report} slug={slug} period={ref} mayEdit={mayEdit} titles={titles} locale={locale} t={t} />
      )}
    </>
  );
}

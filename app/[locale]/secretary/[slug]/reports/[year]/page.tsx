import { notFound } from 'next/navigation';
import Link from 'next/link';
import { pageLocale, privatePageMetadata } from '@/lib/i18n/page';
import { formatDate } from '@/lib/i18n';
import { requirePagePermission, requirePageUser } from '@/lib/auth/guard';
import { findMunicipalityPublic } from '@/lib/municipalities/queries';
import { findLatestReport } from '@/lib/progress/reports';
import { COMMITMENT_KEYS } from '@/lib/progress/indicators';
import { commitmentTitles, findMemorandum } from '@/lib/memorandum/queries';
import { zReportYear } from '@/lib/schemas/progress-actions';
import { can } from '@/lib/authz';
import { reportIs } from '@/lib/authz/workflow';
import { Steps } from '@/components/steps';
import { stepWords } from '@/components/forms/workflow-texts';
import { StartReportButton } from '@/components/progress/start-report-button';
import { ReportDraft } from '@/components/progress/report-draft';
import { ReportSent } from '@/components/progress/report-sent';

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
  const known = commitmentTitles(await findMemorandum(), locale);
  const titles = Object.fromEntries(COMMITMENT_KEYS.map((k) => [k, known[k] ?? k])) as Record<(typeof COMMITMENT_KEYS)[number], string>;
  const mayEdit = can(user, 'progress.edit', { municipalityId: municipality.id });
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
              <StartReportButton slug={slug} year={year} locale={locale} label={t('progress.open')} />
            ) : null
          ) : reportIs('editable', report.status) && mayEdit ? (
            <ReportDraft report={report} titles={titles} locale={locale} t={t} />
          ) : reportIs('editable', report.status) ? (
            <p>{t('progress.locked')}</p>
          ) : (
            <ReportSent report={report} slug={slug} year={year} mayEdit={mayEdit} titles={titles} locale={locale} t={t} />
          )}
        </>
      )}
    </div>
  );
}

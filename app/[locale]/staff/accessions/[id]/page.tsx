import Link from 'next/link';
import { pageLocale, privatePageMetadata } from '@/lib/i18n/page';
import { formatDate } from '@/lib/i18n';
import { requirePagePermission, requirePageUser } from '@/lib/auth/guard';
import { findAccessionForReview } from '@/lib/accessions/workflow';
import { StatusBadge } from '@/components/status-badge';
import { AccessionHistory } from '@/components/accession/history';
import { DocumentList } from '@/components/accession/document-list';
import { ActionForm } from '@/components/forms/action-form';
import { termLabel } from '@/lib/municipalities/queries';
import { checkDecisionDate } from '@/lib/terms/calendar';
import { ACCESSION_WORKFLOW, canTransition } from '@/lib/authz/workflow';

export const dynamic = 'force-dynamic';

export const generateMetadata = privatePageMetadata('staff.title');

export default async function ReviewPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, t } = await pageLocale(params);
  const { id } = await params;
  const user = await requirePageUser(locale, `/${locale}/staff/accessions/${id}`);
  requirePagePermission(user, 'accession.verify');
  const a = await findAccessionForReview({ actor: user, accessionId: id });
  const dateCheck = a.sessionDate ? checkDecisionDate(a.sessionDate.toISOString().slice(0, 10), a.term) : null;
  const unknown = t('common.unknown');
  return (
    <div className="space-y-8">
      <p>
        <Link href={`/${locale}/staff`}>← {t('staff.title')}</Link>
      </p>
      <h1 className="text-3xl font-bold">{t('accession.reviewTitle', { name: a.municipality.nameLv })}</h1>
      <p className="flex items-center gap-3" data-testid="review-status">
        {t('home.termHeading', { term: termLabel(a.term) })} <StatusBadge status={a.status} t={t} />
      </p>
      <section aria-labelledby="facts">
        <h2 id="facts" className="mb-2 text-2xl font-semibold">
          {t('accession.decisionHeading')}
        </h2>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
          <dt>{t('accession.councilBody')}</dt>
          <dd>{a.councilBody ?? unknown}</dd>
          <dt>{t('accession.sessionDate')}</dt>
          <dd>
            {formatDate(locale, a.sessionDate)}, {t(`sessionType.${a.sessionType}`)}
            {/* Staff review: a date within 30 days of the term's election day or end is flagged (lib/terms/calendar). */}
            {dateCheck?.ok && dateCheck.nearEdge ? (
              <span className="block font-medium text-bad" role="note" data-testid="date-near-edge">
                {t('terms.nearEdge')}
              </span>
            ) : null}
            {dateCheck && !dateCheck.ok ? (
              <span className="block font-medium text-bad" role="note" data-testid="date-outside">
                {t('terms.decisionDateOutside', {
                  term: termLabel(a.term),
                  fromDate: formatDate(locale, dateCheck.from),
                  toDate: formatDate(locale, dateCheck.to),
                })}
              </span>
            ) : null}
          </dd>
          <dt>{t('accession.decisionNumber')}</dt>
          <dd>{a.decisionNumber ?? unknown}</dd>
          <dt>{t('accession.agendaItem')}</dt>
          <dd>{a.agendaItem ?? '—'}</dd>
          <dt>{t('accession.signatoryName')}</dt>
          <dd>{[a.signatoryName, a.signatoryRole].filter(Boolean).join(', ') || unknown}</dd>
        </dl>
      </section>
      <section aria-labelledby="docs" className="space-y-3">
        <h2 id="docs" className="text-2xl font-semibold">
          {t('accession.documentsHeading')}
        </h2>
        <DocumentList
          documents={a.documents}
          locale={locale}
          t={t}
          audience="staff"
          decision={{ sessionDate: a.sessionDate, signatoryName: a.signatoryName }}
        />
      </section>
      {canTransition(user, ACCESSION_WORKFLOW, 'verify', a.status) ? (
        <section aria-labelledby="decide" className="grid gap-8 md:grid-cols-2">
          <h2 id="decide" className="sr-only">
            {t('accession.verify')}
          </h2>
          <ActionForm
            url={`/api/staff/accessions/${a.id}/verify`}
            locale={locale}
            version={a.version}
            submitLabel={t('accession.verify')}
            successText={t('accession.verified')}
            testId="verify-form"
            variant="publish"
            confirm={{
              heading: t('secretaryYear.verifyHeading'),
              consequence: t('secretaryYear.verifyText'),
              confirmLabel: t('secretaryYear.verifyConfirm'),
              cancelLabel: t('secretaryYear.cancel'),
            }}
          />
          <ActionForm
            url={`/api/staff/accessions/${a.id}/return`}
            locale={locale}
            version={a.version}
            reasonLabel={t('accession.returnLabel')}
            submitLabel={t('accession.returnAction')}
            successText={t('accession.returned')}
            testId="return-form"
            variant="secondary"
          />
        </section>
      ) : null}
      {canTransition(user, ACCESSION_WORKFLOW, 'withdraw', a.status) ? (
        <section aria-labelledby="withdraw">
          <h2 id="withdraw" className="mb-2 text-2xl font-semibold">
            {t('accession.withdrawAction')}
          </h2>
          <ActionForm
            url={`/api/staff/accessions/${a.id}/withdraw`}
            locale={locale}
            version={a.version}
            reasonLabel={t('accession.withdrawLabel')}
            submitLabel={t('accession.withdrawAction')}
            successText={t('accession.withdrawn')}
            testId="withdraw-form"
            confirm={{
              heading: t('secretaryYear.withdrawHeading'),
              consequence: t('secretaryYear.withdrawText'),
              confirmLabel: t('secretaryYear.withdrawConfirm'),
              cancelLabel: t('secretaryYear.cancel'),
            }}
          />
        </section>
      ) : null}
      <section aria-labelledby="history">
        <h2 id="history" className="text-2xl font-semibold">
          {t('accession.history')}
        </h2>
        <AccessionHistory events={a.events} locale={locale} t={t} />
      </section>
    </div>
  );
}

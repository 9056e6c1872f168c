import Link from 'next/link';
import { pageLocale, privatePageMetadata } from '@/lib/i18n/page';
import { requirePagePermission, requirePageUser } from '@/lib/auth/guard';
import { findAccessionForReview } from '@/lib/accessions/queries';
import { termLabel } from '@/lib/municipalities/queries';
import { ACCESSION_WORKFLOW, canTransition } from '@/lib/authz/workflow';
import { StatusBadge } from '@/components/status-badge';
import { DemoLabel } from '@/components/demo-label';
import { DocumentList } from '@/components/accession/document-list';
import { HistorySection } from '@/components/accession/history-section';
import { ReviewFacts } from '@/components/accession/review-facts';
import { VerifyOrReturn, Withdraw } from '@/components/accession/review-actions';
import { Section } from '@/components/ui/section';

export const dynamic = 'force-dynamic';

export const generateMetadata = privatePageMetadata('staff.title');

export default async function ReviewPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, t } = await pageLocale(params);
  const { id } = await params;
  const user = await requirePageUser(locale, `/${locale}/staff/accessions/${id}`);
  requirePagePermission(user, 'accession.verify');
  const a = await findAccessionForReview({ actor: user, accessionId: id });
  return (
    <div className="space-y-8">
      <p>
        <Link href={`/${locale}/staff`}>← {t('staff.title')}</Link>
      </p>
      <h1 className="text-3xl font-bold">{t('accession.reviewTitle', { name: a.municipality.nameLv })}</h1>
      <p className="flex items-center gap-3" data-testid="review-status">
        {t('home.termHeading', { term: termLabel(a.term) })} <StatusBadge status={a.status} t={t} /> <DemoLabel isDemo={a.isDemo} t={t} />
      </p>
      <ReviewFacts a={a} locale={locale} t={t} />
      <Section id="docs" heading={t('accession.documentsHeading')} className="space-y-3">
        <DocumentList
          documents={a.documents}
          locale={locale}
          t={t}
          audience="staff"
          decision={{ sessionDate: a.sessionDate, signatoryName: a.signatoryName }}
        />
      </Section>
      {canTransition(user, ACCESSION_WORKFLOW, 'verify', a.status) ? <VerifyOrReturn id={a.id} version={a.version} locale={locale} t={t} /> : null}
      {canTransition(user, ACCESSION_WORKFLOW, 'withdraw', a.status) ? <Withdraw id={a.id} version={a.version} locale={locale} t={t} /> : null}
      <HistorySection events={a.events} locale={locale} t={t} />
    </div>
  );
}

import { notFound } from 'next/navigation';
import { pageLocale, privatePageMetadata } from '@/lib/i18n/page';
import { requirePagePermission, requirePageUser } from '@/lib/auth/guard';
import { findMunicipalityPublic } from '@/lib/municipalities/queries';
import { findSecretaryAccession } from '@/lib/accessions/queries';
import { renewalState } from '@/lib/terms/renewal';
import { listSignatoryPeriods } from '@/lib/progress/reports';
import { can } from '@/lib/authz';
import { accessionIs } from '@/lib/authz/workflow';
import { StatusBadge } from '@/components/status-badge';
import { SignOutButton } from '@/components/forms/sign-out-button';
import { HistorySection } from '@/components/accession/history-section';
import { AccessionNotices } from '@/components/secretary/accession-notices';
import { JoinSteps } from '@/components/secretary/join-steps';
import { DecisionSection, decisionValuesOf } from '@/components/secretary/decision-section';
import { AccessionDocuments, SubmitAccession } from '@/components/secretary/accession-documents';
import { ReportPeriods } from '@/components/secretary/report-periods';

export const dynamic = 'force-dynamic';
export const generateMetadata = privatePageMetadata('secretary.title');

export default async function SecretaryPage({ params }: { params: Promise<{ locale: string; slug: string }> }) {
  const { locale, t } = await pageLocale(params);
  const { slug } = await params;
  const user = await requirePageUser(locale, `/${locale}/secretary/${slug}`);
  const municipality = await findMunicipalityPublic(slug);
  if (!municipality) notFound();
  requirePagePermission(user, 'secretary.view', { municipalityId: municipality.id });
  const { term, accession } = await findSecretaryAccession({ actor: user, municipalitySlug: slug });
  const periods = await listSignatoryPeriods({ actor: user, municipalityId: municipality.id });
  const renewal = term ? await renewalState({ actor: user, municipalityId: municipality.id, term }) : null;
  const status = accession?.status ?? 'NONE';
  const isDraftable = !accession || accessionIs('editable', accession.status);
  const editable = isDraftable && renewal?.inTerm !== false;
  const mayEdit = editable && can(user, 'accession.record', { municipalityId: municipality.id });
  const hasDecisionDoc = Boolean(accession?.documents.some((d) => d.kind === 'DECISION'));
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold">
          {t('secretary.title')}: <span data-testid="secretary-municipality">{municipality.nameLv}</span>
        </h1>
        <SignOutButton locale={locale} label={t('nav.signOut')} />
      </div>
      <p>{t('secretary.lead')}</p>
      {!term ? (
        <p>{t('accession.noCurrentTerm')}</p>
      ) : (
        <>
          <p className="flex flex-wrap items-center gap-3" data-testid="accession-status">
            {t('secretary.currentStatus', { term: term.label })} <StatusBadge status={status} t={t} />
          </p>
          <AccessionNotices
            accession={accession}
            renewal={renewal}
            isDraftable={isDraftable}
            municipalityName={municipality.nameLv}
            termLabel={term.label}
            t={t}
          />
          <JoinSteps status={status} hasDecisionDoc={hasDecisionDoc} hasDecisionFacts={Boolean(accession?.decisionNumber && accession.sessionDate)} t={t} />
          <DecisionSection
            slug={slug}
            values={decisionValuesOf(accession, municipality.officialNameLv)}
            mayEdit={mayEdit}
            recorded={Boolean(accession)}
            locale={locale}
            t={t}
          />
          {accession ? <AccessionDocuments slug={slug} accession={accession} mayEdit={mayEdit} locale={locale} t={t} /> : null}
          {accession && mayEdit ? <SubmitAccession slug={slug} version={accession.version} hasDecisionDoc={hasDecisionDoc} locale={locale} t={t} /> : null}
          {periods.length > 0 ? <ReportPeriods slug={slug} periods={periods} locale={locale} t={t} /> : null}
          {accession && accession.events.length > 0 ? <HistorySection events={accession.events} locale={locale} t={t} /> : null}
        </>
      )}
    </div>
  );
}

import { notFound } from 'next/navigation';
import { pageLocale, privatePageMetadata } from '@/lib/i18n/page';
import { requirePagePermission, requirePageUser } from '@/lib/auth/guard';
import { findMunicipalityPublic } from '@/lib/municipalities/queries';
import { findSecretaryAccession } from '@/lib/accessions/workflow';
import { renewalState } from '@/lib/terms/renewal';
import { StatusBadge } from '@/components/status-badge';
import { AccessionHistory } from '@/components/accession/history';
import { SignOutButton } from '@/components/forms/sign-out-button';
import { ActionForm } from '@/components/forms/action-form';
import { DecisionForm } from '@/components/accession/decision-form';
import { UploadWidget } from '@/components/accession/upload-widget';
import { DocumentList } from '@/components/accession/document-list';
import { listSignatoryPeriods } from '@/lib/progress/reports';
import { formatDate } from '@/lib/i18n';
import { councilBodyOf } from '@/lib/accessions/council-body';
import { Steps } from '@/components/steps';
import Link from 'next/link';
import { rigaIsoDay } from '@/lib/dates';
import { now as clockNow } from '@/lib/clock';
import { can } from '@/lib/authz';
import { accessionIs } from '@/lib/authz/workflow';

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
  const canSecretaryAct = can(user, 'accession.record', { municipalityId: municipality.id });
  const hasDecisionDoc = Boolean(accession?.documents.some((d) => d.kind === 'DECISION'));
  const values = {
    // Prefilled with the council's usual name (lib/accessions/council-body), which the secretary may change.
    councilBody: accession?.councilBody ?? councilBodyOf(municipality.officialNameLv) ?? '',
    sessionDate: accession?.sessionDate ? accession.sessionDate.toISOString().slice(0, 10) : '',
    sessionType: accession?.sessionType === 'REGULAR' || accession?.sessionType === 'EXTRAORDINARY' ? accession.sessionType : ('' as const),
    decisionNumber: accession?.decisionNumber ?? '',
    agendaItem: accession?.agendaItem ?? '',
    signatoryName: accession?.signatoryName ?? '',
    signatoryRole: accession?.signatoryRole ?? '',
  };
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
          {renewal && !renewal.inTerm ? (
            <p className="rounded border border-wait bg-wait-bg p-3" data-testid="not-in-term">
              {t('terms.notInTerm', { successor: renewal.successor?.nameLv ?? t('common.unknown') })}
            </p>
          ) : null}
          {renewal?.inTerm && renewal.joinedPreviously && isDraftable ? (
            <p className="rounded border border-prev bg-prev-bg p-3" data-testid="renewal-banner">
              {t('terms.renewBanner', { name: municipality.nameLv, previous: renewal.joinedPreviously, term: term.label })}
            </p>
          ) : null}
          {accession?.status === 'RETURNED' && accession.returnReason ? (
            <p role="alert" className="rounded border border-bad bg-bad-bg p-3 text-bad" data-testid="return-reason">
              {t('accession.returnedBecause', { reason: accession.returnReason })}
            </p>
          ) : null}
          {accession?.status === 'SUBMITTED' ? <p className="rounded border border-wait bg-wait-bg p-3">{t('accession.lockedSubmitted')}</p> : null}
          {accession?.status === 'VERIFIED' ? <p className="rounded border border-ok bg-ok-bg p-3">{t('accession.lockedVerified')}</p> : null}
          {accession?.status === 'WITHDRAWN' ? <p className="rounded border border-bad bg-bad-bg p-3">{t('accession.lockedWithdrawn')}</p> : null}

          <Steps
            testId="join-steps"
            label={t('secretaryYear.joinSteps')}
            steps={[
              t('secretaryYear.joinStep1'),
              t('secretaryYear.joinStep2'),
              t('secretaryYear.joinStep3'),
              t('secretaryYear.joinStep4'),
              t('secretaryYear.joinStep5'),
            ]}
            current={status === 'VERIFIED' ? 5 : status === 'SUBMITTED' ? 4 : hasDecisionDoc ? 3 : accession?.decisionNumber && accession.sessionDate ? 1 : 0}
            words={{ done: t('secretaryYear.stepDone'), current: t('secretaryYear.stepCurrent'), todo: t('secretaryYear.stepTodo') }}
          />

          <section aria-labelledby="decision" className="space-y-4">
            <h2 id="decision" className="text-2xl font-semibold">
              {t('accession.decisionHeading')}
            </h2>
            {editable && canSecretaryAct ? (
              <DecisionForm
                slug={slug}
                locale={locale}
                values={values}
                today={rigaIsoDay(clockNow())}
                labels={{
                  councilBody: t('accession.councilBody'),
                  councilBodyHint: t('accession.councilBodyHint'),
                  sessionDate: t('accession.sessionDate'),
                  sessionType: t('accession.sessionType'),
                  regular: t('sessionType.REGULAR'),
                  extraordinary: t('sessionType.EXTRAORDINARY'),
                  decisionNumber: t('accession.decisionNumber'),
                  decisionNumberHint: t('accession.decisionNumberHint'),
                  agendaItem: t('accession.agendaItem'),
                  signatoryName: t('accession.signatoryName'),
                  signatoryRole: t('accession.signatoryRole'),
                  signatoryRoleHint: t('accession.signatoryRoleHint'),
                  save: t('accession.save'),
                  saved: t('accession.saved'),
                  required: t('secretaryYear.requiredMark'),
                  sessionDateHint: t('secretaryYear.dateHint'),
                }}
              />
            ) : accession ? (
              <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
                <dt>{t('accession.councilBody')}</dt>
                <dd>{values.councilBody}</dd>
                <dt>{t('accession.sessionDate')}</dt>
                <dd>{values.sessionDate}</dd>
                <dt>{t('accession.decisionNumber')}</dt>
                <dd>{values.decisionNumber}</dd>
                <dt>{t('accession.signatoryName')}</dt>
                <dd>
                  {values.signatoryName}, {values.signatoryRole}
                </dd>
              </dl>
            ) : null}
            {accession?.decisionNumber ? (
              <p>
                <a href={`/api/accessions/${slug}/signing-sheet?lang=${locale}`} download data-testid="signing-sheet-link">
                  {t('accession.signingSheet')}
                </a>
                <span className="block text-sm text-muted">{t('accession.signingSheetHint')}</span>
              </p>
            ) : null}
          </section>

          {accession ? (
            <section aria-labelledby="documents" className="space-y-4">
              <h2 id="documents" className="text-2xl font-semibold">
                {t('accession.documentsHeading')}
              </h2>
              <DocumentList documents={accession.documents} locale={locale} t={t} removable={editable && canSecretaryAct ? { slug } : undefined} />
              {editable && canSecretaryAct ? (
                <UploadWidget
                  endpoint={`/api/accessions/${slug}/documents`}
                  locale={locale}
                  labels={{
                    file: t('accession.uploadLabel'),
                    kind: t('accession.uploadKind'),
                    kinds: { DECISION: t('accession.kindDECISION'), ANNEX: t('accession.kindANNEX') },
                    upload: t('accession.upload'),
                    uploading: t('accession.uploading'),
                    uploaded: t('accession.uploaded'),
                    aborted: t('upload.aborted'),
                  }}
                />
              ) : null}
            </section>
          ) : null}

          {accession && editable && canSecretaryAct ? (
            <section aria-labelledby="submit" className="space-y-2">
              <h2 id="submit" className="text-2xl font-semibold">
                {t('accession.submit')}
              </h2>
              {!hasDecisionDoc ? <p>{t('accession.needDecisionDocument')}</p> : null}
              <ActionForm
                url={`/api/accessions/${slug}/submit`}
                locale={locale}
                version={accession.version}
                submitLabel={t('accession.submit')}
                successText={t('accession.submitted')}
                testId="submit-form"
                confirm={{
                  heading: t('secretaryYear.submitDecisionHeading'),
                  consequence: t('secretaryYear.submitDecisionText'),
                  confirmLabel: t('secretaryYear.submitDecisionConfirm'),
                  cancelLabel: t('secretaryYear.cancel'),
                }}
              />
            </section>
          ) : null}

          {periods.length > 0 ? (
            <section aria-labelledby="reports" className="space-y-2">
              <h2 id="reports" className="text-2xl font-semibold">
                {t('progress.reportsHeading')}
              </h2>
              <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="reports">
                <table className="data" data-testid="report-periods">
                  <caption className="sr-only">{t('secretaryYear.reportsTable')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('secretaryYear.colYear')}</th>
                      <th scope="col">{t('secretaryYear.colState')}</th>
                      <th scope="col">{t('secretaryYear.colDue')}</th>
                      <th scope="col">{t('secretaryYear.colOverdue')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {periods.map((p) => {
                      const latest = p.reports[0];
                      // Overdue as lib/progress/deadlines defines it (owed, past the due date, nothing submitted or accepted).
                      const overdue = p.overdue;
                      return (
                        <tr key={`${p.term.slug}-${p.year}`} data-year={p.year} data-overdue={overdue ? 'yes' : 'no'}>
                          <th scope="row" className="font-normal">
                            <Link href={`/${locale}/secretary/${slug}/reports/${p.year}`}>{t('progress.reportFor', { year: p.year })}</Link>
                          </th>
                          <td>
                            {latest
                              ? `${t(`progress.status_${latest.status}`)} · ${t('progress.revision', { n: latest.revision })}`
                              : t('secretaryYear.notStarted')}
                          </td>
                          <td>{formatDate(locale, p.dueOn)}</td>
                          <td>
                            {overdue ? (
                              <strong className="rounded bg-bad-bg px-2 py-0.5 text-bad">{t('secretaryYear.overdue')}</strong>
                            ) : (
                              t('secretaryYear.notOverdue')
                            )}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            </section>
          ) : null}

          {accession && accession.events.length > 0 ? (
            <section aria-labelledby="history">
              <h2 id="history" className="text-2xl font-semibold">
                {t('accession.history')}
              </h2>
              <AccessionHistory events={accession.events} locale={locale} t={t} />
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}

import Link from 'next/link';
import { pageLocale, privatePageMetadata } from '@/lib/i18n/page';
import { formatDate, formatDateTime } from '@/lib/i18n';
import { requirePagePermission, requirePageUser } from '@/lib/auth/guard';
import { listMunicipalityOptions } from '@/lib/municipalities/queries';
import { loadTermOverview } from '@/lib/municipalities/overview';
import { listInvitations } from '@/lib/users/invitations';
import { listVerificationQueue } from '@/lib/accessions/workflow';
import { listOverdueReports, listReportsForReview } from '@/lib/progress/reports';
import { StatusBadge } from '@/components/status-badge';
import { InviteForm } from '@/components/forms/invite-form';
import { SignOutButton } from '@/components/forms/sign-out-button';

export const dynamic = 'force-dynamic';

export const generateMetadata = privatePageMetadata('staff.title');

const STATE_KEY = { valid: 'invite.statePending', used: 'invite.stateAccepted', expired: 'invite.stateExpired', revoked: 'invite.stateRevoked', invalid: 'invite.invalid' } as const;

export default async function StaffPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t } = await pageLocale(params);
  const user = await requirePageUser(locale, `/${locale}/staff`);
  requirePagePermission(user, 'staff.view');
  const [overview, options, invitations, queue, reports, overdue] = await Promise.all([
    loadTermOverview(null),
    listMunicipalityOptions(),
    listInvitations({ actor: user }),
    listVerificationQueue({ actor: user }),
    listReportsForReview({ actor: user }),
    listOverdueReports({ actor: user }),
  ]);
  return (
    <div className="space-y-10">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold">{t('staff.title')}</h1>
        <SignOutButton locale={locale} label={t('nav.signOut')} />
      </div>
      <p><Link href={`/${locale}/staff/reporting`}>{t('reporting.title')}</Link></p>
      <section aria-labelledby="queue" className="space-y-3">
        <h2 id="queue" className="text-2xl font-semibold">{t('accession.queueHeading')}</h2>
        {queue.length === 0 ? <p>{t('accession.queueEmpty')}</p> : (
          <table className="data" data-testid="verification-queue">
            <thead><tr><th scope="col">{t('home.colMunicipality')}</th><th scope="col">{t('accession.submittedAt')}</th><th scope="col">{t('accession.documentsHeading')}</th><th scope="col"><span className="sr-only">{t('accession.open')}</span></th></tr></thead>
            <tbody>
              {queue.map((q) => (
                <tr key={q.id} data-slug={q.municipality.slug}>
                  <th scope="row" className="font-normal">{q.municipality.nameLv}</th>
                  <td>{formatDateTime(locale, q.submittedAt)}</td>
                  <td>{q._count.documents}</td>
                  <td><Link href={`/${locale}/staff/accessions/${q.id}`}>{t('accession.open')}<span className="sr-only">: {q.municipality.nameLv}</span></Link></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="report-queue" className="space-y-3">
        <h2 id="report-queue" className="text-2xl font-semibold">{t('progress.reviewQueue')}</h2>
        {reports.length === 0 ? <p>{t('progress.reviewQueueEmpty')}</p> : (
          <ul className="list-inside list-disc" data-testid="report-queue">
            {reports.map((r) => (
              <li key={r.id} data-slug={r.municipality.slug}>
                <Link href={`/${locale}/staff/reports/${r.id}`}>{t('progress.editorTitle', { name: r.municipality.nameLv, year: r.period.year })}</Link>
                {' · '}{formatDateTime(locale, r.submittedAt)}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="overdue" className="space-y-3">
        <h2 id="overdue" className="text-2xl font-semibold">{t('progress.overdueHeading')} ({overdue.length})</h2>
        {overdue.length === 0 ? <p>{t('progress.overdueNone')}</p> : (
          <table className="data" data-testid="overdue-reports">
            <thead><tr><th scope="col">{t('home.colMunicipality')}</th><th scope="col">{t('progress.year')}</th><th scope="col">{t('progress.dueColumn')}</th></tr></thead>
            <tbody>
              {overdue.map((o) => (
                <tr key={`${o.municipality.slug}-${o.year}`} data-slug={o.municipality.slug}><th scope="row" className="font-normal">{o.municipality.nameLv}</th><td>{o.year}</td><td>{formatDate(locale, o.dueOn)}</td></tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="invite" className="space-y-4">
        <h2 id="invite" className="text-2xl font-semibold">{t('invite.newTitle')}</h2>
        <InviteForm
          locale={locale}
          municipalities={options}
          labels={{ email: t('invite.colEmail'), name: t('invite.name'), municipality: t('invite.municipality'), choose: t('invite.chooseMunicipality'), send: t('invite.send'), created: t('invite.created') }}
        />
      </section>
      <section aria-labelledby="invitations" className="space-y-3">
        <h2 id="invitations" className="text-2xl font-semibold">{t('invite.listTitle')}</h2>
        {invitations.length === 0 ? <p>{t('invite.none')}</p> : (
          <table className="data">
            <thead><tr><th scope="col">{t('invite.colEmail')}</th><th scope="col">{t('invite.colMunicipality')}</th><th scope="col">{t('invite.colState')}</th><th scope="col">{t('invite.colExpires')}</th></tr></thead>
            <tbody>
              {invitations.map((i) => (
                <tr key={i.id}><td>{i.email}</td><td>{i.municipality?.nameLv ?? ''}</td><td>{t(STATE_KEY[i.state])}</td><td>{formatDateTime(locale, i.expiresAt)}</td></tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="municipalities" className="space-y-3">
        <h2 id="municipalities" className="text-2xl font-semibold">{t('staff.municipalitiesHeading')}{overview ? ` · ${overview.term.label}` : ''}</h2>
        <table className="data">
          <thead><tr><th scope="col">{t('home.colMunicipality')}</th><th scope="col">{t('home.colStatus')}</th></tr></thead>
          <tbody>
            {(overview?.rows ?? []).map((r) => (
              <tr key={r.slug}><th scope="row" className="font-normal"><Link href={`/${locale}/municipalities/${r.slug}`}>{r.nameLv}</Link></th><td><StatusBadge status={r.status} t={t} /></td></tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

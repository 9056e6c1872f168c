import Link from 'next/link';
import { pageLocale, privatePageMetadata } from '@/lib/i18n/page';
import { formatDate, formatDateTime } from '@/lib/i18n';
import { requirePagePermission, requirePageUser } from '@/lib/auth/guard';
import { listTermsForStaff, listEndedUnits } from '@/lib/terms/open';
import { StaffNav } from '@/components/staff-nav';
import { OpenTermForm } from '@/components/terms/open-term-form';

export const dynamic = 'force-dynamic';

export const generateMetadata = privatePageMetadata('terms.title');

export default async function TermsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t } = await pageLocale(params);
  const user = await requirePageUser(locale, `/${locale}/staff/terms`);
  requirePagePermission(user, 'term.manage');
  const terms = await listTermsForStaff({ actor: user });
  const current = terms.find((x) => x.isCurrent);
  const next = terms.find((x) => x.canOpen);
  const ended = current ? await listEndedUnits({ actor: user, termSlug: current.slug }) : [];
  return (
    <div className="space-y-8">
      <StaffNav locale={locale} user={user} current="terms" t={t} />
      <h1 className="text-3xl font-bold">{t('terms.title')}</h1>
      <p className="max-w-3xl">{t('terms.lead')}</p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('terms.title')}>
        <table className="data" data-testid="terms-table">
          <thead>
            <tr>
              <th scope="col">{t('terms.colTerm')}</th>
              <th scope="col">{t('terms.colElection')}</th>
              <th scope="col">{t('terms.colDates')}</th>
              <th scope="col">{t('terms.colState')}</th>
              <th scope="col">{t('terms.colMunicipalities')}</th>
              <th scope="col">{t('terms.colJoined')}</th>
            </tr>
          </thead>
          <tbody>
            {terms.map((x) => (
              <tr key={x.slug} data-term={x.slug}>
                <th scope="row" className="font-normal">
                  {x.label}
                  {x.isCurrent ? ` (${t('terms.current')})` : ''}
                </th>
                <td>
                  {formatDate(locale, x.electionDay)}
                  {x.citation ? (
                    <span className="block text-sm">
                      {x.citation.url ? (
                        <a href={x.citation.url} hrefLang={x.citation.language}>
                          {x.citation.title}
                        </a>
                      ) : (
                        x.citation.title
                      )}{' '}
                      ({x.citation.publisher})
                    </span>
                  ) : null}
                </td>
                <td>
                  {formatDate(locale, x.startsOn)} – {formatDate(locale, x.endsOn)}
                </td>
                <td>{x.openedAt ? t('terms.opened', { date: formatDateTime(locale, x.openedAt) }) : t('terms.notOpened')}</td>
                <td>{x.municipalities}</td>
                <td>{x.joined}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {next ? (
        <section aria-labelledby="open-term" className="max-w-3xl space-y-3 rounded border border-gray-300 p-4">
          <h2 id="open-term" className="text-2xl font-semibold">
            {t('terms.openHeading', { term: next.label })}
          </h2>
          <p>{t('terms.openExplain', { term: next.label })}</p>
          <OpenTermForm
            slug={next.slug}
            locale={locale}
            labels={{
              confirm: t('terms.confirm', { term: next.label }),
              open: t('terms.open'),
              opened: t('terms.openedResult', { term: next.label }),
              renewHeading: t('terms.renewHeading'),
              renewNone: t('terms.renewNone'),
              invited: t('terms.invitedCount'),
              reload: t('terms.reload'),
            }}
          />
        </section>
      ) : null}
      {ended.length > 0 ? (
        <section aria-labelledby="ended" className="space-y-3">
          <h2 id="ended" className="text-2xl font-semibold">
            {t('terms.endedHeading')}
          </h2>
          <ul className="list-inside list-disc space-y-2" data-testid="ended-units">
            {ended.map((e) => (
              <li key={e.slug} data-slug={e.slug}>
                <Link href={`/${locale}/municipalities/${e.slug}`}>{e.nameLv}</Link>
                {': '}
                {t('terms.endedItem', { name: e.nameLv, date: formatDate(locale, e.validTo), successor: e.successor?.nameLv ?? t('common.unknown') })}
                {e.secretaries.length > 0 ? (
                  <span className="block">
                    {t('terms.endedSecretaries', { emails: e.secretaries.map((s) => s.email).join(', ') })}{' '}
                    <Link href={`/${locale}/staff/users`}>{t('staff.navUsers')}</Link>
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

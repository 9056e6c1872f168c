import Link from 'next/link';
import { pageLocale } from '@/lib/i18n/page';
import { formatDate } from '@/lib/i18n';
import { findCurrentTerm, listMunicipalitiesWithStatus } from '@/lib/municipalities/queries';
import { StatusBadge } from '@/components/status-badge';

export const dynamic = 'force-dynamic';

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t } = await pageLocale(params);
  const term = await findCurrentTerm();
  const rows = term ? await listMunicipalitiesWithStatus(term) : [];
  const joined = rows.filter((r) => r.accession.status === 'VERIFIED').length;
  const awaiting = rows.filter((r) => r.accession.status === 'SUBMITTED').length;
  return (
    <div className="space-y-10">
      <section aria-labelledby="intro" className="space-y-4">
        <h1 id="intro" className="text-3xl font-bold">{t('meta.siteTitle')}</h1>
        <p className="max-w-3xl text-lg">{t('home.lead')}</p>
        <p><Link href={`/${locale}/memorandum`}>{t('home.readMemorandum')}</Link></p>
      </section>
      {!term ? (
        <p>{t('home.noTerm')}</p>
      ) : (
        <>
          <section aria-labelledby="term" className="space-y-4">
            <h2 id="term" className="text-2xl font-semibold">{t('home.termHeading', { term: term.label })}</h2>
            <dl className="flex flex-wrap gap-8" data-testid="counters">
              <div>
                <dt className="text-sm text-muted">{t('home.counterJoined')}</dt>
                <dd className="text-3xl font-bold"><span data-testid="joined-count">{joined}</span> <span className="text-base font-normal">{t('home.counterOf', { total: rows.length })}</span></dd>
              </div>
              <div>
                <dt className="text-sm text-muted">{t('home.counterAwaiting')}</dt>
                <dd className="text-3xl font-bold">{awaiting}</dd>
              </div>
            </dl>
          </section>
          <section aria-labelledby="list" className="space-y-3">
            <h2 id="list" className="text-2xl font-semibold">{t('home.listHeading')}</h2>
            <table className="data" data-testid="municipality-table">
              <thead>
                <tr>
                  <th scope="col">{t('home.colMunicipality')}</th>
                  <th scope="col">{t('home.colType')}</th>
                  <th scope="col">{t('home.colStatus')}</th>
                  <th scope="col">{t('home.colDecision')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.slug} data-slug={r.slug}>
                    <th scope="row" className="font-normal"><Link href={`/${locale}/municipalities/${r.slug}`}>{r.nameLv}</Link></th>
                    <td>{t(`municipalityType.${r.type}`)}</td>
                    <td><StatusBadge status={r.accession.status} t={t} />{r.accession.isDemo ? <span className="ml-2 text-xs font-bold">{t('common.demo')}</span> : null}</td>
                    <td>
                      {r.accession.status === 'VERIFIED' || r.accession.status === 'WITHDRAWN'
                        ? [r.accession.decisionNumber ? `Nr. ${r.accession.decisionNumber}` : null, formatDate(locale, r.accession.sessionDate, { yearInferred: r.accession.sessionYearInferred })].filter(Boolean).join(', ')
                        : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </div>
  );
}

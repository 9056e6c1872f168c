import Link from 'next/link';
import { pageLocale, privatePageMetadata } from '@/lib/i18n/page';
import { formatDate, formatNumber } from '@/lib/i18n';
import { requirePagePermission, requirePageUser } from '@/lib/auth/guard';
import { findCurrentTerm } from '@/lib/municipalities/queries';
import { listNorms, listPeriods } from '@/lib/progress/settings';
import { SimpleForm } from '@/components/forms/simple-form';

export const dynamic = 'force-dynamic';
export const generateMetadata = privatePageMetadata('reporting.title');

export default async function ReportingSettingsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t } = await pageLocale(params);
  const user = await requirePageUser(locale, `/${locale}/staff/reporting`);
  requirePagePermission(user, 'reporting.manage');
  const term = await findCurrentTerm();
  const [periods, norms] = await Promise.all([term ? listPeriods({ actor: user, termSlug: term.slug }) : Promise.resolve([]), listNorms()]);
  return (
    <div className="space-y-10">
      <p>
        <Link href={`/${locale}/staff`}>← {t('staff.title')}</Link>
      </p>
      <h1 className="text-3xl font-bold">{t('reporting.title')}</h1>
      {term ? (
        <section aria-labelledby="periods" className="space-y-4">
          <h2 id="periods" className="text-2xl font-semibold">
            {t('reporting.periods', { term: term.label })}
          </h2>
          <table className="data" data-testid="periods">
            <thead>
              <tr>
                <th scope="col">{t('progress.year')}</th>
                <th scope="col">{t('reporting.covers')}</th>
                <th scope="col">{t('progress.dueColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {periods.map((p) => (
                <tr key={p.id}>
                  <td>{p.year}</td>
                  <td>
                    {formatDate(locale, p.startsOn)} – {formatDate(locale, p.endsOn)}
                  </td>
                  <td>{formatDate(locale, p.dueOn)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3 className="text-lg font-semibold">{t('reporting.setPeriod')}</h3>
          <SimpleForm
            url={`/api/staff/terms/${term.slug}/periods`}
            method="PUT"
            locale={locale}
            testId="period-form"
            submitLabel={t('common.save')}
            successText={t('accession.saved')}
            fields={[
              { name: 'year', label: t('progress.year'), type: 'number' },
              { name: 'dueOn', label: t('progress.dueColumn'), type: 'date' },
            ]}
          />
        </section>
      ) : null}
      <section aria-labelledby="norms" className="space-y-4">
        <h2 id="norms" className="text-2xl font-semibold">
          {t('reporting.norms')}
        </h2>
        <p className="max-w-3xl">{t('reporting.normsLead')}</p>
        {norms.length === 0 ? (
          <p>{t('progress.normUnknown')}</p>
        ) : (
          <table className="data" data-testid="norms">
            <thead>
              <tr>
                <th scope="col">{t('reporting.validFrom')}</th>
                <th scope="col">{t('reporting.value')}</th>
                <th scope="col">{t('common.source')}</th>
              </tr>
            </thead>
            <tbody>
              {norms.map((n) => (
                <tr key={n.id}>
                  <td>
                    {formatDate(locale, n.validFrom)}
                    {n.validTo ? ` – ${formatDate(locale, n.validTo)}` : ''}
                  </td>
                  <td>{formatNumber(locale, Number(n.value), 3)}</td>
                  <td>
                    <a href={n.sourceUrl} rel="noopener">
                      {n.citation}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <SimpleForm
          url="/api/staff/norms"
          locale={locale}
          testId="norm-form"
          submitLabel={t('common.save')}
          successText={t('accession.saved')}
          fields={[
            { name: 'validFrom', label: t('reporting.validFrom'), type: 'date' },
            { name: 'value', label: t('reporting.value'), type: 'number' },
            { name: 'citation', label: t('reporting.citation'), hint: t('reporting.citationHint') },
            { name: 'sourceUrl', label: t('reporting.sourceUrl'), type: 'url' },
          ]}
        />
      </section>
    </div>
  );
}

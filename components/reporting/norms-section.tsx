import { formatDate, formatNumber, type Locale, type Translate } from '@/lib/i18n';
import type { listNorms } from '@/lib/progress/settings';
import { SimpleForm } from '@/components/forms/simple-form';
import { DataTable } from '@/components/ui/data-table';
import { Section } from '@/components/ui/section';

/** The legal minimum of social work specialists per 1 000 residents, dated, with its citation, and the form that adds one. */
export function NormsSection({ norms, locale, t }: { norms: Awaited<ReturnType<typeof listNorms>>; locale: Locale; t: Translate }) {
  return (
    <Section id="norms" heading={t('reporting.norms')} className="space-y-4">
      <p className="max-w-3xl">{t('reporting.normsLead')}</p>
      {norms.length === 0 ? (
        <p>{t('progress.normUnknown')}</p>
      ) : (
        <DataTable scroll={false} testId="norms" columns={[t('reporting.validFrom'), t('reporting.value'), t('common.source')]}>
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
        </DataTable>
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
    </Section>
  );
}

import { formatDate, type Locale, type Translate } from '@/lib/i18n';
import type { findCurrentTerm } from '@/lib/municipalities/queries';
import type { listPeriods } from '@/lib/progress/settings';
import { SimpleForm } from '@/components/forms/simple-form';
import { DataTable } from '@/components/ui/data-table';
import { Section } from '@/components/ui/section';

type Term = NonNullable<Awaited<ReturnType<typeof findCurrentTerm>>>;

/** The current term's reporting years (what each covers, when it is due) and the form that sets a year's due date. */
export function PeriodsSection({ term, periods, locale, t }: { term: Term; periods: Awaited<ReturnType<typeof listPeriods>>; locale: Locale; t: Translate }) {
  return (
    <Section id="periods" heading={t('reporting.periods', { term: term.label })} className="space-y-4">
      <DataTable scroll={false} testId="periods" columns={[t('progress.year'), t('reporting.covers'), t('progress.dueColumn')]}>
        {periods.map((p) => (
          <tr key={p.id}>
            <td>{p.year}</td>
            <td>
              {formatDate(locale, p.startsOn)} – {formatDate(locale, p.endsOn)}
            </td>
            <td>{formatDate(locale, p.dueOn)}</td>
          </tr>
        ))}
      </DataTable>
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
    </Section>
  );
}

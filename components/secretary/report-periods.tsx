import Link from 'next/link';
import { formatDate, type Locale, type Translate } from '@/lib/i18n';
import type { listSignatoryPeriods } from '@/lib/progress/reports';
import { DataTable } from '@/components/ui/data-table';
import { Section } from '@/components/ui/section';

type Period = Awaited<ReturnType<typeof listSignatoryPeriods>>[number];

/** The secretary's reporting years: each year's latest report state, due date, and whether it is overdue. */
export function ReportPeriods({ slug, periods, locale, t }: { slug: string; periods: Period[]; locale: Locale; t: Translate }) {
  return (
    <Section id="reports" heading={t('progress.reportsHeading')} className="space-y-2">
      <DataTable
        labelledBy="reports"
        testId="report-periods"
        caption={t('secretaryYear.reportsTable')}
        columns={[t('secretaryYear.colYear'), t('secretaryYear.colState'), t('secretaryYear.colDue'), t('secretaryYear.colOverdue')]}
      >
        {periods.map((p) => {
          const latest = p.reports[0];
          // Overdue as lib/progress/deadlines defines it (owed, past the due date, nothing submitted or accepted).
          const overdue = p.overdue;
          return (
            <tr key={`${p.term.slug}-${p.year}`} data-year={p.year} data-overdue={overdue ? 'yes' : 'no'}>
              <th scope="row" className="font-normal">
                <Link href={`/${locale}/secretary/${slug}/reports/${p.year}`}>{t('progress.reportFor', { year: p.year })}</Link>
              </th>
              <td>{latest ? `${t(`progress.status_${latest.status}`)} · ${t('progress.revision', { n: latest.revision })}` : t('secretaryYear.notStarted')}</td>
              <td>{formatDate(locale, p.dueOn)}</td>
              <td>
                {overdue ? <strong className="rounded bg-bad-bg px-2 py-0.5 text-bad">{t('secretaryYear.overdue')}</strong> : t('secretaryYear.notOverdue')}
              </td>
            </tr>
          );
        })}
      </DataTable>
    </Section>
  );
}

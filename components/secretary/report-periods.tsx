import Link from 'next/link';
import { formatDate, type Locale, type Translate } from '@/lib/i18n';
import type { listSignatoryPeriods } from '@/lib/progress/reports';
import { DataTable } from '@/components/ui/data-table';
import { Section } from '@/components/ui/section';
import { reportLabel, reportPath } from '@/lib/progress/period-label';

type Period = Awaited<ReturnType<typeof listSignatoryPeriods>>[number];

/**
 * The secretary's reporting periods, each labelled and addressed by term and year (ADR 0215): the latest report's
 * state, the due date and whether it is overdue; a period the one rule (lib/progress/deadlines) does not owe says
 * "not owed", with no due date and no overdue flag (a voluntary report may still be filled in).
 */
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
            <tr
              key={`${p.termSlug}-${p.year}`}
              data-year={p.year}
              data-term={p.termSlug}
              data-owed={p.owed ? 'yes' : 'no'}
              data-overdue={overdue ? 'yes' : 'no'}
            >
              <th scope="row" className="font-normal">
                <Link href={reportPath(locale, slug, p)}>{reportLabel(locale, t, p)}</Link>
              </th>
              <td>
                {latest
                  ? `${t(`progress.status_${latest.status}`)} · ${t('progress.revision', { n: latest.revision })}`
                  : p.owed
                    ? t('secretaryYear.notStarted')
                    : t('reports.notOwed')}
              </td>
              <td>{p.owed ? formatDate(locale, p.dueOn) : t('reports.notOwed')}</td>
              <td>
                {overdue ? (
                  <strong className="rounded bg-bad-bg px-2 py-0.5 text-bad">{t('secretaryYear.overdue')}</strong>
                ) : p.owed ? (
                  t('secretaryYear.notOverdue')
                ) : (
                  t('reports.noDeadline')
                )}
              </td>
            </tr>
          );
        })}
      </DataTable>
    </Section>
  );
}

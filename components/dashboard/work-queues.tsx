import type { ReactNode } from 'react';
import { DataTable } from '@/components/ui/data-table';
import { formatDate, formatDateTime, formatNumber, type Locale, type Translate } from '@/lib/i18n';
import type { WorkQueues } from '@/lib/dashboard/queues';
import type { ReportDeadline } from '@/lib/progress/deadlines';
import { reportTitle } from '@/lib/progress/period-label';
import { DemoLabel } from '@/components/demo-label';

/** The staff work queues: verifications, report reviews, returned items, reports due soon and overdue (plain links, as in ./matrix-table.tsx). */
export function WorkQueueSections({ queues, dueSoonDays, locale, t }: { queues: WorkQueues; dueSoonDays: number; locale: Locale; t: Translate }) {
  const { verifications, reviews, returned, dueSoon, overdue, totals } = queues;
  const counts = (queue: keyof WorkQueues['totals']) => ({ shown: queues[queue].length, total: totals[queue] });
  return (
    <>
      <QueueSection t={t} id="queue" heading={t('accession.queueHeading')} empty={t('accession.queueEmpty')} {...counts('verifications')}>
        <DataTable
          labelledBy="queue"
          testId="verification-queue"
          columns={[
            t('home.colMunicipality'),
            t('accession.submittedAt'),
            t('accession.documentsHeading'),
            <span className="sr-only">{t('accession.open')}</span>,
          ]}
        >
          {verifications.map((q) => (
            <tr key={q.id} data-slug={q.municipality.slug}>
              <RowName name={q.municipality.nameLv} demo={<DemoLabel isDemo={q.isDemo} t={t} />} />
              <td>{formatDateTime(locale, q.submittedAt)}</td>
              <td>{q._count.documents}</td>
              <td>
                <a href={`/${locale}/staff/accessions/${q.id}`}>
                  {t('accession.open')}
                  <span className="sr-only">: {q.municipality.nameLv}</span>
                </a>
              </td>
            </tr>
          ))}
        </DataTable>
      </QueueSection>
      <QueueSection t={t} id="report-queue" heading={t('progress.reviewQueue')} empty={t('progress.reviewQueueEmpty')} {...counts('reviews')}>
        <ul className="list-inside list-disc" data-testid="report-queue">
          {reviews.map((r) => (
            <li key={r.id} data-slug={r.municipality.slug}>
              <a href={`/${locale}/staff/reports/${r.id}`}>{reportTitle(locale, t, r.municipality.nameLv, r.period)}</a>
              {' · '}
              {formatDateTime(locale, r.submittedAt)} <DemoLabel isDemo={r.isDemo} t={t} />
            </li>
          ))}
        </ul>
      </QueueSection>
      <QueueSection t={t} id="returned" heading={t('dashboard.returnedHeading')} empty={t('dashboard.returnedEmpty')} {...counts('returned')}>
        <DataTable
          labelledBy="returned"
          testId="returned-items"
          columns={[t('home.colMunicipality'), t('dashboard.colItem'), t('dashboard.colReason'), t('dashboard.colUpdated')]}
        >
          {returned.map((r) => (
            <tr key={`${r.kind}-${r.id}`} data-slug={r.municipality.slug} data-kind={r.kind}>
              <RowName name={r.municipality.nameLv} />
              <td>
                <a href={r.kind === 'ACCESSION' ? `/${locale}/staff/accessions/${r.id}` : `/${locale}/staff/reports/${r.id}`}>
                  {r.kind === 'ACCESSION' ? t('dashboard.itemACCESSION', { term: r.termLabel ?? '' }) : t('dashboard.itemREPORT', { year: r.year ?? '' })}
                </a>
              </td>
              <td className="max-w-md break-words">{r.reason ?? t('common.unknown')}</td>
              <td>{formatDateTime(locale, r.updatedAt)}</td>
            </tr>
          ))}
        </DataTable>
      </QueueSection>
      <QueueSection
        t={t}
        id="due-soon"
        heading={t('dashboard.dueSoonHeading', { days: dueSoonDays })}
        empty={t('dashboard.dueSoonEmpty', { days: dueSoonDays })}
        {...counts('dueSoon')}
      >
        <DeadlineTable
          id="due-soon"
          testId="due-soon-reports"
          rows={dueSoon}
          daysColumn={t('dashboard.colDaysLeft')}
          days={(d) => d.daysRemaining}
          locale={locale}
          t={t}
        />
      </QueueSection>
      <QueueSection
        t={t}
        id="overdue"
        heading={t('progress.overdueHeading')}
        empty={t('progress.overdueNone')}
        {...counts('overdue')}
        note={
          <p className="text-sm" data-testid="owed-rule-staff">
            {t('terms.owedRule')}
          </p>
        }
      >
        <DeadlineTable
          id="overdue"
          testId="overdue-reports"
          rows={overdue}
          daysColumn={t('dashboard.colDaysOverdue')}
          days={(d) => -d.daysRemaining}
          locale={locale}
          t={t}
        />
      </QueueSection>
    </>
  );
}

/** One queue: its heading with the total, an optional note, the items (or a line saying there are none), and "first N of M" when cut. */
function QueueSection({
  id,
  heading,
  note,
  empty,
  shown,
  total,
  t,
  children,
}: {
  id: string;
  heading: string;
  note?: ReactNode;
  empty: string;
  shown: number;
  total: number;
  t: Translate;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h3 id={id} className="text-xl font-semibold">
        {heading} ({total})
      </h3>
      {note}
      {shown === 0 ? <p>{empty}</p> : children}
      {total > shown ? <p className="text-sm text-muted">{t('dashboard.queueShown', { shown, total })}</p> : null}
    </section>
  );
}

/** Reports due soon or overdue: municipality, year, due date and a count of days (left, or past the date). */
function DeadlineTable({
  id,
  testId,
  rows,
  daysColumn,
  days,
  locale,
  t,
}: {
  id: string;
  testId: string;
  rows: ReportDeadline[];
  daysColumn: string;
  days: (d: ReportDeadline) => number;
  locale: Locale;
  t: Translate;
}) {
  return (
    <DataTable labelledBy={id} testId={testId} columns={[t('home.colMunicipality'), t('progress.year'), t('progress.dueColumn'), daysColumn]}>
      {rows.map((d) => (
        <tr key={`${d.municipality.slug}-${d.year}`} data-slug={d.municipality.slug}>
          <RowName name={d.municipality.nameLv} />
          <td>{d.year}</td>
          <td>{formatDate(locale, d.dueOn)}</td>
          <td>{formatNumber(locale, days(d))}</td>
        </tr>
      ))}
    </DataTable>
  );
}

function RowName({ name, demo }: { name: string; demo?: ReactNode }) {
  return (
    <th scope="row" className="font-normal">
      {name}
      {demo ? <> {demo}</> : null}
    </th>
  );
}

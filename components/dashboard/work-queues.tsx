import { formatDate, formatDateTime, formatNumber, type Locale, type Translate } from '@/lib/i18n';
import type { WorkQueues } from '@/lib/dashboard/queues';
import { DemoLabel } from '@/components/demo-label';

/** The staff work queues: verifications, report reviews, returned items, reports due soon and overdue (plain links, as in ./matrix-table.tsx). */
export function WorkQueueSections({ queues, dueSoonDays, locale, t }: { queues: WorkQueues; dueSoonDays: number; locale: Locale; t: Translate }) {
  const { verifications, reviews, returned, dueSoon, overdue, totals } = queues;
  const more = (shown: number, total: number) => (total > shown ? <p className="text-sm text-muted">{t('dashboard.queueShown', { shown, total })}</p> : null);
  return (
    <>
      <section aria-labelledby="queue" className="space-y-3">
        <h3 id="queue" className="text-xl font-semibold">
          {t('accession.queueHeading')} ({totals.verifications})
        </h3>
        {verifications.length === 0 ? (
          <p>{t('accession.queueEmpty')}</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="queue">
            <table className="data" data-testid="verification-queue">
              <thead>
                <tr>
                  <th scope="col">{t('home.colMunicipality')}</th>
                  <th scope="col">{t('accession.submittedAt')}</th>
                  <th scope="col">{t('accession.documentsHeading')}</th>
                  <th scope="col">
                    <span className="sr-only">{t('accession.open')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {verifications.map((q) => (
                  <tr key={q.id} data-slug={q.municipality.slug}>
                    <th scope="row" className="font-normal">
                      {q.municipality.nameLv} <DemoLabel isDemo={q.isDemo} t={t} />
                    </th>
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
              </tbody>
            </table>
          </div>
        )}
        {more(verifications.length, totals.verifications)}
      </section>
      <section aria-labelledby="report-queue" className="space-y-3">
        <h3 id="report-queue" className="text-xl font-semibold">
          {t('progress.reviewQueue')} ({totals.reviews})
        </h3>
        {reviews.length === 0 ? (
          <p>{t('progress.reviewQueueEmpty')}</p>
        ) : (
          <ul className="list-inside list-disc" data-testid="report-queue">
            {reviews.map((r) => (
              <li key={r.id} data-slug={r.municipality.slug}>
                <a href={`/${locale}/staff/reports/${r.id}`}>{t('progress.editorTitle', { name: r.municipality.nameLv, year: r.period.year })}</a>
                {' · '}
                {formatDateTime(locale, r.submittedAt)} <DemoLabel isDemo={r.isDemo} t={t} />
              </li>
            ))}
          </ul>
        )}
        {more(reviews.length, totals.reviews)}
      </section>
      <section aria-labelledby="returned" className="space-y-3">
        <h3 id="returned" className="text-xl font-semibold">
          {t('dashboard.returnedHeading')} ({totals.returned})
        </h3>
        {returned.length === 0 ? (
          <p>{t('dashboard.returnedEmpty')}</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="returned">
            <table className="data" data-testid="returned-items">
              <thead>
                <tr>
                  <th scope="col">{t('home.colMunicipality')}</th>
                  <th scope="col">{t('dashboard.colItem')}</th>
                  <th scope="col">{t('dashboard.colReason')}</th>
                  <th scope="col">{t('dashboard.colUpdated')}</th>
                </tr>
              </thead>
              <tbody>
                {returned.map((r) => (
                  <tr key={`${r.kind}-${r.id}`} data-slug={r.municipality.slug} data-kind={r.kind}>
                    <th scope="row" className="font-normal">
                      {r.municipality.nameLv}
                    </th>
                    <td>
                      <a href={r.kind === 'ACCESSION' ? `/${locale}/staff/accessions/${r.id}` : `/${locale}/staff/reports/${r.id}`}>
                        {r.kind === 'ACCESSION' ? t('dashboard.itemACCESSION', { term: r.termLabel ?? '' }) : t('dashboard.itemREPORT', { year: r.year ?? '' })}
                      </a>
                    </td>
                    <td className="max-w-md break-words">{r.reason ?? t('common.unknown')}</td>
                    <td>{formatDateTime(locale, r.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {more(returned.length, totals.returned)}
      </section>
      <section aria-labelledby="due-soon" className="space-y-3">
        <h3 id="due-soon" className="text-xl font-semibold">
          {t('dashboard.dueSoonHeading', { days: dueSoonDays })} ({totals.dueSoon})
        </h3>
        {dueSoon.length === 0 ? (
          <p>{t('dashboard.dueSoonEmpty', { days: dueSoonDays })}</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="due-soon">
            <table className="data" data-testid="due-soon-reports">
              <thead>
                <tr>
                  <th scope="col">{t('home.colMunicipality')}</th>
                  <th scope="col">{t('progress.year')}</th>
                  <th scope="col">{t('progress.dueColumn')}</th>
                  <th scope="col">{t('dashboard.colDaysLeft')}</th>
                </tr>
              </thead>
              <tbody>
                {dueSoon.map((d) => (
                  <tr key={`${d.municipality.slug}-${d.year}`} data-slug={d.municipality.slug}>
                    <th scope="row" className="font-normal">
                      {d.municipality.nameLv}
                    </th>
                    <td>{d.year}</td>
                    <td>{formatDate(locale, d.dueOn)}</td>
                    <td>{formatNumber(locale, d.daysRemaining)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {more(dueSoon.length, totals.dueSoon)}
      </section>
      <section aria-labelledby="overdue" className="space-y-3">
        <h3 id="overdue" className="text-xl font-semibold">
          {t('progress.overdueHeading')} ({totals.overdue})
        </h3>
        <p className="text-sm" data-testid="owed-rule-staff">
          {t('terms.owedRule')}
        </p>
        {overdue.length === 0 ? (
          <p>{t('progress.overdueNone')}</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="overdue">
            <table className="data" data-testid="overdue-reports">
              <thead>
                <tr>
                  <th scope="col">{t('home.colMunicipality')}</th>
                  <th scope="col">{t('progress.year')}</th>
                  <th scope="col">{t('progress.dueColumn')}</th>
                  <th scope="col">{t('dashboard.colDaysOverdue')}</th>
                </tr>
              </thead>
              <tbody>
                {overdue.map((o) => (
                  <tr key={`${o.municipality.slug}-${o.year}`} data-slug={o.municipality.slug}>
                    <th scope="row" className="font-normal">
                      {o.municipality.nameLv}
                    </th>
                    <td>{o.year}</td>
                    <td>{formatDate(locale, o.dueOn)}</td>
                    <td>{formatNumber(locale, -o.daysRemaining)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {more(overdue.length, totals.overdue)}
      </section>
    </>
  );
}

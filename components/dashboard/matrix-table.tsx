import type { Locale, Translate } from '@/lib/i18n';
import { commitmentTitles } from '@/lib/memorandum/queries';
import { MAP_STATUSES } from '@/lib/municipalities/overview';
import type { CommitmentStatus } from '@/lib/dashboard/accepted';
import type { CommitmentMatrix } from '@/lib/dashboard/matrix';
import { MATRIX_PROGRESS, type MatrixSort, type TDashboardQuery } from '@/lib/schemas/dashboard';
import { StatusBadge } from '@/components/status-badge';
import { DemoLabel } from '@/components/demo-label';
import type { QueryPatch } from './dashboard-links';

/** Heat colours with a symbol and a text label (never colour alone); text on each background meets AA contrast. */
const CELL: Record<CommitmentStatus | 'NONE', { cls: string; mark: string }> = {
  ACHIEVED: { cls: 'bg-ok-bg text-ok', mark: '✓' },
  IN_PROGRESS: { cls: 'bg-wait-bg text-wait', mark: '◐' },
  NOT_STARTED: { cls: 'bg-bad-bg text-bad', mark: '○' },
  NONE: { cls: 'bg-off-bg text-off', mark: '–' },
};

export type { QueryPatch };

/**
 * The commitments × municipalities heat table with its GET filters and sortable column headers.
 * Note: its links are plain `<a>` (a full page load), not next/link: a page of the matrix has
 * ~60 links, and a client Link each cost server rendering time and payload on every request
 * (issue 14, the dashboard at 10 connections) for a prefetch staff do not need here.
 */
export function MatrixTable({
  matrix,
  total,
  query,
  locale,
  t,
  href,
}: {
  matrix: CommitmentMatrix;
  total: number;
  query: TDashboardQuery;
  locale: Locale;
  t: Translate;
  href: (patch: QueryPatch) => string;
}) {
  const titles = commitmentTitles(matrix, locale);
  const sortHeader = (column: MatrixSort, label: string, key?: string) => {
    const active = query.sort === column;
    const next = active && query.dir === 'asc' ? 'desc' : 'asc';
    return (
      <th key={key ?? column} scope="col" aria-sort={active ? (query.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
        <a
          href={href({ sort: column === 'name' ? undefined : column, dir: next === 'asc' ? undefined : next })}
          aria-label={t('dashboard.sortBy', { column: label })}
        >
          {label} <span aria-hidden="true">{active ? (query.dir === 'asc' ? '▲' : '▼') : '↕'}</span>
        </a>
      </th>
    );
  };
  return (
    <div className="space-y-4">
      <form
        method="get"
        action={`/${locale}/staff#matrix`}
        className="flex flex-wrap items-end gap-4"
        aria-label={t('dashboard.filters')}
        data-testid="matrix-filters"
      >
        {query.sort !== 'name' ? <input type="hidden" name="sort" value={query.sort} /> : null}
        {query.dir !== 'asc' ? <input type="hidden" name="dir" value={query.dir} /> : null}
        <div className="space-y-1">
          <label htmlFor="f-type" className="block text-sm font-medium">
            {t('dashboard.filterType')}
          </label>
          <select id="f-type" name="type" defaultValue={query.type ?? ''} className="rounded border border-gray-500 px-3 py-1.5">
            <option value="">{t('dashboard.anyType')}</option>
            <option value="STATE_CITY">{t('municipalityType.STATE_CITY')}</option>
            <option value="MUNICIPALITY">{t('municipalityType.MUNICIPALITY')}</option>
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="f-status" className="block text-sm font-medium">
            {t('dashboard.filterStatus')}
          </label>
          <select id="f-status" name="status" defaultValue={query.status ?? ''} className="rounded border border-gray-500 px-3 py-1.5">
            <option value="">{t('dashboard.anyStatus')}</option>
            {MAP_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="f-progress" className="block text-sm font-medium">
            {t('dashboard.filterProgress')}
          </label>
          <select id="f-progress" name="progress" defaultValue={query.progress ?? ''} className="rounded border border-gray-500 px-3 py-1.5">
            <option value="">{t('dashboard.anyProgress')}</option>
            {MATRIX_PROGRESS.map((s) => (
              <option key={s} value={s}>
                {s === 'NONE' ? t('dashboard.progressNONE') : t(`progress.cs_${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded bg-brand px-4 py-1.5 font-semibold text-white">
          {t('dashboard.apply')}
        </button>
        <a href={`/${locale}/staff#matrix`} className="py-1.5">
          {t('dashboard.reset')}
        </a>
      </form>
      <p role="status" data-testid="matrix-count">
        {(matrix.matched ?? matrix.rows.length) === 0
          ? t('dashboard.matrixEmpty')
          : t('dashboard.matrixCount', { count: matrix.matched ?? matrix.rows.length, total })}
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="matrix">
        <table className="data" data-testid="matrix">
          <caption className="sr-only">{t('dashboard.matrixCaption')}</caption>
          <thead>
            <tr>
              {sortHeader('name', t('dashboard.colMunicipality'))}
              {sortHeader('status', t('dashboard.colStatus'))}
              <th scope="col">{t('dashboard.colReport')}</th>
              {matrix.commitments.map((c) => sortHeader(`c${c.position}` as MatrixSort, titles[c.key] ?? c.key, c.key))}
            </tr>
          </thead>
          <tbody>
            {matrix.rows.map((r) => (
              <tr key={r.slug} data-testid="matrix-row" data-slug={r.slug}>
                <th scope="row" className="font-normal">
                  <a href={`/${locale}/municipalities/${r.slug}`}>{r.nameLv}</a> <DemoLabel isDemo={r.isDemo} t={t} />
                </th>
                <td>
                  <StatusBadge status={r.status} t={t} />
                </td>
                <td>
                  {r.report ? (
                    <a href={`/${locale}/staff/reports/${r.report.id}`}>{t('dashboard.reportRef', { year: r.report.year, revision: r.report.revision })}</a>
                  ) : (
                    t('dashboard.cellNone')
                  )}
                </td>
                {matrix.commitments.map((c) => {
                  const s = r.cells[c.key] ?? null;
                  const style = CELL[s ?? 'NONE'];
                  return (
                    <td key={c.key} className={style.cls} data-commitment={c.key} data-cell={s ?? 'NONE'}>
                      <span aria-hidden="true">{style.mark}</span> {s ? t(`progress.cs_${s}`) : t('dashboard.cellNone')}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

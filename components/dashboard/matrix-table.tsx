import type { Locale, Translate } from '@/lib/i18n';
import { commitmentTitles } from '@/lib/memorandum/queries';
import { MAP_STATUSES } from '@/lib/municipalities/overview';
import type { CommitmentStatus } from '@/lib/dashboard/accepted';
import type { CommitmentMatrix } from '@/lib/dashboard/matrix';
import { MATRIX_PROGRESS, type MatrixSort, type TDashboardQuery } from '@/lib/schemas/dashboard';
import { StatusBadge } from '@/components/status-badge';
import { DemoLabel } from '@/components/demo-label';
import { CompactFilterButtons, FilterField } from '@/components/ui/filter-field';
import { SortHeader } from '@/components/ui/sort-header';
import { DataTable } from '@/components/ui/data-table';
import { MUNICIPALITY_TYPES } from '@/lib/schemas/public';
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
  const sortHeader = (column: MatrixSort, label: string, key?: string) => (
    <SortHeader
      key={key ?? column}
      column={column}
      label={label}
      sortLabel={t('dashboard.sortBy', { column: label })}
      sort={query.sort}
      dir={query.dir}
      href={href}
    />
  );
  const field = (name: 'type' | 'status' | 'progress') => ({ id: `f-${name}`, name, defaultValue: query[name] ?? '', compact: true });
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
        <FilterField
          {...field('type')}
          label={t('dashboard.filterType')}
          any={t('dashboard.anyType')}
          options={MUNICIPALITY_TYPES.map((m) => ({ value: m, label: t(`municipalityType.${m}`) }))}
        />
        <FilterField
          {...field('status')}
          label={t('dashboard.filterStatus')}
          any={t('dashboard.anyStatus')}
          options={MAP_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
        <FilterField
          {...field('progress')}
          label={t('dashboard.filterProgress')}
          any={t('dashboard.anyProgress')}
          options={MATRIX_PROGRESS.map((s) => ({ value: s, label: s === 'NONE' ? t('dashboard.progressNONE') : t(`progress.cs_${s}`) }))}
        />
        <CompactFilterButtons apply={t('dashboard.apply')} reset={t('dashboard.reset')} resetHref={`/${locale}/staff#matrix`} />
      </form>
      <p role="status" data-testid="matrix-count">
        {(matrix.matched ?? matrix.rows.length) === 0
          ? t('dashboard.matrixEmpty')
          : t('dashboard.matrixCount', { count: matrix.matched ?? matrix.rows.length, total })}
      </p>
      <DataTable
        labelledBy="matrix"
        testId="matrix"
        caption={t('dashboard.matrixCaption')}
        headerCells={
          <>
            {sortHeader('name', t('dashboard.colMunicipality'))}
            {sortHeader('status', t('dashboard.colStatus'))}
            <th scope="col">{t('dashboard.colReport')}</th>
            {matrix.commitments.map((c) => sortHeader(`c${c.position}` as MatrixSort, titles[c.key] ?? c.key, c.key))}
          </>
        }
      >
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
      </DataTable>
    </div>
  );
}

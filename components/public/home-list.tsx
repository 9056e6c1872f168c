import { formatDate, formatNumber, type Locale, type Translate } from '@/lib/i18n';
import { MAP_STATUSES, type OverviewRow } from '@/lib/municipalities/overview';
import { HOME_PAGE_SIZE, type THomeQuery } from '@/lib/schemas/public';
import { homeQueryHref, pageHomeList } from '@/lib/site/home-list';
import { lvIsSingular } from '@/lib/i18n/latvian';
import { StatusBadge } from '@/components/status-badge';
import { Pagination } from '@/components/pagination';
import { DemoLabel } from '@/components/demo-label';

type Props = { locale: Locale; t: Translate; q: THomeQuery; rows: OverviewRow[] };

/** The municipality list of the home page: filters (a GET form), the sortable table and page links; all plain HTML. */
export function HomeListSection({ locale, t, q, rows }: Props) {
  const list = pageHomeList(rows, q, t);
  return (
    <section aria-labelledby="list" className="space-y-4">
      <h2 id="list" className="text-2xl font-semibold">
        {t('home.listHeading')}
      </h2>
      <HomeFilters locale={locale} t={t} q={q} />
      <p role="status" data-testid="result-count">
        {list.matched === 0
          ? t('home.noResults')
          : t(lvIsSingular(list.matched) ? 'home.resultsOne' : 'home.results', { count: list.matched, total: rows.length })}
      </p>
      <HomeTable locale={locale} t={t} q={q} shown={list.shown} />
      <Pagination
        page={list.page}
        pageSize={HOME_PAGE_SIZE}
        count={list.matched}
        href={(n) => `${homeQueryHref(locale, q, { page: n > 1 ? String(n) : undefined })}#list`}
        label={t('homeList.listPages')}
        t={t}
        locale={locale}
        testId="list-pages"
      />
    </section>
  );
}

function HomeFilters({ locale, t, q }: Omit<Props, 'rows'>) {
  return (
    <form method="get" action={`/${locale}`} className="flex flex-wrap items-end gap-4" role="search" aria-label={t('home.filters')}>
      {q.term ? <input type="hidden" name="term" value={q.term} /> : null}
      <div className="space-y-1">
        <label htmlFor="q" className="block text-sm font-medium">
          {t('home.search')}
        </label>
        <input id="q" name="q" type="search" defaultValue={q.q ?? ''} aria-describedby="q-hint" className="rounded border border-gray-500 px-3 py-1.5" />
        <p id="q-hint" className="text-xs text-muted">
          {t('home.searchHint')}
        </p>
      </div>
      <div className="space-y-1">
        <label htmlFor="status" className="block text-sm font-medium">
          {t('home.colStatus')}
        </label>
        <select id="status" name="status" defaultValue={q.status ?? ''} className="rounded border border-gray-500 px-3 py-1.5">
          <option value="">{t('home.anyStatus')}</option>
          {MAP_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="type" className="block text-sm font-medium">
          {t('home.colType')}
        </label>
        <select id="type" name="type" defaultValue={q.type ?? ''} className="rounded border border-gray-500 px-3 py-1.5">
          <option value="">{t('home.anyType')}</option>
          <option value="STATE_CITY">{t('municipalityType.STATE_CITY')}</option>
          <option value="MUNICIPALITY">{t('municipalityType.MUNICIPALITY')}</option>
        </select>
      </div>
      <button type="submit" className="rounded bg-brand px-4 py-1.5 font-semibold text-white">
        {t('home.apply')}
      </button>
      <a href={q.term ? `/${locale}?term=${q.term}` : `/${locale}`} className="py-1.5">
        {t('home.reset')}
      </a>
    </form>
  );
}

function HomeTable({ locale, t, q, shown }: Omit<Props, 'rows'> & { shown: OverviewRow[] }) {
  const sortHeader = (column: THomeQuery['sort'], label: string) => {
    const active = q.sort === column;
    const next = active && q.dir === 'asc' ? 'desc' : 'asc';
    return (
      <th scope="col" aria-sort={active ? (q.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
        <a
          href={homeQueryHref(locale, q, { sort: column === 'name' ? undefined : column, dir: next === 'asc' ? undefined : next })}
          aria-label={t('home.sortBy', { column: label })}
        >
          {label} <span aria-hidden="true">{active ? (q.dir === 'asc' ? '▲' : '▼') : '↕'}</span>
        </a>
      </th>
    );
  };
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="list">
      <table className="data" data-testid="municipality-table">
        <caption className="sr-only">{t('home.listHeading')}</caption>
        <thead>
          <tr>
            {sortHeader('name', t('home.colMunicipality'))}
            {sortHeader('type', t('home.colType'))}
            {sortHeader('status', t('home.colStatus'))}
            <th scope="col">{t('home.colDecision')}</th>
            {sortHeader('population', t('home.colPopulation'))}
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={r.slug} data-slug={r.slug}>
              <th scope="row" className="font-normal">
                <a href={`/${locale}/municipalities/${r.slug}`}>{r.nameLv}</a>
              </th>
              <td>{t(`municipalityType.${r.type}`)}</td>
              <td>
                <StatusBadge status={r.status} t={t} />
                <DemoLabel isDemo={r.isDemo} t={t} className="ml-2" />
              </td>
              <td>
                {r.sessionDate
                  ? [r.decisionNumber ? `Nr. ${r.decisionNumber}` : null, formatDate(locale, r.sessionDate, { yearInferred: r.sessionYearInferred })]
                      .filter(Boolean)
                      .join(', ')
                  : ''}
              </td>
              <td>{formatNumber(locale, r.population)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import { formatDate, formatNumber, type Locale, type Translate } from '@/lib/i18n';
import { MAP_STATUSES, type OverviewRow } from '@/lib/municipalities/overview';
import { HOME_PAGE_SIZE, MUNICIPALITY_TYPES, type THomeQuery } from '@/lib/schemas/public';
import { homeQueryHref, pageHomeList } from '@/lib/site/home-list';
import { lvIsSingular } from '@/lib/i18n/latvian';
import { StatusBadge } from '@/components/status-badge';
import { Pagination } from '@/components/pagination';
import { DemoLabel } from '@/components/demo-label';
import { CompactFilterButtons, FilterField } from '@/components/ui/filter-field';
import { SortHeader } from '@/components/ui/sort-header';
import { DataTable } from '@/components/ui/data-table';
import { Section } from '@/components/ui/section';

type Props = { locale: Locale; t: Translate; q: THomeQuery; rows: OverviewRow[] };

/** The municipality list of the home page: filters (a GET form), the sortable table and page links; all plain HTML. */
export function HomeListSection({ locale, t, q, rows }: Props) {
  const list = pageHomeList(rows, q, t);
  return (
    <Section id="list" heading={t('home.listHeading')} className="space-y-4">
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
    </Section>
  );
}

function HomeFilters({ locale, t, q }: Omit<Props, 'rows'>) {
  const field = (name: 'q' | 'status' | 'type') => ({ id: name, name, defaultValue: q[name] ?? '', compact: true });
  return (
    <form method="get" action={`/${locale}`} className="flex flex-wrap items-end gap-4" role="search" aria-label={t('home.filters')}>
      {q.term ? <input type="hidden" name="term" value={q.term} /> : null}
      <FilterField {...field('q')} label={t('home.search')} type="search" hint={t('home.searchHint')} />
      <FilterField
        {...field('status')}
        label={t('home.colStatus')}
        any={t('home.anyStatus')}
        options={MAP_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
      />
      <FilterField
        {...field('type')}
        label={t('home.colType')}
        any={t('home.anyType')}
        options={MUNICIPALITY_TYPES.map((m) => ({ value: m, label: t(`municipalityType.${m}`) }))}
      />
      <CompactFilterButtons apply={t('home.apply')} reset={t('home.reset')} resetHref={q.term ? `/${locale}?term=${q.term}` : `/${locale}`} />
    </form>
  );
}

function HomeTable({ locale, t, q, shown }: Omit<Props, 'rows'> & { shown: OverviewRow[] }) {
  const sortHeader = (column: THomeQuery['sort'], label: string) => (
    <SortHeader
      column={column}
      label={label}
      sortLabel={t('home.sortBy', { column: label })}
      sort={q.sort}
      dir={q.dir}
      href={(patch) => homeQueryHref(locale, q, patch)}
    />
  );
  return (
    <DataTable
      labelledBy="list"
      testId="municipality-table"
      caption={t('home.listHeading')}
      headerCells={
        <>
          {sortHeader('name', t('home.colMunicipality'))}
          {sortHeader('type', t('home.colType'))}
          {sortHeader('status', t('home.colStatus'))}
          <th scope="col">{t('home.colDecision')}</th>
          {sortHeader('population', t('home.colPopulation'))}
        </>
      }
    >
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
    </DataTable>
  );
}

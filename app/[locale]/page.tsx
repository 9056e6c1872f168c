import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { pageLocale } from '@/lib/i18n/page';
import { pageAlternates } from '@/lib/site/alternates';
import { formatDate, formatNumber, formatPercent, type Translate } from '@/lib/i18n';
import { foldForSearch, getTermOverview, MAP_STATUSES, type OverviewRow } from '@/lib/municipalities/overview';
import { publicHeadline } from '@/lib/dashboard/metrics';
import { LV_COLLATOR } from '@/lib/municipalities/queries';
import { HOME_PAGE_SIZE, ZHomeQuerySchema, type THomeQuery } from '@/lib/schemas/public';
import { StatusBadge } from '@/components/status-badge';
import { lvIsSingular } from '@/lib/i18n/latvian';
import { SignatoryMap } from '@/components/map/signatory-map';
import { MAP_STATUS_ORDER } from '@/components/map/status-style';
import { Pagination } from '@/components/pagination';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

function filterRows(rows: OverviewRow[], q: THomeQuery): OverviewRow[] {
  const needle = q.q ? foldForSearch(q.q) : '';
  return rows.filter(
    (r) =>
      (!needle || foldForSearch(r.nameLv).includes(needle) || foldForSearch(r.officialNameLv).includes(needle)) &&
      (!q.status || r.status === q.status) &&
      (!q.type || r.type === q.type),
  );
}

function sortRows(rows: OverviewRow[], q: THomeQuery, t: Translate): OverviewRow[] {
  // The overview comes sorted by name (lib/municipalities/overview): nothing to do for the default order.
  if (q.sort === 'name' && q.dir === 'asc') return rows;
  const dir = q.dir === 'desc' ? -1 : 1;
  const key: Record<THomeQuery['sort'], (r: OverviewRow) => string | number> = {
    name: (r) => r.nameLv,
    status: (r) => MAP_STATUS_ORDER.indexOf(r.status),
    type: (r) => t(`municipalityType.${r.type}`),
    population: (r) => r.population ?? -1,
  };
  const k = key[q.sort];
  return [...rows].sort((a, b) => {
    const x = k(a);
    const y = k(b);
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : LV_COLLATOR.compare(String(x), String(y));
    return (c || LV_COLLATOR.compare(a.nameLv, b.nameLv)) * dir;
  });
}

/** The home page keeps the site title; its canonical address is the language's home, whatever the query (term, filters, sort). */
export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await pageLocale(params);
  return { alternates: pageAlternates(locale, '') };
}

export default async function HomePage({ params, searchParams }: Props) {
  const { locale, t } = await pageLocale(params);
  const raw = await searchParams;
  const q = ZHomeQuerySchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, first(v)])));
  const overview = await getTermOverview(q.term ?? null);
  if (!overview && q.term) notFound();
  if (!overview) return <p>{t('home.noTerm')}</p>;
  const { term, terms, rows } = overview;
  // The same headline definition as the staff dashboard (lib/dashboard/metrics).
  const headline = publicHeadline(rows);
  const counts = headline.counts;
  const matched = sortRows(filterRows(rows, q), q, t);
  const pages = Math.max(1, Math.ceil(matched.length / HOME_PAGE_SIZE));
  const page = Math.min(q.page ?? 1, pages);
  const shown = matched.slice((page - 1) * HOME_PAGE_SIZE, page * HOME_PAGE_SIZE);
  // Links keep the filters and the sort; a new sort or filter starts again at the first page.
  const query = (patch: Partial<Record<keyof THomeQuery, string | undefined>>) => {
    const merged = {
      term: q.term,
      q: q.q,
      status: q.status,
      type: q.type,
      sort: q.sort === 'name' ? undefined : q.sort,
      dir: q.dir === 'asc' ? undefined : q.dir,
      page: undefined,
      ...patch,
    };
    const search = new URLSearchParams(Object.entries(merged).filter((e): e is [string, string] => Boolean(e[1])));
    const text = search.toString();
    return text ? `?${text}` : `/${locale}`;
  };
  const sortHeader = (column: THomeQuery['sort'], label: string) => {
    const active = q.sort === column;
    const next = active && q.dir === 'asc' ? 'desc' : 'asc';
    return (
      <th scope="col" aria-sort={active ? (q.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
        <Link
          href={query({ sort: column === 'name' ? undefined : column, dir: next === 'asc' ? undefined : next })}
          aria-label={t('home.sortBy', { column: label })}
        >
          {label} <span aria-hidden="true">{active ? (q.dir === 'asc' ? '▲' : '▼') : '↕'}</span>
        </Link>
      </th>
    );
  };
  return (
    <div className="space-y-10">
      <section aria-labelledby="intro" className="space-y-4">
        <h1 id="intro" className="text-3xl font-bold">
          {t('meta.siteTitle')}
        </h1>
        <p className="max-w-3xl text-lg">{t('home.lead')}</p>
        <p>
          <Link href={`/${locale}/memorandum`}>{t('home.readMemorandum')}</Link>
        </p>
      </section>

      <section aria-labelledby="term" className="space-y-4">
        <h2 id="term" className="text-2xl font-semibold">
          {t('home.termHeading', { term: term.label })}
        </h2>
        {terms.length > 1 ? (
          <nav aria-label={t('home.termSwitch')} className="flex flex-wrap items-center gap-3 text-sm">
            <span>{t('home.termSwitch')}:</span>
            {terms.map((x) => (
              <Link
                key={x.slug}
                href={`/${locale}?term=${x.slug}`}
                aria-current={x.slug === term.slug ? 'page' : undefined}
                className={x.slug === term.slug ? 'font-bold' : ''}
              >
                {x.label}
              </Link>
            ))}
          </nav>
        ) : null}
        <p className="text-xl" data-testid="headline">
          <strong data-testid="joined-count">{headline.joined}</strong> {t('home.headlineOf', { total: headline.total })}
          {headline.populationShare !== null ? `, ${t('home.populationShare', { share: formatPercent(locale, headline.populationShare) })}` : ''}
        </p>
        <p className="text-sm text-muted" data-testid="population-note">
          {headline.populationKnown === 0
            ? t('home.populationUnknownAll')
            : headline.populationUnknown > 0
              ? t('home.populationUnknownSome', { count: headline.populationUnknown })
              : null}
        </p>
        <SignatoryMap rows={rows} counts={counts} locale={locale} t={t} title={t('home.mapTitle', { term: term.label })} asOf={term.startsOn} />
      </section>

      <section aria-labelledby="list" className="space-y-4">
        <h2 id="list" className="text-2xl font-semibold">
          {t('home.listHeading')}
        </h2>
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
          <Link href={q.term ? `/${locale}?term=${q.term}` : `/${locale}`} className="py-1.5">
            {t('home.reset')}
          </Link>
        </form>
        <p role="status" data-testid="result-count">
          {matched.length === 0
            ? t('home.noResults')
            : t(lvIsSingular(matched.length) ? 'home.resultsOne' : 'home.results', { count: matched.length, total: rows.length })}
        </p>
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
                    <Link href={`/${locale}/municipalities/${r.slug}`}>{r.nameLv}</Link>
                  </th>
                  <td>{t(`municipalityType.${r.type}`)}</td>
                  <td>
                    <StatusBadge status={r.status} t={t} />
                    {r.isDemo ? <span className="ml-2 text-xs font-bold">{t('common.demo')}</span> : null}
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
        <Pagination
          page={page}
          pageSize={HOME_PAGE_SIZE}
          count={matched.length}
          href={(n) => `${query({ page: n > 1 ? String(n) : undefined })}#list`}
          label={t('homeList.listPages')}
          t={t}
          locale={locale}
          testId="list-pages"
        />
      </section>
    </div>
  );
}

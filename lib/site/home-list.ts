import type { Locale, Translate } from '@/lib/i18n';
import { foldForSearch, type OverviewRow } from '@/lib/municipalities/overview';
import { LV_COLLATOR } from '@/lib/municipalities/queries';
import { HOME_PAGE_SIZE, type THomeQuery } from '@/lib/schemas/public';
import { MAP_STATUS_ORDER } from '@/components/map/status-style';

/** The home list's rows that match the query's search text, status and type. */
export function filterHomeRows(rows: OverviewRow[], q: THomeQuery): OverviewRow[] {
  const needle = q.q ? foldForSearch(q.q) : '';
  return rows.filter(
    (r) =>
      (!needle || foldForSearch(r.nameLv).includes(needle) || foldForSearch(r.officialNameLv).includes(needle)) &&
      (!q.status || r.status === q.status) &&
      (!q.type || r.type === q.type),
  );
}

/** The rows in the query's order; ties (and the default) by Latvian name. */
export function sortHomeRows(rows: OverviewRow[], q: THomeQuery, t: Translate): OverviewRow[] {
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

export type THomeList = { matched: number; page: number; shown: OverviewRow[] };

/** Filters, sorts and pages the home list (a page past the end shows the last one). */
export function pageHomeList(rows: OverviewRow[], q: THomeQuery, t: Translate): THomeList {
  const matched = sortHomeRows(filterHomeRows(rows, q), q, t);
  const pages = Math.max(1, Math.ceil(matched.length / HOME_PAGE_SIZE));
  const page = Math.min(q.page ?? 1, pages);
  return { matched: matched.length, page, shown: matched.slice((page - 1) * HOME_PAGE_SIZE, page * HOME_PAGE_SIZE) };
}

/** A link of the home list: the query's filters and sort with `patch` applied; a new sort or filter starts again at the first page. */
export function homeQueryHref(locale: Locale, q: THomeQuery, patch: Partial<Record<keyof THomeQuery, string | undefined>>): string {
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
}

import type { TDashboardQuery } from '@/lib/schemas/dashboard';

export type QueryPatch = Partial<Record<keyof TDashboardQuery, string | undefined>>;

/** Pure: the matrix query as URL parameters (defaults left out), with `patch` applied. */
export function dashboardParams(q: TDashboardQuery, patch: QueryPatch = {}): URLSearchParams {
  const page = (n: number | undefined) => (n && n > 1 ? String(n) : undefined);
  const merged: QueryPatch = {
    type: q.type,
    status: q.status,
    progress: q.progress,
    sort: q.sort === 'name' ? undefined : q.sort,
    dir: q.dir === 'asc' ? undefined : q.dir,
    page: page(q.page),
    ipage: page(q.ipage),
    ...patch,
  };
  return new URLSearchParams(Object.entries(merged).filter((e): e is [string, string] => Boolean(e[1])));
}

/** Pure: the links of the dashboard for one query (filters and sorts restart the matrix at page 1; exports drop the pages). */
export function dashboardLinks(locale: string, query: TDashboardQuery) {
  const at = (search: URLSearchParams, anchor: string) => {
    const s = search.toString();
    return `/${locale}/staff${s ? `?${s}` : ''}#${anchor}`;
  };
  return {
    /** A new filter or sort: the matrix from its first page. */
    matrix: (patch: QueryPatch) => at(dashboardParams(query, { page: undefined, ...patch }), 'matrix'),
    page: (param: 'page' | 'ipage', anchor: string) => (n: number) => at(dashboardParams(query, { [param]: n > 1 ? String(n) : undefined }), anchor),
    export: (name: string, withQuery: boolean) => {
      const search = withQuery ? dashboardParams(query, { page: undefined, ipage: undefined }) : new URLSearchParams();
      search.set('locale', locale);
      return `/api/staff/exports/${name}?${search.toString()}`;
    },
  };
}

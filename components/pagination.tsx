import { formatNumber, type Locale, type Translate } from '@/lib/i18n';

/**
 * Page links of a server-paged table (plain links, no script; also rendered
 * without Next's runtime on the public pages): previous,
 * the first, nearby and last pages, next; the current page is marked with
 * aria-current; every link is at least 24 × 24 px (WCAG 2.5.8). Nothing
 * when everything fits on one page.
 */
export function Pagination({
  page,
  pageSize,
  count,
  href,
  label,
  t,
  testId,
  locale = 'lv',
}: {
  page: number;
  pageSize: number | null;
  count: number;
  href: (page: number) => string;
  label: string;
  t: Translate;
  testId: string;
  locale?: Locale;
}) {
  if (!pageSize || count <= pageSize) return null;
  const pages = Math.ceil(count / pageSize);
  const current = Math.min(Math.max(1, page), pages);
  const shown = [...new Set([1, current - 2, current - 1, current, current + 1, current + 2, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  const from = (current - 1) * pageSize + 1;
  const to = Math.min(count, current * pageSize);
  return (
    <nav aria-label={label} data-testid={testId} className="flex flex-wrap items-center gap-x-3 gap-y-2 text-sm">
      <span>{t('dashboard.pageOf', { from: formatNumber(locale, from), to: formatNumber(locale, to), count: formatNumber(locale, count) })}</span>
      <ul className="flex flex-wrap items-center gap-2">
        {current > 1 ? (
          <li>
            <a href={href(current - 1)} rel="prev" className="inline-block min-h-6">
              {t('dashboard.pagePrev')}
            </a>
          </li>
        ) : null}
        {shown.map((n, i) => (
          <li key={n} className="flex items-center gap-2">
            {i > 0 && n - shown[i - 1]! > 1 ? <span aria-hidden="true">…</span> : null}
            {n === current ? (
              <span aria-current="page" className="inline-block min-h-6 min-w-6 text-center font-bold">
                {formatNumber(locale, n)}
              </span>
            ) : (
              <a href={href(n)} aria-label={t('dashboard.pageN', { page: n })} className="inline-block min-h-6 min-w-6 text-center">
                {formatNumber(locale, n)}
              </a>
            )}
          </li>
        ))}
        {current < pages ? (
          <li>
            <a href={href(current + 1)} rel="next" className="inline-block min-h-6">
              {t('dashboard.pageNext')}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

import { formatDate, formatNumber, type Locale, type Translate } from '@/lib/i18n';
import type { JoinPoint, JoinsSeries } from '@/lib/dashboard/joins';

const W = 640;
const H = 260;
const M = { top: 16, right: 20, bottom: 36, left: 48 };
const DAY = 86_400_000;
const time = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const formatMonth = (locale: Locale, iso: string) =>
  new Intl.DateTimeFormat(locale === 'lv' ? 'lv-LV' : 'en-GB', { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

function yTicks(max: number): number[] {
  const step = Math.max(1, Math.ceil(max / 4));
  const ticks: number[] = [];
  for (let v = 0; v <= Math.max(max, step); v += step) ticks.push(v);
  if (ticks[ticks.length - 1]! < max) ticks.push(ticks[ticks.length - 1]! + step);
  return ticks;
}

/**
 * Cumulative joins as a step line, rendered on the server as SVG (no
 * script): a title and a description name it for assistive technology, the
 * line and points keep ≥ 3:1 contrast, and the same figures are in a table.
 */
/** Above this many dates the chart and its table show months (the page stays small at any scale). */
export const MAX_DATED_POINTS = 60;

/** Pure: the points by month (dated the month's last join; added summed, cumulative at the month's end). */
export function byMonth(points: readonly JoinPoint[]): JoinPoint[] {
  const out: JoinPoint[] = [];
  for (const p of points) {
    const last = out.at(-1);
    if (last && last.date.slice(0, 7) === p.date.slice(0, 7)) out[out.length - 1] = { date: p.date, count: p.count, added: last.added + p.added };
    else out.push({ ...p });
  }
  return out;
}

export function JoinsChart({ series, today, locale, t }: { series: JoinsSeries; today: string; locale: Locale; t: Translate }) {
  const { term } = series;
  const monthly = series.points.length > MAX_DATED_POINTS;
  const points = monthly ? byMonth(series.points) : series.points;
  const end = today < term.endsOn ? today : term.endsOn;
  const from = Math.min(time(term.startsOn), ...points.map((p) => time(p.date)));
  const to = Math.max(time(end), from + DAY, ...points.map((p) => time(p.date)));
  const ticks = yTicks(points.at(-1)?.count ?? 0);
  const yMax = ticks.at(-1)!;
  const x = (ms: number) => M.left + ((ms - from) / (to - from)) * (W - M.left - M.right);
  const y = (v: number) => H - M.bottom - (v / yMax) * (H - M.top - M.bottom);
  let d = `M${x(from)},${y(0)}`;
  for (const p of points) d += ` H${x(time(p.date))} V${y(p.count)}`;
  d += ` H${x(to)}`;
  const years: number[] = [];
  for (let year = new Date(from).getUTCFullYear() + 1; Date.UTC(year, 0, 1) <= to; year += 1) years.push(year);
  const fromLabel = formatDate(locale, new Date(from));
  const toLabel = formatDate(locale, new Date(to));
  const title = t('dashboard.joinsTitle', { term: term.label });
  const desc = points.length
    ? t('dashboard.joinsDesc', { from: fromLabel, to: toLabel, total: formatNumber(locale, series.total) })
    : t('dashboard.joinsDescEmpty');
  return (
    <figure className="space-y-3" data-testid="joins-chart">
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full max-w-3xl" role="img" aria-labelledby="joins-title joins-desc">
        <title id="joins-title">{title}</title>
        <desc id="joins-desc">{desc}</desc>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} stroke="#d1d5db" strokeDasharray={v === 0 ? undefined : '3 3'} />
            <text x={M.left - 8} y={y(v) + 4} fontSize={12} textAnchor="end" fill="#374151">
              {formatNumber(locale, v)}
            </text>
          </g>
        ))}
        <line x1={M.left} x2={M.left} y1={M.top} y2={H - M.bottom} stroke="#4b5563" />
        <line x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} stroke="#4b5563" />
        {years.map((year) => (
          <g key={year}>
            <line x1={x(Date.UTC(year, 0, 1))} x2={x(Date.UTC(year, 0, 1))} y1={H - M.bottom} y2={H - M.bottom + 5} stroke="#4b5563" />
            <text x={x(Date.UTC(year, 0, 1))} y={H - M.bottom + 18} fontSize={12} textAnchor="middle" fill="#374151">
              {year}
            </text>
          </g>
        ))}
        <path d={d} fill="none" stroke="#8a1c2b" strokeWidth={2.5} />
        {points.map((p) => (
          <circle key={p.date} cx={x(time(p.date))} cy={y(p.count)} r={4} fill="#8a1c2b" stroke="#fff" strokeWidth={1.5} />
        ))}
      </svg>
      <figcaption className="text-sm text-muted">
        {t('dashboard.joinsNote')}
        {series.undated > 0 ? ` ${t('dashboard.joinsUndated', { count: series.undated })}` : ''}
        {monthly ? ` ${t('dashboard.joinsMonthly')}` : ''}
      </figcaption>
      <details className="text-sm">
        <summary className="cursor-pointer">{t('dashboard.joinsTable')}</summary>
        <table className="data mt-2 max-w-xl" data-testid="joins-table">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.colDate')}</th>
              <th scope="col">{t('dashboard.colAdded')}</th>
              <th scope="col">{t('dashboard.colCumulative')}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.date} data-date={p.date}>
                <th scope="row" className="font-normal">
                  {monthly ? formatMonth(locale, p.date) : formatDate(locale, p.date)}
                </th>
                <td>{formatNumber(locale, p.added)}</td>
                <td>{formatNumber(locale, p.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

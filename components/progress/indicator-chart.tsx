import { formatNumber, type Locale, type Translate } from '@/lib/i18n';

export type ChartPoint = {
  year: number;
  value: number | null;
  /** Median of all municipalities with an accepted report for the same year; null when fewer than 3 reported. */
  median?: { median: number; n: number } | null;
  /** The legal minimum in force that year; only for an indicator a stored, sourced norm applies to. */
  norm?: number | null;
};

// Geometry (px): labels above the bars are written upwards so that they never overlap at any width.
const W = 300;
const LABEL = 68;
const PLOT = 100;
/** Height of the key strip above the plot that labels the reference line (only when one is drawn). */
const KEY = 18;
const INK = '#1f2937'; // 14.7:1 on white
const OWN = '#8a1c2b'; // 9.6:1 on white
const MEDIAN = '#374151'; // 10.3:1 on white

/**
 * A small bar chart of one indicator across periods, as SVG rendered on the
 * server (no script), with the same figures in a table; unknown values are
 * drawn as gaps and written as "unknown". Each bar carries its value; the
 * median of the reporting municipalities is a hatched, outlined bar beside the
 * municipality's solid one, and the legal minimum (where `showNorm`) a dashed
 * line: told apart by pattern, not only colour.
 */
export function IndicatorChart({
  id,
  title,
  points,
  locale,
  t,
  showNorm = false,
  digits = 2,
}: {
  id: string;
  title: string;
  points: ChartPoint[];
  locale: Locale;
  t: Translate;
  showNorm?: boolean;
  digits?: number;
}) {
  const fmt = (v: number) => formatNumber(locale, v, digits);
  const values = points.flatMap((p) => [p.value, p.median?.median ?? null, showNorm ? (p.norm ?? null) : null]).filter((v): v is number => v !== null);
  const max = Math.max(Number.MIN_VALUE, ...values) || 1;
  const hasMedian = points.some((p) => p.median);
  const hasNorm = showNorm && points.some((p) => p.norm != null);
  const lastNorm = showNorm ? [...points].reverse().find((p) => p.norm != null) : undefined;
  const slot = W / Math.max(points.length, 1);
  const barW = hasMedian ? Math.min(22, (slot - 10) / 2) : Math.min(36, slot - 10);
  const AXIS = (hasNorm ? KEY : 0) + LABEL + PLOT;
  const H = AXIS + 18;
  const y = (v: number) => AXIS - Math.max(1, (v / max) * (PLOT - 4));
  const hatch = `hatch-${id}`;
  const geometry = points.map((p, i) => {
    const x0 = i * slot + (slot - (hasMedian ? 2 * barW + 4 : barW)) / 2;
    return { p, x0, xm: x0 + barW + 4 };
  });
  const describe = points
    .map((p) =>
      [
        `${p.year}: ${p.value === null ? t('common.unknown') : fmt(p.value)}`,
        p.median ? t('charts.describeMedian', { value: fmt(p.median.median), n: p.median.n }) : null,
        showNorm && p.norm != null ? t('charts.describeNorm', { value: fmt(p.norm) }) : null,
      ]
        .filter(Boolean)
        .join(', '),
    )
    .join('; ');

  const label = (x: number, top: number, text: string, testId: string) => (
    <text
      x={x + 3.5}
      y={top - 3}
      fontSize={10}
      fill={INK}
      stroke="#fff"
      strokeWidth={3}
      paintOrder="stroke"
      transform={`rotate(-90 ${x + 3.5} ${top - 3})`}
      data-testid={testId}
    >
      {text}
    </text>
  );

  return (
    <figure className="min-w-0 space-y-1" data-testid="indicator-chart" data-indicator={id}>
      <figcaption className="text-sm font-medium">{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} className="max-w-full h-auto" role="img" aria-label={`${title}. ${describe}`}>
        <title>{`${title}. ${describe}`}</title>
        <defs>
          <pattern id={hatch} width={5} height={5} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width={5} height={5} fill="#fff" />
            <line x1={0} y1={0} x2={0} y2={5} stroke={MEDIAN} strokeWidth={2} />
          </pattern>
        </defs>
        <line x1={0} y1={AXIS} x2={W} y2={AXIS} stroke="#6b7280" />
        {hasNorm && lastNorm ? (
          // The key of the reference line, in its own strip so that no bar or value can cover it.
          <g data-testid="chart-norm-label">
            <line x1={2} x2={26} y1={KEY / 2} y2={KEY / 2} stroke={INK} strokeWidth={2} strokeDasharray="6 3" />
            <text x={32} y={KEY / 2 + 4} fontSize={11} fill={INK}>
              {t('charts.normLine', { value: fmt(lastNorm.norm!) })}
            </text>
          </g>
        ) : null}
        {geometry.map(({ p, x0, xm }, i) => (
          <g key={`bars-${p.year}-${i}`}>
            {p.value === null ? (
              <text x={x0 + barW / 2} y={AXIS - 4} fontSize={10} textAnchor="middle" fill="#4b5563">
                ?
              </text>
            ) : (
              <rect x={x0} y={y(p.value)} width={barW} height={AXIS - y(p.value)} fill={OWN} data-testid="chart-bar" />
            )}
            {p.median ? (
              <rect
                x={xm}
                y={y(p.median.median)}
                width={barW}
                height={AXIS - y(p.median.median)}
                fill={`url(#${hatch})`}
                stroke={MEDIAN}
                strokeWidth={1.5}
                data-testid="chart-median"
              />
            ) : null}
            <text x={i * slot + slot / 2} y={AXIS + 13} fontSize={10} textAnchor="middle" fill="#374151">
              {p.year}
            </text>
          </g>
        ))}
        {/* The reference line over the bars, then the values over everything (with a white halo). */}
        {showNorm
          ? geometry.map(({ p }, i) =>
              p.norm != null ? (
                <line
                  key={`norm-${p.year}-${i}`}
                  x1={i * slot}
                  x2={(i + 1) * slot}
                  y1={y(p.norm)}
                  y2={y(p.norm)}
                  stroke={INK}
                  strokeWidth={2}
                  strokeDasharray="6 3"
                  data-testid="chart-norm"
                />
              ) : null,
            )
          : null}
        {geometry.map(({ p, x0, xm }, i) => (
          <g key={`labels-${p.year}-${i}`}>
            {p.value !== null ? label(x0 + barW / 2 - 3.5, y(p.value), fmt(p.value), 'chart-value') : null}
            {p.median ? label(xm + barW / 2 - 3.5, y(p.median.median), fmt(p.median.median), 'chart-median-value') : null}
          </g>
        ))}
      </svg>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs" data-testid="chart-legend">
        <li className="flex items-center gap-1">
          <svg width={14} height={10} aria-hidden="true">
            <rect width={14} height={10} fill={OWN} />
          </svg>
          {t('charts.legendOwn')}
        </li>
        {hasMedian ? (
          <li className="flex items-center gap-1">
            <svg width={14} height={10} aria-hidden="true">
              <rect x={0.75} y={0.75} width={12.5} height={8.5} fill={`url(#${hatch})`} stroke={MEDIAN} strokeWidth={1.5} />
            </svg>
            {t('charts.legendMedian')}
          </li>
        ) : null}
        {hasNorm ? (
          <li className="flex items-center gap-1">
            <svg width={18} height={10} aria-hidden="true">
              <line x1={0} x2={18} y1={5} y2={5} stroke={INK} strokeWidth={2} strokeDasharray="6 3" />
            </svg>
            {t('charts.legendNorm')}
          </li>
        ) : null}
      </ul>
      <details className="text-sm">
        <summary>{t('progress.chartTable')}</summary>
        {/* A wide table scrolls in its own container (keyboard-reachable), not the page. */}
        <div className="max-w-full overflow-x-auto" tabIndex={0} role="region" aria-label={`${title}: ${t('progress.chartTable')}`}>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('progress.year')}</th>
                <th scope="col">{title}</th>
                <th scope="col">{t('charts.medianColumn')}</th>
                {showNorm ? <th scope="col">{t('charts.normColumn')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {points.map((p, i) => (
                <tr key={`${p.year}-${i}`}>
                  <td>{p.year}</td>
                  <td>{p.value === null ? t('common.unknown') : fmt(p.value)}</td>
                  <td data-testid="chart-median-cell">
                    {p.median ? t('charts.medianCell', { value: fmt(p.median.median), n: p.median.n }) : t('charts.noMedian')}
                  </td>
                  {showNorm ? <td data-testid="chart-norm-cell">{p.norm != null ? fmt(p.norm) : t('charts.normNotRecorded')}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

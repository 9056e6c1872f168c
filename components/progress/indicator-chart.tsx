import { formatNumber, type Locale } from '@/lib/i18n';

/**
 * A small bar chart of one indicator across periods, as SVG rendered on the
 * server (no script), with the same figures in a table; unknown values
 * are drawn as gaps and written as "unknown".
 */
export function IndicatorChart({ title, points, locale, unknown, yearLabel, valueLabel }: { title: string; points: { year: number; value: number | null }[]; locale: Locale; unknown: string; yearLabel: string; valueLabel: string }) {
  const known = points.filter((p) => p.value !== null) as { year: number; value: number }[];
  const max = Math.max(1, ...known.map((p) => p.value));
  const W = 240;
  const H = 90;
  const bar = W / Math.max(points.length, 1);
  return (
    <figure className="space-y-1" data-testid="indicator-chart">
      <figcaption className="text-sm font-medium">{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H + 16}`} width={W} height={H + 16} role="img" aria-label={`${title}: ${points.map((p) => `${p.year} ${p.value === null ? unknown : formatNumber(locale, p.value, 2)}`).join('; ')}`}>
        <line x1={0} y1={H} x2={W} y2={H} stroke="#6b7280" />
        {points.map((p, i) => {
          const h = p.value === null ? 0 : Math.max(1, (p.value / max) * (H - 10));
          return (
            <g key={p.year}>
              {p.value === null ? (
                <text x={i * bar + bar / 2} y={H - 4} fontSize={10} textAnchor="middle" fill="#6b7280">?</text>
              ) : (
                <rect x={i * bar + 4} y={H - h} width={bar - 8} height={h} fill="#8a1c2b" />
              )}
              <text x={i * bar + bar / 2} y={H + 12} fontSize={10} textAnchor="middle" fill="#374151">{p.year}</text>
            </g>
          );
        })}
      </svg>
      <details className="text-sm">
        <summary>{valueLabel}</summary>
        <table className="data">
          <thead><tr><th scope="col">{yearLabel}</th><th scope="col">{title}</th></tr></thead>
          <tbody>{points.map((p) => <tr key={p.year}><td>{p.year}</td><td>{p.value === null ? unknown : formatNumber(locale, p.value, 2)}</td></tr>)}</tbody>
        </table>
      </details>
    </figure>
  );
}

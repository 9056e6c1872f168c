import { MAP_ATTRIBUTION, type MapGeometry } from '@/lib/map/geometry';
import type { Locale, Translate } from '@/lib/i18n';
import type { MapStatus, OverviewCounts, OverviewRow } from '@/lib/municipalities/overview';
import { MapPatterns } from './patterns';
import { MAP_STATUS_ORDER, STATUS_STYLE } from './status-style';

const TIP_W = 230;

/**
 * The signatory map, rendered on the server as SVG: every municipality is a
 * link (keyboard-reachable, Enter opens its page) with its name and status in
 * an accessible name, a tooltip and a hover/focus tip drawn on top. Works
 * without JavaScript. The caller reads the term's projected boundaries from the database first (lib/map/store
 * loadMapGeometry): the public pages are rendered by React's synchronous server renderer (ADR 0180).
 */
export function SignatoryMap({
  rows,
  counts,
  locale,
  t,
  title,
  geometry,
}: {
  rows: OverviewRow[];
  counts: OverviewCounts;
  locale: Locale;
  t: Translate;
  title: string;
  geometry: MapGeometry;
}) {
  const bySlug = new Map(rows.map((r) => [r.slug, r]));
  const shapes = geometry.shapes.filter((s) => bySlug.has(s.slug));
  // Note: the tips live in a top layer; one :has() rule per municipality shows the right one (no script needed).
  const tipRules = shapes
    .map((s) => `.signatory-map:has(.map-area[data-slug="${s.slug}"]:is(:hover,:focus-visible)) .map-tip[data-for="${s.slug}"]{display:block}`)
    .join('');
  return (
    <figure className="signatory-map space-y-3" data-testid="signatory-map">
      <style>{tipRules}</style>
      <svg viewBox={geometry.viewBox} className="h-auto w-full max-w-4xl" role="group" aria-labelledby="map-title map-desc">
        <title id="map-title">{title}</title>
        <desc id="map-desc">{t('home.mapDesc')}</desc>
        <MapPatterns idPrefix="m" />
        {shapes.map((s) => {
          const row = bySlug.get(s.slug)!;
          const style = STATUS_STYLE[row.status];
          const name = `${row.nameLv}: ${t(`status.${row.status}`)}${row.isDemo ? ` (${t('common.demo')})` : ''}`;
          return (
            <a key={s.slug} href={`/${locale}/municipalities/${s.slug}`} className="map-area" data-slug={s.slug} data-status={row.status} aria-label={name}>
              <title>{name}</title>
              <path className="shape" d={s.path} fill={style.fill} />
              {style.pattern ? <path d={s.path} fill={`url(#m-${style.pattern})`} aria-hidden="true" pointerEvents="none" /> : null}
            </a>
          );
        })}
        <g aria-hidden="true">
          {shapes.map((s) => {
            const row = bySlug.get(s.slug)!;
            const x = Math.min(Math.max(s.labelX - TIP_W / 2, 2), geometry.width - TIP_W - 2);
            const y = Math.max(s.labelY - 44, 2);
            return (
              <g key={s.slug} className="map-tip" data-for={s.slug}>
                <rect x={x} y={y} width={TIP_W} height={38} rx={4} fill="#111827" opacity={0.92} />
                <text x={x + 8} y={y + 16} fill="#fff" fontSize={13} fontWeight={700}>
                  {row.nameLv}
                </text>
                <text x={x + 8} y={y + 31} fill="#fff" fontSize={11}>
                  {t(`status.${row.status}`)}
                </text>
              </g>
            );
          })}
        </g>
      </svg>
      <figcaption className="space-y-2">
        <h3 className="font-semibold">{t('home.legend')}</h3>
        <ul className="flex flex-wrap gap-x-6 gap-y-2 text-sm" data-testid="map-legend">
          {MAP_STATUS_ORDER.map((status) => (
            <LegendItem key={status} status={status} count={counts.byStatus[status]} t={t} />
          ))}
        </ul>
        <p className="text-xs text-muted">
          <a href={MAP_ATTRIBUTION.href} rel="noopener">
            {t('footer.mapData')}
          </a>
        </p>
      </figcaption>
    </figure>
  );
}

function LegendItem({ status, count, t }: { status: MapStatus; count: number; t: Translate }) {
  const style = STATUS_STYLE[status];
  return (
    <li className="flex items-center gap-2" data-status={status}>
      <svg width="22" height="16" viewBox="0 0 22 16" aria-hidden="true">
        <MapPatterns idPrefix={`l${status}`} />
        <rect x="0.5" y="0.5" width="21" height="15" fill={style.fill} stroke="#1f2937" />
        {style.pattern ? <rect x="0.5" y="0.5" width="21" height="15" fill={`url(#l${status}-${style.pattern})`} /> : null}
      </svg>
      <span>
        {t(`status.${status}`)}: <strong data-testid={`legend-count-${status}`}>{count}</strong>
      </span>
    </li>
  );
}

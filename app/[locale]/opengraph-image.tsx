import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ImageResponse } from 'next/og';
import { isLocale, translator, DEFAULT_LOCALE } from '@/lib/i18n';
import { loadMapGeometry } from '@/lib/map/store';
import { countOverview, getTermOverview } from '@/lib/municipalities/overview';
import { STATUS_STYLE } from '@/components/map/status-style';

export const size = { width: 1200, height: 630 };
export const contentType = 'image/png';
export const alt = 'Memorands';

/** The Open Graph image: the signatory map of the current term with the headline (DejaVu Sans for Latvian letters). */
export default async function OpenGraphImage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : DEFAULT_LOCALE;
  const t = translator(locale);
  const [overview, regular, bold] = await Promise.all([
    getTermOverview(null),
    readFile(path.join(process.cwd(), 'lib/pdf/fonts/DejaVuSans.ttf')),
    readFile(path.join(process.cwd(), 'lib/pdf/fonts/DejaVuSans-Bold.ttf')),
  ]);
  const geometry = await loadMapGeometry(overview?.term.startsOn);
  const status = new Map((overview?.rows ?? []).map((r) => [r.slug, r.status]));
  const counts = countOverview(overview?.rows ?? []);
  return new ImageResponse(
    <div
      style={{
        display: 'flex',
        flexDirection: 'row',
        alignItems: 'center',
        width: '100%',
        height: '100%',
        background: '#fff',
        padding: 40,
        fontFamily: 'DejaVu',
      }}
    >
      <div style={{ display: 'flex', flexDirection: 'column', width: 380, marginRight: 20 }}>
        <div style={{ display: 'flex', fontSize: 34, lineHeight: 1.25, fontWeight: 700, color: '#1b1f24' }}>{t('meta.siteTitle')}</div>
        <div style={{ display: 'flex', fontSize: 26, lineHeight: 1.3, color: '#8a1c2b', marginTop: 24 }}>
          {overview ? `${counts.byStatus.VERIFIED} ${t('home.headlineOf', { total: counts.total })}` : ''}
        </div>
        <div style={{ display: 'flex', fontSize: 22, color: '#4b5563', marginTop: 8 }}>
          {overview ? t('home.termHeading', { term: overview.term.label }) : ''}
        </div>
        <div style={{ display: 'flex', fontSize: 14, color: '#4b5563', marginTop: 40 }}>{t('footer.mapData')}</div>
      </div>
      <svg width={720} height={Math.round((720 * geometry.height) / geometry.width)} viewBox={geometry.viewBox}>
        {geometry.shapes
          .filter((s) => status.has(s.slug))
          .map((s) => (
            <path key={s.slug} d={s.path} fill={STATUS_STYLE[status.get(s.slug)!].fill} stroke="#1f2937" strokeWidth={0.8} />
          ))}
      </svg>
    </div>,
    {
      ...size,
      fonts: [
        { name: 'DejaVu', data: regular, weight: 400, style: 'normal' },
        { name: 'DejaVu', data: bold, weight: 700, style: 'normal' },
      ],
    },
  );
}

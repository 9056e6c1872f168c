import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { IndicatorChart, type ChartPoint } from '@/components/progress/indicator-chart';
import { translator, type Locale } from '@/lib/i18n';

const render = (points: ChartPoint[], opts: { locale?: Locale; showNorm?: boolean } = {}) => {
  const locale = opts.locale ?? 'lv';
  return renderToStaticMarkup(
    createElement(IndicatorChart, {
      id: 'specialists_per_1000',
      title: 'Speciālisti uz 1 000',
      points,
      locale,
      t: translator(locale),
      showNorm: opts.showNorm,
    }),
  );
};
const texts = (html: string, testId: string) => [...html.matchAll(new RegExp(`<text[^>]*data-testid="${testId}"[^>]*>([^<]*)</text>`, 'g'))].map((m) => m[1]);
const svgOf = (html: string) => html.slice(html.indexOf('<svg'), html.indexOf('</svg>'));

const POINTS: ChartPoint[] = [
  { year: 2022, value: 1.8, median: { median: 1.25, n: 4 }, norm: null },
  { year: 2023, value: 2.75, median: null, norm: 1.5 },
  { year: 2024, value: null, median: { median: 12_345.5, n: 3 }, norm: 1.5 },
];

/** WCAG relative luminance contrast of a #rrggbb colour on white. */
function contrastOnWhite(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 1.05 / (0.2126 * r! + 0.7152 * g! + 0.0722 * b! + 0.05);
}

describe('indicator chart', () => {
  it('writes each bar value and each median on the chart in Latvian format', () => {
    const html = render(POINTS, { showNorm: true });
    expect(texts(html, 'chart-value')).toEqual(['1,8', '2,75']);
    expect(texts(html, 'chart-median-value')).toEqual(['1,25', '12\u00a0345,5']);
    expect(html).toContain('role="img"');
    // The accessible name states the values, the medians with n and the minimum.
    expect(html).toMatch(
      /aria-label="Speciālisti uz 1 000\. 2022: 1,8, mediāna 1,25 no 4 pašvaldībām; 2023: 2,75, minimums 1,5; 2024: nav zināms, mediāna 12\u00a0345,5 no 3 pašvaldībām, minimums 1,5"/,
    );
  });

  it('in English the decimal point is used', () => {
    const html = render(POINTS, { locale: 'en', showNorm: true });
    expect(texts(html, 'chart-value')).toEqual(['1.8', '2.75']);
    expect(html).toContain('median 1.25 of 4 municipalities');
  });

  it('draws the median as a hatched, outlined bar (not told by colour alone) and lists it in the legend and the table with n', () => {
    const html = render(POINTS);
    const medians = [...svgOf(html).matchAll(/<rect[^>]*data-testid="chart-median"[^>]*>/g)].map((m) => m[0]);
    expect(medians).toHaveLength(2);
    for (const m of medians) expect(m).toMatch(/fill="url\(#hatch-specialists_per_1000\)"[^>]*stroke="#374151"/);
    expect(html).toContain('Mediāna: visas pašvaldības ar pieņemtu ziņojumu par to pašu gadu');
    expect(html).toMatch(/<td data-testid="chart-median-cell">1,25 \(n = 4\)<\/td>/);
    expect(html).toMatch(/<td data-testid="chart-median-cell">nerāda \(ziņojušas mazāk nekā 3 pašvaldības\)<\/td>/);
  });

  it('draws the legal minimum as a labelled dashed line where a norm is stored, and not otherwise', () => {
    const withNorm = render(POINTS, { showNorm: true });
    expect(svgOf(withNorm).match(/data-testid="chart-norm"/g)).toHaveLength(2);
    expect(withNorm).toMatch(/<g data-testid="chart-norm-label"><line[^>]*stroke-dasharray="6 3"[^>]*><\/line><text[^>]*>minimums 1,5<\/text><\/g>/);
    expect(withNorm).toMatch(/<th scope="col">Likumā noteiktais minimums<\/th>/);
    expect(withNorm).toMatch(/<td data-testid="chart-norm-cell">nav ievadīts ar avotu<\/td>/);
    // No stored norm in any year: no line, no label, no legend entry.
    const noNorm = render(
      POINTS.map((p) => ({ ...p, norm: null })),
      { showNorm: true },
    );
    expect(noNorm).not.toContain('data-testid="chart-norm"');
    expect(noNorm).not.toContain('chart-norm-label');
    expect(noNorm).not.toContain('Likumā noteiktais minimums</li>');
    // An indicator the norm does not apply to: no line and no minimum column, whatever the points carry.
    const other = render(POINTS);
    expect(other).not.toContain('data-testid="chart-norm"');
    expect(other).not.toContain('Likumā noteiktais minimums');
  });

  it('no median anywhere: no median bars and no legend entry', () => {
    const html = render(POINTS.map((p) => ({ ...p, median: null })));
    expect(html).not.toContain('data-testid="chart-median"');
    expect(html).not.toContain('Mediāna: visas');
  });

  it('labels are legible (contrast ≥ 4.5:1) and written upwards at least one font height apart, so they never overlap', () => {
    const html = render(
      [2021, 2022, 2023, 2024, 2025, 2026].map((year) => ({ year, value: 1_234_567.25, median: { median: 1_234_567.25, n: 3 }, norm: 1 })),
      { showNorm: true },
    );
    const labels = [...svgOf(html).matchAll(/<text x="([\d.]+)"[^>]*font-size="(\d+)" fill="(#[0-9a-f]{6})"[^>]*transform="rotate\(-90[^"]*"/g)];
    expect(labels).toHaveLength(12);
    const xs = labels.map((m) => Number(m[1])).sort((a, b) => a - b);
    for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!).toBeGreaterThanOrEqual(Number(labels[0]![2]));
    for (const m of svgOf(html).matchAll(/<text[^>]*fill="(#[0-9a-f]{6})"/g)) expect(contrastOnWhite(m[1]!)).toBeGreaterThanOrEqual(4.5);
    // The chart is at most 300 px wide: it fits a 390 px screen without scaling the text down.
    expect(html).toMatch(/<svg viewBox="0 0 300 \d+" width="300"/);
  });
});

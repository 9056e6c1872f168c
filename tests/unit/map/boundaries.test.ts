import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { buildTermMap } from '@/lib/map/geometry';
import { featuresAsOf, geometryAreaKm2, readMergers, readMunicipalityFeatures, unionGeometry } from '@/lib/seed/boundaries';

const features = readMunicipalityFeatures();
const byslug = (slug: string) => features.find((f) => f.properties.slug === slug)!;
const key = (p: Position) => `${p[0]},${p[1]}`;
const vertices = (g: { type: string; coordinates: unknown }) =>
  new Set((g.type === 'Polygon' ? [g.coordinates as Position[][]] : (g.coordinates as Position[][][])).flat(2).map(key));

describe('boundaries per term: Madonas novads from 2025 = Madonas 2021 ∪ Varakļānu novads', () => {
  const madona = byslug('madonas-novads').geometry;
  const varaklani = byslug('varaklanu-novads').geometry;
  const u = unionGeometry(madona, varaklani);

  it('has the area of both within 0.5 %', () => {
    const sum = geometryAreaKm2(madona) + geometryAreaKm2(varaklani);
    const area = geometryAreaKm2(u);
    expect(Math.abs(area - sum) / sum).toBeLessThan(0.005);
    // The figures reported in the closing note (simplified amCharts geometry, spherical area).
    expect(Math.round(geometryAreaKm2(madona))).toBe(3071);
    expect(Math.round(geometryAreaKm2(varaklani))).toBe(273);
    expect(Math.round(area)).toBe(3343);
  });

  it('leaves no ring along the former border: one outer ring, no hole, and only the border ends remain', () => {
    expect(u.type).toBe('Polygon');
    expect(u.coordinates).toHaveLength(1);
    const shared = [...vertices(madona)].filter((v) => vertices(varaklani).has(v));
    expect(shared.length).toBeGreaterThan(5); // they did share a border
    const left = shared.filter((v) => vertices(u).has(v));
    expect(left.length).toBeLessThanOrEqual(2); // the two points where the old border met the outside
  });

  it('applies the merger only to terms that start after it', () => {
    const mergers = readMergers();
    expect(mergers).toEqual([{ from: 'varaklanu-novads', into: 'madonas-novads', validTo: '2025-06-30', citation: 'lsm-2024-varaklani-madona' }]);
    const t2021 = featuresAsOf(features, mergers, '2021-07-01');
    const t2025 = featuresAsOf(features, mergers, '2025-07-01');
    expect(t2021).toHaveLength(43);
    expect(t2021.find((f) => f.properties.slug === 'madonas-novads')!.geometry).toBe(madona);
    expect(t2025).toHaveLength(42);
    expect(t2025.some((f) => f.properties.slug === 'varaklanu-novads')).toBe(false);
    expect(t2025.find((f) => f.properties.slug === 'madonas-novads')!.geometry).toEqual(u);
  });

  it('the map of 2025–2029 draws Madonas novads with the Varakļāni area and no Varakļānu novads', () => {
    // What the seed stores per term and lib/map/store draws (tests/integration/map-store.test.ts checks the database's).
    const mergers = readMergers();
    const before = buildTermMap(featuresAsOf(features, mergers, '2021-07-01'), features).geometry;
    const after = buildTermMap(featuresAsOf(features, mergers, '2025-07-01'), features).geometry;
    expect(before.shapes.map((s) => s.slug)).toContain('varaklanu-novads');
    expect(after.shapes.map((s) => s.slug)).not.toContain('varaklanu-novads');
    expect(after.viewBox).toBe(before.viewBox);
    const path = (g: typeof before) => g.shapes.find((s) => s.slug === 'madonas-novads')!.path;
    expect(path(after)).not.toBe(path(before));
  });
});

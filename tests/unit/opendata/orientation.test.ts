import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { orientRfc7946, ringsOf, signedArea2 } from '@/lib/opendata/orientation';
import { featureCollection } from '@/lib/opendata/formats';
import { readMunicipalityFeatures } from '@/lib/seed/boundaries';
import type { OpenGeometry } from '@/lib/opendata/fields';
import { expectRightHandRule, isCounterClockwise } from './right-hand-rule';

const ccw = isCounterClockwise;

// A 2×2 square with a 1×1 hole, wound the wrong way (d3's convention): exterior clockwise, hole counter-clockwise.
const CW_SQUARE = [
  [0, 0],
  [0, 2],
  [2, 2],
  [2, 0],
  [0, 0],
];
const CCW_HOLE = [
  [0.5, 0.5],
  [1.5, 0.5],
  [1.5, 1.5],
  [0.5, 1.5],
  [0.5, 0.5],
];

describe('RFC 7946 ring orientation', () => {
  it('measures winding in the lon/lat plane', () => {
    expect(signedArea2(CW_SQUARE)).toBe(-8);
    expect(signedArea2(CCW_HOLE)).toBe(2);
  });

  it('turns exteriors counter-clockwise and holes clockwise, in polygons and multipolygons, without changing the input', () => {
    const polygon: OpenGeometry = { type: 'Polygon', coordinates: [CW_SQUARE, CCW_HOLE] };
    const out = orientRfc7946(polygon);
    expectRightHandRule(out, 'polygon');
    expect(out.coordinates[0]).toEqual([...CW_SQUARE].reverse());
    expect(polygon.coordinates[0]).toBe(CW_SQUARE);
    const multi: OpenGeometry = { type: 'MultiPolygon', coordinates: [[CW_SQUARE, CCW_HOLE], [[...CW_SQUARE].reverse()]] };
    expectRightHandRule(orientRfc7946(multi), 'multipolygon');
    // Already right: unchanged.
    expect(orientRfc7946(out)).toEqual(out);
  });

  it('orients every ring of every municipality boundary (the source is wound the other way)', () => {
    const features = readMunicipalityFeatures();
    expect(features).toHaveLength(43);
    const before = features.flatMap((f) => ringsOf(f.geometry as OpenGeometry));
    // The stored geometry follows d3's convention: all 44 exteriors clockwise, the 3 holes counter-clockwise.
    expect(before.filter((r) => r.exterior && !ccw(r.ring))).toHaveLength(44);
    expect(before.filter((r) => !r.exterior && ccw(r.ring))).toHaveLength(3);
    const body = JSON.parse(
      featureCollection(
        '2021-2025',
        features.map((f) => ({ item: f.properties, geometry: f.geometry })),
        (p) => p.slug,
        'https://memorands.example',
      ),
    ) as { features: { id: string; geometry: OpenGeometry }[] };
    for (const f of body.features) expectRightHandRule(f.geometry, f.id);
  });

  it('names each part’s licence with the address of its served text', () => {
    const body = JSON.parse(featureCollection(null, [], (x: { id: string }) => x.id, 'https://memorands.example')) as {
      licenses: { applies_to: string; url: string; spdx: string }[];
    };
    expect(body.licenses.map((l) => [l.applies_to, l.spdx, l.url])).toEqual([
      ['properties', 'CC-BY-4.0', 'https://memorands.example/licences/cc-by-4.0.txt'],
      ['geometry', 'LicenseRef-amCharts-Free', 'https://memorands.example/licences/amcharts5-geodata.md'],
    ]);
    expect(JSON.stringify(body)).not.toMatch(/"license"/);
  });

  it('serves an unchanged copy of the geometry licence and the CC BY 4.0 legal code', () => {
    expect(readFileSync('public/licences/amcharts5-geodata.md', 'utf8')).toBe(readFileSync('prisma/data/LICENSE-amcharts5-geodata.md', 'utf8'));
    const cc = readFileSync('public/licences/cc-by-4.0.txt', 'utf8');
    expect(cc).toMatch(/^Attribution 4\.0 International/);
    expect(cc).toContain('Section 3 -- License Conditions.');
  });
});

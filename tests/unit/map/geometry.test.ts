import { describe, expect, it } from 'vitest';
import {
  LOCATOR_WIDTH,
  MAP_ATTRIBUTION,
  MAP_WIDTH,
  buildMapGeometry,
  buildTermMap,
  locatorOf,
  type MapGeometry,
  type MunicipalityFeature,
} from '@/lib/map/geometry';
import { parseMunicipalityFeatures, readMunicipalityFeatures } from '@/lib/seed/boundaries';

// The source file as the seed loads it; the running product reads the same boundaries from the database (lib/map/store,
// tests/integration/map-store.test.ts).
const termMap = buildTermMap(readMunicipalityFeatures());

type Pt = [number, number];

/** Parses our compact "M x,y L x,y … Z" paths into rings. */
function rings(d: string): Pt[][] {
  return d
    .split('Z')
    .filter((s) => s !== '')
    .map((s) => {
      expect(s.startsWith('M')).toBe(true);
      return s
        .slice(1)
        .split('L')
        .map((p) => p.split(',').map(Number) as Pt);
    });
}

function box(rs: Pt[][]) {
  const pts = rs.flat();
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

function insideEvenOdd([x, y]: Pt, rs: Pt[][]): boolean {
  let inside = false;
  for (const r of rs) {
    for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
      const [xi, yi] = r[i]!;
      const [xj, yj] = r[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

function viewBoxOf(g: { viewBox: string }) {
  const [x, y, w, h] = g.viewBox.split(' ').map(Number);
  return { x: x!, y: y!, w: w!, h: h! };
}

const STATE_CITIES = ['riga', 'jurmala', 'jelgava', 'liepaja', 'daugavpils', 'rezekne', 'ventspils'];

describe('buildTermMap', () => {
  const features = readMunicipalityFeatures();
  let geometry: MapGeometry;

  it('builds one shape per feature (43), in source order, within measurable time', () => {
    const t0 = performance.now();
    geometry = buildTermMap(features).geometry;
    console.info(`[map] buildTermMap: ${(performance.now() - t0).toFixed(1)} ms, ${geometry.shapes.reduce((n, s) => n + s.path.length, 0)} path chars`);
    expect(features).toHaveLength(43);
    expect(geometry.shapes.map((s) => s.slug)).toEqual(features.map((f) => f.properties.slug));
    expect(new Set(geometry.shapes.map((s) => s.slug)).size).toBe(43);
  });

  it('is 800 wide with an aspect-correct height and a matching viewBox', () => {
    expect(geometry.width).toBe(MAP_WIDTH);
    // Latvia is roughly 1.6–1.8× wider than tall in a conformal projection.
    expect(geometry.width / geometry.height).toBeGreaterThan(1.4);
    expect(geometry.width / geometry.height).toBeLessThan(2);
    expect(Number.isInteger(geometry.height)).toBe(true);
    expect(geometry.viewBox).toBe(`0 0 ${geometry.width} ${geometry.height}`);
  });

  it('gives every shape a non-empty, 1-decimal path whose bbox lies inside the viewBox', () => {
    const vb = viewBoxOf(geometry);
    for (const shape of geometry.shapes) {
      expect(shape.path).toMatch(/^M[-\d.,LMZ]+Z$/);
      expect(shape.path).not.toMatch(/\.\d{2}/);
      const b = box(rings(shape.path));
      expect(b.x0, shape.slug).toBeGreaterThanOrEqual(vb.x);
      expect(b.y0, shape.slug).toBeGreaterThanOrEqual(vb.y);
      expect(b.x1, shape.slug).toBeLessThanOrEqual(vb.x + vb.w);
      expect(b.y1, shape.slug).toBeLessThanOrEqual(vb.y + vb.h);
      // A wrongly wound ring would project as the whole globe and fill the view.
      expect((b.x1 - b.x0) * (b.y1 - b.y0), shape.slug).toBeLessThan(vb.w * vb.h * 0.25);
    }
  });

  it('fits the country to the padded extent (touches the padding on some side)', () => {
    const all = box(geometry.shapes.flatMap((s) => rings(s.path)));
    expect(Math.min(all.x0, geometry.width - all.x1)).toBeLessThan(9);
    expect(Math.min(all.y0, geometry.height - all.y1)).toBeLessThan(9);
  });

  it('renders the small state cities', () => {
    for (const slug of STATE_CITIES) {
      const shape = geometry.shapes.find((s) => s.slug === slug);
      expect(shape, slug).toBeDefined();
      const rs = rings(shape!.path);
      expect(rs[0]!.length, slug).toBeGreaterThanOrEqual(4);
      const b = box(rs);
      expect(b.x1 - b.x0, slug).toBeGreaterThan(2);
      expect(b.y1 - b.y0, slug).toBeGreaterThan(2);
    }
  });

  it('places each label inside the view and inside its own shape (not in a hole)', () => {
    for (const shape of geometry.shapes) {
      expect(shape.labelX).toBeGreaterThan(0);
      expect(shape.labelX).toBeLessThan(geometry.width);
      expect(shape.labelY).toBeGreaterThan(0);
      expect(shape.labelY).toBeLessThan(geometry.height);
      expect(insideEvenOdd([shape.labelX, shape.labelY], rings(shape.path)), shape.slug).toBe(true);
    }
    // Augšdaugavas novads surrounds Daugavpils: its label must not sit inside the city.
    const city = geometry.shapes.find((s) => s.slug === 'daugavpils')!;
    const ring = geometry.shapes.find((s) => s.slug === 'augsdaugavas-novads')!;
    expect(insideEvenOdd([ring.labelX, ring.labelY], rings(city.path))).toBe(false);
  });
});

describe('buildMapGeometry', () => {
  const features = readMunicipalityFeatures();

  it('is deterministic', () => {
    const a = buildMapGeometry(features, { width: 640, height: 400 });
    const b = buildMapGeometry(readMunicipalityFeatures(), { width: 640, height: 400 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('respects custom size and padding', () => {
    const g = buildMapGeometry(features, { width: 300, height: 300, padding: 20 });
    expect(g.viewBox).toBe('0 0 300 300');
    const all = box(g.shapes.flatMap((s) => rings(s.path)));
    expect(all.x0).toBeGreaterThanOrEqual(19.9);
    expect(all.y0).toBeGreaterThanOrEqual(19.9);
    expect(all.x1).toBeLessThanOrEqual(280.1);
    expect(all.y1).toBeLessThanOrEqual(280.1);
  });

  it('is insensitive to ring winding (reversed rings give the same paths)', () => {
    const reversed: MunicipalityFeature[] = features.map((f) => {
      const g = f.geometry;
      const flip = (poly: number[][][]) => poly.map((r) => [...r].reverse());
      return {
        ...f,
        geometry: g.type === 'Polygon' ? { type: 'Polygon', coordinates: flip(g.coordinates) } : { type: 'MultiPolygon', coordinates: g.coordinates.map(flip) },
      };
    });
    const a = buildMapGeometry(features, { width: 400, height: 250 });
    const b = buildMapGeometry(reversed, { width: 400, height: 250 });
    a.shapes.forEach((s, i) => {
      const t = b.shapes[i]!;
      expect(t.slug).toBe(s.slug);
      // Same rings up to orientation: compare bounding boxes and point counts.
      expect(box(rings(t.path))).toEqual(box(rings(s.path)));
      expect(rings(t.path).map((r) => r.length)).toEqual(rings(s.path).map((r) => r.length));
    });
  });

  it('rejects malformed input', () => {
    expect(() => parseMunicipalityFeatures('{"type":"Feature"}')).toThrow();
    expect(() => parseMunicipalityFeatures('{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":null}]}')).toThrow(/slug/);
  });
});

describe('locatorOf', () => {
  it('returns a small outline of all municipalities plus the highlighted one', () => {
    const t0 = performance.now();
    const loc = locatorOf(termMap, 'jurmala');
    console.info(`[map] locatorOf (first): ${(performance.now() - t0).toFixed(1)} ms, outline ${loc?.outlinePath.length} chars`);
    expect(loc).not.toBeNull();
    const vb = viewBoxOf(loc!);
    expect(vb.w).toBe(LOCATOR_WIDTH);
    expect(loc!.highlightPath).not.toBe('');
    expect(loc!.outlinePath).toContain(loc!.highlightPath);
    expect(loc!.outlinePath.length).toBeLessThan(30_000);
    const b = box(rings(loc!.outlinePath));
    expect(b.x0).toBeGreaterThanOrEqual(0);
    expect(b.y0).toBeGreaterThanOrEqual(0);
    expect(b.x1).toBeLessThanOrEqual(vb.w);
    expect(b.y1).toBeLessThanOrEqual(vb.h);
  });

  it('has a non-empty highlight for every municipality and null for unknown slugs', () => {
    for (const shape of termMap.geometry.shapes) {
      const loc = locatorOf(termMap, shape.slug);
      expect(loc?.highlightPath, shape.slug).toMatch(/^M.+Z$/);
    }
    expect(locatorOf(termMap, 'atlantis')).toBeNull();
  });
});

describe('MAP_ATTRIBUTION', () => {
  it('credits amCharts as the boundary data licence requires', () => {
    expect(MAP_ATTRIBUTION).toEqual({ text: 'Map data: amCharts', href: 'https://www.amcharts.com/' });
  });
});

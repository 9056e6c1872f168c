/**
 * Planar SVG geometry for the map of Latvia's 43 municipalities, projected on
 * the server with d3-geo (conic conformal, standard parallels 56°/57.5°, centred
 * on 24.5°E). Output is plain data (path strings + label points) so React
 * components can render it without any client-side JavaScript.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { geoArea, geoConicConformal, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { featuresAsOf, readMergers, type Merger } from './boundaries';

/** Required attribution for the amCharts boundary data (linkware licence): show it next to every map. */
export const MAP_ATTRIBUTION = { text: 'Map data: amCharts', href: 'https://www.amcharts.com/' } as const;

/** Source file of the municipality boundaries (WGS84 GeoJSON FeatureCollection). */
export const MAP_SOURCE_FILE = path.join(process.cwd(), 'prisma', 'data', 'municipalities.geojson');

/** Width in SVG user units of the cached full map; height follows Latvia's projected aspect ratio. */
export const MAP_WIDTH = 800;
/** Default padding (SVG units) around the fitted country. */
export const MAP_PADDING = 8;

/** Properties every municipality feature carries. */
export type MunicipalityProperties = {
  slug: string;
  name_lv: string;
  type: 'state_city' | 'municipality';
  iso_3166_2: string;
};

/** One municipality boundary feature (Polygon or MultiPolygon). */
export type MunicipalityFeature = Feature<Polygon | MultiPolygon, MunicipalityProperties>;

/** One projected municipality: SVG path `d` plus a label anchor inside the shape. */
export type MapShape = { slug: string; path: string; labelX: number; labelY: number };

/** The projected map; every shape's path and label lie within `viewBox`. */
export type MapGeometry = { width: number; height: number; viewBox: string; shapes: MapShape[] };

/** A small locator map: all municipalities as one grey path, one highlighted. */
export type LocatorGeometry = { viewBox: string; outlinePath: string; highlightPath: string };

/** Options for {@link buildMapGeometry}. */
export type MapGeometryOptions = { width: number; height: number; padding?: number };

type Point = [number, number];
type Ring = Point[];

// ---------------------------------------------------------------------------
// Loading & winding
// ---------------------------------------------------------------------------

/** Reverses rings whose winding contradicts d3's spherical convention (exterior clockwise, holes counter-clockwise). */
function rewindPolygon(rings: Position[][]): Position[][] {
  return rings.map((ring, i) => {
    const area = geoArea({ type: 'Polygon', coordinates: [ring] });
    const isExterior = i === 0;
    // A correctly wound exterior encloses a small area; a hole, read as an exterior, encloses almost the whole sphere.
    const wrong = isExterior ? area > 2 * Math.PI : area < 2 * Math.PI;
    return wrong ? [...ring].reverse() : ring;
  });
}

/** Returns a copy of `feature` whose rings follow d3's winding convention (so no shape renders as "the whole globe"). */
export function rewindFeature(feature: MunicipalityFeature): MunicipalityFeature {
  const g = feature.geometry;
  const geometry: Polygon | MultiPolygon =
    g.type === 'Polygon'
      ? { type: 'Polygon', coordinates: rewindPolygon(g.coordinates) }
      : { type: 'MultiPolygon', coordinates: g.coordinates.map(rewindPolygon) };
  return { ...feature, geometry };
}

/** Parses and validates the municipality FeatureCollection (throws on a malformed feature). */
export function parseMunicipalityFeatures(json: string): MunicipalityFeature[] {
  const fc = JSON.parse(json) as FeatureCollection;
  if (fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) throw new Error('Expected a FeatureCollection');
  return fc.features.map((f, i) => {
    const props = f.properties as Partial<MunicipalityProperties> | null;
    const type = f.geometry?.type;
    if (!props?.slug || (type !== 'Polygon' && type !== 'MultiPolygon')) {
      throw new Error(`Feature #${i} lacks a slug or a (Multi)Polygon geometry`);
    }
    return f as MunicipalityFeature;
  });
}

/** The single geometry source: reads {@link MAP_SOURCE_FILE}. Swap this to change the boundary data. */
export function readMunicipalityFeatures(file: string = MAP_SOURCE_FILE): MunicipalityFeature[] {
  return parseMunicipalityFeatures(readFileSync(file, 'utf8'));
}

// ---------------------------------------------------------------------------
// Projection & path serialisation
// ---------------------------------------------------------------------------

/** Latvia-centred conic conformal projection (not yet fitted). */
function latviaProjection() {
  return geoConicConformal().parallels([56, 57.5]).rotate([-24.5, 0]);
}

function collection(features: MunicipalityFeature[]): GeoPermissibleObjects {
  return { type: 'FeatureCollection', features };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * d3 path context that records rings of points rounded to 0.1 and drops
 * consecutive duplicates (which rounding creates), keeping the SVG small.
 */
class RingRecorder {
  readonly rings: Ring[] = [];
  private current: Ring | null = null;

  moveTo(x: number, y: number): void {
    this.current = [[round1(x), round1(y)]];
    this.rings.push(this.current);
  }

  lineTo(x: number, y: number): void {
    const p: Point = [round1(x), round1(y)];
    const last = this.current?.[this.current.length - 1];
    if (!this.current || !last) return this.moveTo(x, y);
    if (last[0] !== p[0] || last[1] !== p[1]) this.current.push(p);
  }

  closePath(): void {
    this.current = null;
  }

  /* Required by d3's context interface; polygons never emit arcs. */
  arc(): void {}
  beginPath(): void {}
}

/** Serialises closed rings as an SVG path `d` ("M x,y L… Z" in compact form); degenerate rings (<3 points) are dropped. */
function ringsToPath(rings: Ring[]): string {
  return rings
    .filter((r) => r.length >= 3)
    .map((r) => `M${r.map(([x, y]) => `${x},${y}`).join('L')}Z`)
    .join('');
}

/** Signed planar area (shoelace); sign depends on winding. */
function ringArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[j];
    const b = ring[i];
    if (a && b) sum += a[0] * b[1] - b[0] * a[1];
  }
  return sum / 2;
}

// ---------------------------------------------------------------------------
// Label placement
// ---------------------------------------------------------------------------

/** Even-odd point-in-polygon over all rings (exterior + holes). */
function insideRings(p: Point, rings: Ring[]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i];
      const b = ring[j];
      if (!a || !b) continue;
      if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) {
        inside = !inside;
      }
    }
  }
  return inside;
}

/** Distance from `p` to the nearest edge of any ring. */
function distanceToEdges(p: Point, rings: Ring[]): number {
  let best = Infinity;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[j];
      const b = ring[i];
      if (!a || !b) continue;
      const dx = b[0] - a[0];
      const dy = b[1] - a[1];
      const len2 = dx * dx + dy * dy;
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
      best = Math.min(best, Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy)));
    }
  }
  return best;
}

function bbox(rings: Ring[]): { x0: number; y0: number; x1: number; y1: number } {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of rings) {
    for (const [x, y] of ring) {
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    }
  }
  return { x0, y0, x1, y1 };
}

/**
 * Label anchor inside the shape: the interior grid point (24×24 plus the
 * area-weighted centroid) farthest from every edge, an approximation of the
 * pole of inaccessibility. Falls back to the bbox centre for degenerate rings.
 */
export function labelPoint(rings: Ring[]): Point {
  const box = bbox(rings);
  const candidates: Point[] = [[(box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2]];
  const steps = 24;
  for (let i = 0; i <= steps; i++) {
    for (let j = 0; j <= steps; j++) {
      candidates.push([box.x0 + ((box.x1 - box.x0) * (i + 0.5)) / (steps + 1), box.y0 + ((box.y1 - box.y0) * (j + 0.5)) / (steps + 1)]);
    }
  }
  let best: Point | null = null;
  let bestDist = -1;
  for (const c of candidates) {
    if (!insideRings(c, rings)) continue;
    const d = distanceToEdges(c, rings);
    if (d > bestDist) [best, bestDist] = [c, d];
  }
  const fallback: Point = [(box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2];
  const [x, y] = best ?? fallback;
  return [round1(x), round1(y)];
}

/** Groups rings (already exterior-then-holes per polygon in d3 output order) by the polygon with largest |area|. */
function largestPolygonRings(rings: Ring[]): Ring[] {
  // d3 emits each polygon's exterior before its holes; holes have opposite planar winding to exteriors.
  const polygons: Ring[][] = [];
  let sign = 0;
  for (const ring of rings) {
    const a = ringArea(ring);
    if (polygons.length === 0 || Math.sign(a) === sign) {
      polygons.push([ring]);
      sign = Math.sign(a);
    } else {
      polygons[polygons.length - 1]?.push(ring);
    }
  }
  let best: Ring[] = [];
  let bestArea = -1;
  for (const poly of polygons) {
    const a = Math.abs(ringArea(poly[0] ?? []));
    if (a > bestArea) [best, bestArea] = [poly, a];
  }
  return best;
}

// ---------------------------------------------------------------------------
// Public builders
// ---------------------------------------------------------------------------

/** Projects one feature with `path` into rounded, de-duplicated rings. */
function projectRings(feature: MunicipalityFeature, pathGen: ReturnType<typeof geoPath>): Ring[] {
  const rec = new RingRecorder();
  pathGen.context(rec)(feature);
  return rec.rings.filter((r) => r.length >= 3);
}

/**
 * Height that makes a `width`-wide map (with `padding`) match the projected
 * aspect ratio of `features`, rounded up to an integer.
 */
export function aspectHeight(features: MunicipalityFeature[], width: number, padding = MAP_PADDING): number {
  const fc = collection(features.map(rewindFeature));
  const projection = latviaProjection().fitWidth(width - 2 * padding, fc);
  const [[, y0], [, y1]] = geoPath(projection).bounds(fc);
  return Math.ceil(y1 - y0 + 2 * padding);
}

/**
 * Projects `features` (conic conformal, fitted into width×height minus padding).
 * Guarantees: one shape per input feature in input order, every path non-empty
 * with coordinates rounded to 0.1 inside the viewBox, label point inside its
 * shape's largest polygon; output is a pure function of the input.
 */
export function buildMapGeometry(features: MunicipalityFeature[], opts: MapGeometryOptions): MapGeometry {
  return buildWithRings(features, opts).geometry;
}

function buildWithRings(
  features: MunicipalityFeature[],
  opts: MapGeometryOptions,
  frame: MunicipalityFeature[] = features,
): { geometry: MapGeometry; rings: Map<string, Ring[]> } {
  const padding = opts.padding ?? MAP_PADDING;
  const wound = features.map(rewindFeature);
  const projection = latviaProjection().fitExtent(
    [
      [padding, padding],
      [opts.width - padding, opts.height - padding],
    ],
    collection(frame === features ? wound : frame.map(rewindFeature)),
  );
  const pathGen = geoPath(projection);
  const ringsBySlug = new Map<string, Ring[]>();
  const shapes = wound.map((feature): MapShape => {
    const rings = projectRings(feature, pathGen);
    ringsBySlug.set(feature.properties.slug, rings);
    const [labelX, labelY] = labelPoint(largestPolygonRings(rings));
    return { slug: feature.properties.slug, path: ringsToPath(rings), labelX, labelY };
  });
  const geometry = { width: opts.width, height: opts.height, viewBox: `0 0 ${opts.width} ${opts.height}`, shapes };
  return { geometry, rings: ringsBySlug };
}

/** Width of the locator map's coordinate space (coarser grid ⇒ much smaller paths). */
export const LOCATOR_WIDTH = 200;

type Cache = { geometry: MapGeometry; rings: Map<string, Ring[]>; locatorPaths: Map<string, string> | null; locatorOutline: string | null };
/** One cache per set of applied mergers ('' = the source file as is), so each council term gets its own boundaries. */
const caches = new Map<string, Cache>();
let mergers: Merger[] | null = null;

function cacheFor(asOf?: string): Cache {
  mergers ??= readMergers();
  const key = asOf
    ? mergers
        .filter((m) => m.validTo < asOf)
        .map((m) => m.from)
        .join(',')
    : '';
  let c = caches.get(key);
  if (!c) {
    const source = readMunicipalityFeatures();
    // Note: the projection is fitted to the whole source file, so every term's map has the same frame.
    const features = asOf ? featuresAsOf(source, mergers, asOf) : source;
    const { geometry, rings } = buildWithRings(features, { width: MAP_WIDTH, height: aspectHeight(source, MAP_WIDTH) }, source);
    c = { geometry, rings, locatorPaths: null, locatorOutline: null };
    caches.set(key, c);
  }
  return c;
}

/**
 * The full map, {@link MAP_WIDTH} wide and aspect-correct; built once per
 * process and term from {@link readMunicipalityFeatures}. With `asOf` (a
 * term's start, 'YYYY-MM-DD') units merged before it are gone and their
 * territory belongs to their successor (lib/map/boundaries).
 */
export function loadMapGeometry(asOf?: string): MapGeometry {
  return cacheFor(asOf).geometry;
}

/** Clears the module-level caches (tests, or after swapping the source file). */
export function resetMapGeometryCache(): void {
  caches.clear();
  mergers = null;
}

/** Drops points lying on the straight line between their kept neighbours (exact test on the integer grid). */
function dropCollinear(ring: Ring): Ring {
  const out: Ring = [];
  for (const p of ring) {
    while (out.length >= 2) {
      const a = out[out.length - 2];
      const b = out[out.length - 1];
      if (!a || !b || (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]) !== 0) break;
      out.pop();
    }
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

/** Rescales rings by `k`, snaps to the integer grid, simplifies collinear runs and drops collapsed rings. */
function coarsen(rings: Ring[], k: number): Ring[] {
  return rings.map((ring) => dropCollinear(ring.map(([x, y]): Point => [Math.round(x * k), Math.round(y * k)]))).filter((r) => r.length >= 3);
}

function locatorPaths(c: Cache): Map<string, string> {
  if (!c.locatorPaths) {
    const k = LOCATOR_WIDTH / c.geometry.width;
    c.locatorPaths = new Map([...c.rings].map(([slug, rings]) => [slug, ringsToPath(coarsen(rings, k))]));
  }
  return c.locatorPaths;
}

/**
 * Locator map for `slug`, derived from the cached full-map geometry scaled to
 * {@link LOCATOR_WIDTH} units wide on an integer grid: `outlinePath` is every
 * municipality (draw grey), `highlightPath` the one to emphasise (never empty,
 * even for tiny state cities). Returns `null` for an unknown slug.
 */
export function buildLocatorGeometry(slug: string, asOf?: string): LocatorGeometry | null {
  const cache = cacheFor(asOf);
  const paths = locatorPaths(cache);
  const target = paths.get(slug);
  if (target === undefined) return null;
  const k = LOCATOR_WIDTH / cache.geometry.width;
  const height = Math.ceil(cache.geometry.height * k);
  return {
    viewBox: `0 0 ${LOCATOR_WIDTH} ${height}`,
    // Note: the outline is the same for every municipality: joined once per process.
    outlinePath: (cache.locatorOutline ??= [...paths.values()].join('')),
    highlightPath: target,
  };
}

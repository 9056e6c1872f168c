/**
 * Planar SVG geometry for the map of Latvia's municipalities, projected on
 * the server with d3-geo (conic conformal, standard parallels 56°/57.5°, centred
 * on 24.5°E). Output is plain data (path strings + label points) so React
 * components can render it without any client-side JavaScript. Pure: the
 * boundaries come from the database (lib/map/store), loaded there once from
 * the source file by the seed (lib/seed/boundaries).
 */
import { geoArea, geoConicConformal, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { labelPoint, largestPolygonRings, type Point, type Ring } from './labels';

/** Required attribution for the amCharts boundary data (linkware licence): show it next to every map. */
export const MAP_ATTRIBUTION = { text: 'Map data: amCharts', href: 'https://www.amcharts.com/' } as const;

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

// ---------------------------------------------------------------------------
// Winding
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

/** One term's projected map with its rings per unit (for the locator maps), as lib/map/store caches it. */
export type TermMap = { geometry: MapGeometry; rings: Map<string, Ring[]>; locatorPaths?: Map<string, string>; locatorOutline?: string };

/**
 * The full map of `features` (one council term's units), {@link MAP_WIDTH}
 * wide, projected in the frame of `frame` (every unit ever loaded), so each
 * term's map has the same frame and a merged unit's territory is drawn where
 * its successor's boundary includes it.
 */
export function buildTermMap(features: MunicipalityFeature[], frame: MunicipalityFeature[] = features): TermMap {
  return buildWithRings(features, { width: MAP_WIDTH, height: aspectHeight(frame, MAP_WIDTH) }, frame);
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

function locatorPaths(c: TermMap): Map<string, string> {
  if (!c.locatorPaths) {
    const k = LOCATOR_WIDTH / c.geometry.width;
    c.locatorPaths = new Map([...c.rings].map(([slug, rings]) => [slug, ringsToPath(coarsen(rings, k))]));
  }
  return c.locatorPaths;
}

/**
 * Locator map for `slug`, derived from the term's full-map geometry scaled to
 * {@link LOCATOR_WIDTH} units wide on an integer grid: `outlinePath` is every
 * municipality (draw grey), `highlightPath` the one to emphasise (never empty,
 * even for tiny state cities). Returns `null` for an unknown slug.
 */
export function locatorOf(map: TermMap, slug: string): LocatorGeometry | null {
  const paths = locatorPaths(map);
  const target = paths.get(slug);
  if (target === undefined) return null;
  const k = LOCATOR_WIDTH / map.geometry.width;
  const height = Math.ceil(map.geometry.height * k);
  return {
    viewBox: `0 0 ${LOCATOR_WIDTH} ${height}`,
    // Note: the outline is the same for every municipality: joined once per term map.
    outlinePath: (map.locatorOutline ??= [...paths.values()].join('')),
    highlightPath: target,
  };
}

/**
 * Label anchors for the projected map (lib/map/geometry): a point inside each
 * shape's largest polygon, as far from its edges as a coarse grid finds.
 * Pure planar geometry on projected (SVG) coordinates.
 */
export type Point = [number, number];
export type Ring = Point[];

const round1 = (n: number) => Math.round(n * 10) / 10;

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
export function largestPolygonRings(rings: Ring[]): Ring[] {
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

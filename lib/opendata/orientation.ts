import type { OpenGeometry } from './fields';

/**
 * Ring orientation of the GeoJSON the open data serves (RFC 7946 §3.1.6,
 * the right-hand rule): every exterior ring counter-clockwise, every hole
 * clockwise, in the longitude/latitude plane. The stored boundaries follow
 * d3-geo's spherical convention (exteriors clockwise), which the map needs;
 * so the open data orients at output time, here and only here, whatever
 * geometry it is given (a municipality of any term, a union of merged units).
 */

type Ring = number[][];

/**
 * Twice the signed area of a ring in the lon/lat plane (shoelace formula):
 * positive when counter-clockwise. Works for closed rings (first = last) and open ones.
 */
export function signedArea2(ring: readonly (readonly number[])[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[j]!;
    const b = ring[i]!;
    sum += a[0]! * b[1]! - b[0]! * a[1]!;
  }
  return sum;
}

/** A ring with the wanted winding (a degenerate ring, of zero area, is left as it is). */
function wound(ring: Ring, counterClockwise: boolean): Ring {
  const area = signedArea2(ring);
  if (area === 0 || area > 0 === counterClockwise) return ring;
  return [...ring].reverse();
}

function orientPolygon(rings: Ring[]): Ring[] {
  return rings.map((ring, i) => wound(ring, i === 0));
}

/** The geometry with RFC 7946 winding: exterior rings counter-clockwise, holes clockwise. Pure; the input is not changed. */
export function orientRfc7946(geometry: OpenGeometry): OpenGeometry {
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: orientPolygon(geometry.coordinates) };
  return { type: 'MultiPolygon', coordinates: geometry.coordinates.map(orientPolygon) };
}

/** Every ring of a geometry, each with whether it is an exterior ring (for checks and tests). */
export function ringsOf(geometry: OpenGeometry): { exterior: boolean; ring: Ring }[] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.flatMap((rings) => rings.map((ring, i) => ({ exterior: i === 0, ring })));
}

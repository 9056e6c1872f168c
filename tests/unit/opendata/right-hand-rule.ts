import { expect } from 'vitest';
import { ringsOf, signedArea2 } from '@/lib/opendata/orientation';
import type { OpenGeometry } from '@/lib/opendata/fields';

/** Whether a ring is counter-clockwise in the lon/lat plane. */
export const isCounterClockwise = (ring: number[][]): boolean => signedArea2(ring) > 0;

/** RFC 7946 §3.1.6: every exterior ring counter-clockwise, every hole clockwise. */
export function expectRightHandRule(geometry: OpenGeometry, label: string): void {
  for (const [i, { exterior, ring }] of ringsOf(geometry).entries())
    expect(isCounterClockwise(ring), `${label} ring ${i} (${exterior ? 'exterior' : 'hole'})`).toBe(exterior);
}

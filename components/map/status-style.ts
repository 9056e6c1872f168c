import type { MapStatus } from '@/lib/municipalities/overview';

/**
 * Fill colour and pattern per status. Colours keep ≥ 3:1 against white
 * (WCAG 1.4.11) except "not joined", which is told apart by its pattern-less
 * light fill and by the labels; patterns make status readable without colour.
 */
export const STATUS_STYLE: Record<MapStatus, { fill: string; pattern: string | null }> = {
  VERIFIED: { fill: '#15803d', pattern: null },
  SUBMITTED: { fill: '#b45309', pattern: 'hatch' },
  WITHDRAWN: { fill: '#b91c1c', pattern: 'cross' },
  PREVIOUS: { fill: '#6d28d9', pattern: 'dots' },
  NONE: { fill: '#e5e7eb', pattern: null },
};

export const MAP_STATUS_ORDER: MapStatus[] = ['VERIFIED', 'SUBMITTED', 'PREVIOUS', 'WITHDRAWN', 'NONE'];

import type { LocatorGeometry } from '@/lib/map/geometry';

/**
 * A small map of Latvia with one municipality highlighted (decorative; the name is in the heading).
 * `asOf` ('YYYY-MM-DD', a term's start) draws that term's boundaries, as the main map does: from 2025
 * Madonas novads includes Varakļānu novads (the union stored per term; the caller reads it with
 * lib/map/store buildLocatorGeometry, since the public pages render synchronously, ADR 0180).
 */
export function LocatorMap({ geometry, label, asOf }: { geometry: LocatorGeometry | null; label: string; asOf?: string }) {
  if (!geometry) return null;
  return (
    <svg viewBox={geometry.viewBox} className="h-auto w-48" role="img" aria-label={label} data-testid="locator-map" data-as-of={asOf}>
      <path d={geometry.outlinePath} fill="#f3f4f6" stroke="#6b7280" strokeWidth={0.5} />
      <path d={geometry.highlightPath} fill="#8a1c2b" stroke="#111827" strokeWidth={0.8} />
    </svg>
  );
}

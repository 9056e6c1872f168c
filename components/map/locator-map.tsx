import { buildLocatorGeometry } from '@/lib/map/store';

/**
 * A small map of Latvia with one municipality highlighted (decorative; the name is in the heading).
 * `asOf` ('YYYY-MM-DD', a term's start) draws that term's boundaries, as the main map does: from 2025
 * Madonas novads includes Varakļānu novads (the union stored per term, read by lib/map/store).
 */
export async function LocatorMap({ slug, label, asOf }: { slug: string; label: string; asOf?: string }) {
  const geometry = await buildLocatorGeometry(slug, asOf);
  if (!geometry) return null;
  return (
    <svg viewBox={geometry.viewBox} className="h-auto w-48" role="img" aria-label={label} data-testid="locator-map" data-as-of={asOf}>
      <path d={geometry.outlinePath} fill="#f3f4f6" stroke="#6b7280" strokeWidth={0.5} />
      <path d={geometry.highlightPath} fill="#8a1c2b" stroke="#111827" strokeWidth={0.8} />
    </svg>
  );
}

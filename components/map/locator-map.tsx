import { buildLocatorGeometry } from '@/lib/map/geometry';

/** A small map of Latvia with one municipality highlighted (decorative; the name is in the heading). */
export function LocatorMap({ slug, label }: { slug: string; label: string }) {
  const geometry = buildLocatorGeometry(slug);
  if (!geometry) return null;
  return (
    <svg viewBox={geometry.viewBox} className="h-auto w-48" role="img" aria-label={label} data-testid="locator-map">
      <path d={geometry.outlinePath} fill="#f3f4f6" stroke="#6b7280" strokeWidth={0.5} />
      <path d={geometry.highlightPath} fill="#8a1c2b" stroke="#111827" strokeWidth={0.8} />
    </svg>
  );
}

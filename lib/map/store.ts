import 'server-only';
import { db } from '@/lib/db/client';
import { rowsVersion } from '@/lib/db/row-version';
import { utcDay } from '@/lib/dates';
import { LV_COLLATOR } from '@/lib/municipalities/queries';
import { buildTermMap, locatorOf, type LocatorGeometry, type MapGeometry, type MunicipalityFeature, type TermMap } from './geometry';

/**
 * The maps' boundaries, from the database only (ADR 0191): a term's units are
 * its `MunicipalityBoundary` rows (the seed stored them once from the source
 * file, with merged units' unions already computed, lib/seed/boundaries); the
 * frame, so every term's map has the same one, is every unit's own boundary
 * (`Municipality.boundary`). Nothing here reads a file or computes a union.
 * The projected map is kept per process and term while the boundary rows are
 * unchanged ({@link boundaryVersion}), so a changed row, whoever wrote it,
 * gives a new map on the next request.
 */

type Row = { slug: string; nameLv: string; type: 'STATE_CITY' | 'MUNICIPALITY'; iso3166_2: string | null; geometry: unknown };

const isArea = (g: unknown): g is MunicipalityFeature['geometry'] =>
  typeof g === 'object' && g !== null && ((g as { type?: unknown }).type === 'Polygon' || (g as { type?: unknown }).type === 'MultiPolygon');

/** Rows as features in the map's order (Latvian alphabetical, the order of the source file). */
function featuresOf(rows: Row[]): MunicipalityFeature[] {
  return rows
    .filter((r) => isArea(r.geometry))
    .sort((a, b) => LV_COLLATOR.compare(a.nameLv, b.nameLv))
    .map((r) => ({
      type: 'Feature',
      properties: { slug: r.slug, name_lv: r.nameLv, type: r.type === 'STATE_CITY' ? 'state_city' : 'municipality', iso_3166_2: r.iso3166_2 ?? '' },
      geometry: r.geometry as MunicipalityFeature['geometry'],
    }));
}

/** A fingerprint of the rows the maps are drawn from (lib/db/row-version, as the open-data lists' ETag). */
const boundaryVersion = () => rowsVersion([{ table: 'Municipality' }, { table: 'MunicipalityBoundary' }, { table: 'CouncilTerm' }]);

async function readTermMap(asOf: string | undefined): Promise<TermMap> {
  const select = { slug: true, nameLv: true, type: true, iso3166_2: true } as const;
  const units = await db().municipality.findMany({ select: { ...select, boundary: true } });
  const frame = featuresOf(units.map(({ boundary, ...m }) => ({ ...m, geometry: boundary })));
  const term = asOf
    ? await db().councilTerm.findFirst({ where: { startsOn: { lte: utcDay(asOf) } }, orderBy: { startsOn: 'desc' }, select: { id: true } })
    : null;
  const rows = term ? await db().municipalityBoundary.findMany({ where: { termId: term.id }, select: { geometry: true, municipality: { select } } }) : [];
  // Note: a term without stored boundaries (none is seeded so) draws every unit as loaded rather than an empty map.
  return rows.length ? buildTermMap(featuresOf(rows.map((b) => ({ ...b.municipality, geometry: b.geometry }))), frame) : buildTermMap(frame);
}

type Cached = Map<string, { version: string; map: Promise<TermMap> }>;
const KEY = Symbol.for('memorands.termMaps');
/** Per process (on globalThis: the front server and Next's bundle load their own copies of this module). */
function cache(): Cached {
  const holder = globalThis as unknown as Record<symbol, Cached | undefined>;
  holder[KEY] ??= new Map() as Cached;
  return holder[KEY];
}

/** The term's map (`asOf`: a day of the term, 'YYYY-MM-DD'; none: every unit as loaded), from the database rows as they are now. */
async function termMap(asOf?: string): Promise<TermMap> {
  const version = await boundaryVersion();
  const key = asOf ?? '';
  const hit = cache().get(key);
  if (hit?.version === version) return hit.map;
  const map = readTermMap(asOf);
  cache().set(key, { version, map });
  map.catch(() => cache().delete(key));
  return map;
}

/**
 * The full map, {@link MAP_WIDTH} wide and aspect-correct, of the council term containing `asOf` (its start,
 * 'YYYY-MM-DD'): units merged before it are gone and their territory is their successor's (stored union).
 */
export async function loadMapGeometry(asOf?: string): Promise<MapGeometry> {
  return (await termMap(asOf)).geometry;
}

/** The locator map of `slug` in the term containing `asOf` (lib/map/geometry locatorOf); null for an unknown slug. */
export async function buildLocatorGeometry(slug: string, asOf?: string): Promise<LocatorGeometry | null> {
  return locatorOf(await termMap(asOf), slug);
}

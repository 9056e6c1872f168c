/**
 * The boundary source file and boundaries per council term, at import time
 * only (issue 12; ADR 0191): the running product reads boundaries from the
 * database (lib/map/store), never this file. The source file holds the 2021
 * division (43 units); a unit merged into another (Varakļānu novads into
 * Madonas novads after the 2025 elections) gives its territory to its
 * successor in every term that starts after the merger: the successor's
 * boundary there is the union of both, computed with polyclip-ts (a
 * maintained Martinez–Rueda–Feito polygon clipper) when the data is loaded.
 * The seed stores the result per term (MunicipalityBoundary); open data
 * and the maps read those rows.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { union, type Geom } from 'polyclip-ts';
import { geoArea } from 'd3-geo';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { MunicipalityFeature, MunicipalityProperties } from '@/lib/map/geometry';

/** Source file of the municipality boundaries (WGS84 GeoJSON FeatureCollection; provenance in prisma/data/README.md). */
export const MAP_SOURCE_FILE = path.join(process.cwd(), 'prisma', 'data', 'municipalities.geojson');

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

/** The one geometry source, read by the seed: {@link MAP_SOURCE_FILE}. Swap this to change the boundary data. */
export function readMunicipalityFeatures(file: string = MAP_SOURCE_FILE): MunicipalityFeature[] {
  return parseMunicipalityFeatures(readFileSync(file, 'utf8'));
}

/** A merger as prisma/data/terms.json states it: `from` ends on `validTo` and its territory joins `into`. */
export type Merger = { from: string; into: string; validTo: string; citation: string };

/** The mergers of the reference data (prisma/data/terms.json). */
export function readMergers(file = path.join(process.cwd(), 'prisma', 'data', 'terms.json')): Merger[] {
  const json = JSON.parse(readFileSync(file, 'utf8')) as { mergers?: { from: string; into: string; valid_to: string; citation: string }[] };
  return (json.mergers ?? []).map((m) => ({ from: m.from, into: m.into, validTo: m.valid_to, citation: m.citation }));
}

const polygonsOf = (g: Polygon | MultiPolygon): Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);

/** The union of two (Multi)Polygons: a Polygon when it is one piece, else a MultiPolygon. */
export function unionGeometry(a: Polygon | MultiPolygon, b: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const result = union(polygonsOf(a) as Geom, polygonsOf(b) as Geom) as Position[][][];
  return result.length === 1 ? { type: 'Polygon', coordinates: result[0]! } : { type: 'MultiPolygon', coordinates: result };
}

const EARTH_RADIUS_KM = 6371.0088;
/** Area of one ring on the sphere whatever its winding (the smaller side). */
function ringArea(ring: Position[]): number {
  const a = geoArea({ type: 'Polygon', coordinates: [ring] });
  return Math.min(a, 4 * Math.PI - a);
}

/** Spherical area in km² (d3-geo, mean Earth radius), holes subtracted; on simplified geometry an approximation, not the official area. */
export function geometryAreaKm2(g: Polygon | MultiPolygon): number {
  return polygonsOf(g).reduce((sum, rings) => sum + rings.reduce((s, r, i) => s + (i === 0 ? 1 : -1) * ringArea(r), 0), 0) * EARTH_RADIUS_KM ** 2;
}

/**
 * The features of the units existing on `asOf` ('YYYY-MM-DD', e.g. a term's
 * start): units merged before it are left out and their territory is added
 * to their successor. Pure; the input is not changed.
 */
export function featuresAsOf(features: readonly MunicipalityFeature[], mergers: readonly Merger[], asOf: string): MunicipalityFeature[] {
  const applied = mergers.filter((m) => m.validTo < asOf);
  const gone = new Set(applied.map((m) => m.from));
  const bySlug = new Map(features.map((f) => [f.properties.slug, f]));
  return features
    .filter((f) => !gone.has(f.properties.slug))
    .map((f) => {
      const absorbed = applied
        .filter((m) => m.into === f.properties.slug)
        .map((m) => bySlug.get(m.from))
        .filter((x): x is MunicipalityFeature => Boolean(x));
      if (absorbed.length === 0) return f;
      return { ...f, geometry: absorbed.reduce<Polygon | MultiPolygon>((g, other) => unionGeometry(g, other.geometry), f.geometry) };
    });
}

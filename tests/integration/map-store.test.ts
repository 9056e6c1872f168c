import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { buildTermMap, locatorOf } from '@/lib/map/geometry';
import { buildLocatorGeometry, loadMapGeometry } from '@/lib/map/store';
import { featuresAsOf, readMergers, readMunicipalityFeatures } from '@/lib/seed/boundaries';
import { resetDatabase } from './db-utils';

/** The map as it was drawn from the source file at run time before ADR 0191 (here only as the expected output). */
function fromFile(asOf?: string) {
  const source = readMunicipalityFeatures();
  return buildTermMap(asOf ? featuresAsOf(source, readMergers(), asOf) : source, source);
}

describe('maps drawn from the database rows (lib/map/store)', () => {
  beforeEach(resetDatabase);

  it('gives the same map and locator maps as the source file, for every unit and for each term', async () => {
    for (const asOf of [undefined, '2021-07-01', '2025-07-01']) {
      const expected = fromFile(asOf);
      expect(JSON.stringify(await loadMapGeometry(asOf)), asOf).toBe(JSON.stringify(expected.geometry));
      expect(await buildLocatorGeometry('madonas-novads', asOf), asOf).toEqual(locatorOf(expected, 'madonas-novads'));
    }
    expect((await loadMapGeometry('2025-07-01')).shapes.map((s) => s.slug)).not.toContain('varaklanu-novads');
    expect(await buildLocatorGeometry('atlantis', '2025-07-01')).toBeNull();
  });

  it('follows a changed boundary row at once (no file, no restart): the term map changes, the other term does not', async () => {
    const before2025 = await loadMapGeometry('2025-07-01');
    const before2021 = await loadMapGeometry('2021-07-01');
    const path = (g: typeof before2025, slug: string) => g.shapes.find((s) => s.slug === slug)?.path;
    // Madonas novads in 2025–2029 replaced by its 2021 boundary (as if the union had not been stored).
    const madona2021 = await db().municipality.findUniqueOrThrow({ where: { slug: 'madonas-novads' }, select: { id: true, boundary: true } });
    const term = await db().councilTerm.findUniqueOrThrow({ where: { slug: '2025-2029' }, select: { id: true } });
    await db().municipalityBoundary.update({
      where: { municipalityId_termId: { municipalityId: madona2021.id, termId: term.id } },
      data: { geometry: madona2021.boundary! },
    });
    const after2025 = await loadMapGeometry('2025-07-01');
    expect(path(after2025, 'madonas-novads')).not.toBe(path(before2025, 'madonas-novads'));
    expect(path(after2025, 'madonas-novads')).toBe(path(before2021, 'madonas-novads'));
    expect(path(after2025, 'riga')).toBe(path(before2025, 'riga'));
    expect(await loadMapGeometry('2021-07-01')).toEqual(before2021);

    // A unit's row removed from a term: it is no longer on that term's map.
    const riga = await db().municipality.findUniqueOrThrow({ where: { slug: 'riga' }, select: { id: true } });
    await db().municipalityBoundary.delete({ where: { municipalityId_termId: { municipalityId: riga.id, termId: term.id } } });
    expect(path(await loadMapGeometry('2025-07-01'), 'riga')).toBeUndefined();
    expect(await buildLocatorGeometry('riga', '2025-07-01')).toBeNull();
  });
});

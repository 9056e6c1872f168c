import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lvCouncilGenitive, lvDate, lvGenitive, lvIsSingular } from '@/lib/i18n/latvian';

const items = (
  JSON.parse(readFileSync(path.resolve('prisma/data/municipalities.json'), 'utf8')) as { items: { name_lv: string; official_name_lv: string; type: string }[] }
).items;

/** The genitive of every name of the 2021 division, written out by hand (not derived from the rules under test). */
const GENITIVE: Record<string, string> = {
  Rīga: 'Rīgas',
  Daugavpils: 'Daugavpils',
  Jelgava: 'Jelgavas',
  Jūrmala: 'Jūrmalas',
  Liepāja: 'Liepājas',
  Rēzekne: 'Rēzeknes',
  Ventspils: 'Ventspils',
  'Aizkraukles novads': 'Aizkraukles novada',
  'Alūksnes novads': 'Alūksnes novada',
  'Augšdaugavas novads': 'Augšdaugavas novada',
  'Ādažu novads': 'Ādažu novada',
  'Balvu novads': 'Balvu novada',
  'Bauskas novads': 'Bauskas novada',
  'Cēsu novads': 'Cēsu novada',
  'Dienvidkurzemes novads': 'Dienvidkurzemes novada',
  'Dobeles novads': 'Dobeles novada',
  'Gulbenes novads': 'Gulbenes novada',
  'Jelgavas novads': 'Jelgavas novada',
  'Jēkabpils novads': 'Jēkabpils novada',
  'Krāslavas novads': 'Krāslavas novada',
  'Kuldīgas novads': 'Kuldīgas novada',
  'Ķekavas novads': 'Ķekavas novada',
  'Limbažu novads': 'Limbažu novada',
  'Līvānu novads': 'Līvānu novada',
  'Ludzas novads': 'Ludzas novada',
  'Madonas novads': 'Madonas novada',
  'Mārupes novads': 'Mārupes novada',
  'Ogres novads': 'Ogres novada',
  'Olaines novads': 'Olaines novada',
  'Preiļu novads': 'Preiļu novada',
  'Rēzeknes novads': 'Rēzeknes novada',
  'Ropažu novads': 'Ropažu novada',
  'Salaspils novads': 'Salaspils novada',
  'Saldus novads': 'Saldus novada',
  'Saulkrastu novads': 'Saulkrastu novada',
  'Siguldas novads': 'Siguldas novada',
  'Smiltenes novads': 'Smiltenes novada',
  'Talsu novads': 'Talsu novada',
  'Tukuma novads': 'Tukuma novada',
  'Valkas novads': 'Valkas novada',
  'Valmieras novads': 'Valmieras novada',
  'Varakļānu novads': 'Varakļānu novada',
  'Ventspils novads': 'Ventspils novada',
};

describe('Latvian declension', () => {
  it('declines every one of the 43 names, and every official name with "domes"', () => {
    expect(items).toHaveLength(43);
    for (const m of items) {
      expect(GENITIVE[m.name_lv], m.name_lv).toBeDefined();
      expect(lvGenitive(m.name_lv)).toBe(GENITIVE[m.name_lv]);
      const official = m.type === 'state_city' ? `${GENITIVE[m.name_lv]} valstspilsētas domes` : `${GENITIVE[m.name_lv]} domes`;
      expect(lvCouncilGenitive(m.official_name_lv)).toBe(official);
    }
    expect(lvCouncilGenitive('Liepājas valstspilsēta')).toBe('Liepājas valstspilsētas domes');
    expect(lvCouncilGenitive('Madonas novads')).toBe('Madonas novada domes');
    expect(lvGenitive('Liepājas valstspilsētas pašvaldības dome')).toBe('Liepājas valstspilsētas pašvaldības domes');
    expect(lvGenitive('Jēkabpils novada dome')).toBe('Jēkabpils novada domes');
  });

  it('writes dates with the month in the needed case', () => {
    expect(lvDate('2025-03-20', 'genitive')).toBe('2025. gada 20. marta');
    expect(lvDate(new Date('2021-07-01T00:00:00Z'), 'genitive')).toBe('2021. gada 1. jūlija');
    expect(lvDate('2025-06-30', 'dative')).toBe('2025. gada 30. jūnijam');
    expect(lvDate('2021-07-22')).toBe('2021. gada 22. jūlijs');
    expect(lvDate('2024-04-02', 'genitive')).toBe('2024. gada 2. aprīļa');
    expect(lvDate('2026-12-03', 'locative')).toBe('2026. gada 3. decembrī');
  });

  it('agrees numbers: 1, 21, 101 singular; 11, 111, 5 plural', () => {
    expect([1, 21, 101, 31].map(lvIsSingular)).toEqual([true, true, true, true]);
    expect([0, 11, 111, 5, 43, 12].map(lvIsSingular)).toEqual([false, false, false, false, false, false]);
  });
});

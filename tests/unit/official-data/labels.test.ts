import { describe, expect, it } from 'vitest';
import { parseUnitLabel, isAggregate, isSubUnit } from '@/lib/official-data/labels';
import { parsePxwebFileName, parsePopulationCsv, TableRefused } from '@/lib/official-data/pxweb';
import { parseAtvkCsv } from '@/lib/official-data/atvk';

describe('CSB unit labels', () => {
  it('reads dots, dated qualifiers and diacritics as the CSB writes them', () => {
    expect(parseUnitLabel(' Madonas novads (no 01.07.2025.) ')).toMatchObject({ name: 'Madonas novads', depth: 0, from: '2025-07-01', until: null });
    expect(parseUnitLabel('Ādažu pagasts (līdz 01.07.2022.)')).toMatchObject({ name: 'Ādažu pagasts', until: '2022-07-01' });
    expect(parseUnitLabel('..Rūjiena')).toMatchObject({ name: 'Rūjiena', depth: 1 });
    expect(parseUnitLabel('....Silmalas pagasts')).toMatchObject({ depth: 2 });
    // NFC: a decomposed ē is the same name.
    expect(parseUnitLabel('Re\u0304zeknes novads').name).toBe('Rēzeknes novads');
    expect(isAggregate('Latvija')).toBe(true);
    expect(isAggregate('Rīgas statistiskais reģions')).toBe(true);
    expect(isAggregate('Rīga')).toBe(false);
    expect(isSubUnit(parseUnitLabel('Salas pagasts (Jēkabpils novads)'))).toBe(true);
    expect(isSubUnit(parseUnitLabel('Salaspils novads'))).toBe(false);
  });

  it("reads PxWeb's file name and both delimiters, and refuses other layouts by reason", () => {
    expect(parsePxwebFileName('IRS051_20261203-101500.csv')).toEqual({ tableCode: 'IRS051', exportedOn: '2026-12-03' });
    expect(parsePxwebFileName('population.csv')).toBeNull();
    const semicolon = '"Tabula"\n\n"Rādītāji";"Teritoriālā vienība";"2025"\n"Iedzīvotāji";"Rīga";605273\n"Iedzīvotāji";"..Rīgas apkaime";-\n';
    const table = parsePopulationCsv(semicolon);
    expect(table).toMatchObject({ title: 'Tabula', years: [2025] });
    expect(table.rows.map((r) => r.values.get(2025))).toEqual([605273, null]);
    const reasons = (text: string) => {
      try {
        parsePopulationCsv(text);
        return [];
      } catch (e) {
        return (e as TableRefused).problems.map((p) => p.key);
      }
    };
    expect(reasons('a,b\n1,2\n')).toEqual(['officialData.noUnitColumn']);
    expect(reasons('"Teritoriālā vienība","Dzimums","2025"\n"Rīga","Vīrieši",1\n')).toEqual(['officialData.unexpectedColumn']);
    expect(reasons('"Rādītāji","Teritoriālā vienība","2025"\n"A","Rīga",1\n"B","Rīga",2\n')).toEqual(['officialData.severalIndicators']);
    expect(reasons('"Teritoriālā vienība","2025"\n"Rīga","seši"\n')).toEqual(['officialData.notANumber']);
  });

  it('reads the ATVK header in any column order and refuses a file without its columns', () => {
    expect(parseAtvkCsv('Code,Level,Name,Validity_period_begin,Validity_period_end\n0001000,3,"Rīga",2021-07-01,\n')).toEqual([
      { level: 3, code: '0001000', name: 'Rīga', begin: '2021-07-01', end: null },
    ]);
    expect(() => parseAtvkCsv('Kods,Nosaukums\n1,Rīga\n')).toThrow(TableRefused);
  });
});

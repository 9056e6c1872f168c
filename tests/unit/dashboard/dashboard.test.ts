import { describe, expect, it } from 'vitest';
import { rigaDay } from '@/lib/dates';
import { compareToNorm } from '@/lib/dashboard/indicators';
import { publicHeadline } from '@/lib/dashboard/metrics';
import { sheetToCsv, sheetToXlsx, type ExportSheet } from '@/lib/dashboard/export';
import { parseDashboardQuery } from '@/lib/schemas/dashboard';
import type { Overview, OverviewRow } from '@/lib/municipalities/overview';
import { readSheet } from 'read-excel-file/node';
import { parseCsv } from '../opendata/csv-parse';

describe('report deadlines', () => {
  // The days and the overdue flag are computed by the one SQL rule (lib/progress/deadlines owedCte) from this Riga day;
  // tests/integration/dashboard.test.ts and tests/integration/owed-reports.test.ts check them on real dates.
  it('count from the Latvian calendar day', () => {
    expect(rigaDay(new Date('2025-03-30T22:30:00Z')).toISOString().slice(0, 10)).toBe('2025-03-31');
    expect(rigaDay(new Date('2025-03-31T20:59:00Z')).toISOString().slice(0, 10)).toBe('2025-03-31');
    expect(rigaDay(new Date('2025-03-31T21:01:00Z')).toISOString().slice(0, 10)).toBe('2025-04-01');
  });
});

const row = (
  slug: string,
  nameLv: string,
  status: OverviewRow['status'],
  type: OverviewRow['type'] = 'MUNICIPALITY',
  population: number | null = null,
): OverviewRow => ({
  slug,
  nameLv,
  officialNameLv: nameLv,
  type,
  population,
  populationYear: null,
  status,
  decisionNumber: null,
  sessionDate: null,
  sessionYearInferred: false,
  isDemo: false,
});
const overview: Overview = {
  term: { slug: '2021-2025', label: '2021–2025', startYear: 2021, endYear: 2025 },
  terms: [],
  previousTerm: null,
  rows: [
    row('riga', 'Rīga', 'VERIFIED', 'STATE_CITY', 600_000),
    row('adazu-novads', 'Ādažu novads', 'SUBMITTED'),
    row('aluksnes-novads', 'Alūksnes novads', 'NONE', 'MUNICIPALITY', 15_000),
    row('talsu-novads', 'Talsu novads', 'WITHDRAWN'),
  ],
};
describe('headline and indicators', () => {
  it('the public headline counts from the overview rows; population share over known ones only', () => {
    const h = publicHeadline(overview.rows);
    expect(h).toMatchObject({ joined: 1, total: 4, awaiting: 1, populationKnown: 2, populationUnknown: 2 });
    expect(h.populationShare).toBeCloseTo(600_000 / 615_000, 9);
    expect(publicHeadline([row('x', 'X', 'VERIFIED')]).populationShare).toBeNull();
  });

  it('compares with the minimum; unknown stays unknown with a reason', () => {
    const norm = { value: 1, citation: 'c', sourceUrl: 'u' };
    expect(compareToNorm(0.75, norm)).toEqual({ comparison: 'BELOW', comparisonUnknown: null });
    expect(compareToNorm(1, norm)).toEqual({ comparison: 'AT', comparisonUnknown: null });
    expect(compareToNorm(2, norm)).toEqual({ comparison: 'ABOVE', comparisonUnknown: null });
    expect(compareToNorm(null, norm)).toEqual({ comparison: null, comparisonUnknown: 'NO_RATIO' });
    expect(compareToNorm(2, null)).toEqual({ comparison: null, comparisonUnknown: 'NO_NORM' });
  });
});

describe('dashboard query', () => {
  it('parses untrusted parameters; anything invalid falls back to the defaults', () => {
    expect(parseDashboardQuery({ type: 'STATE_CITY', status: 'VERIFIED', progress: 'NONE', sort: 'c2', dir: 'desc' })).toEqual({
      type: 'STATE_CITY',
      status: 'VERIFIED',
      progress: 'NONE',
      sort: 'c2',
      dir: 'desc',
    });
    expect(parseDashboardQuery({ type: '', status: 'x', sort: ['c1', 'c2'], dir: 'up', extra: 'y' })).toEqual({ sort: 'c1', dir: 'asc' });
    expect(parseDashboardQuery(new URLSearchParams('sort=c9&dir=desc&type=MUNICIPALITY'))).toEqual({ type: 'MUNICIPALITY', sort: 'name', dir: 'desc' });
    expect(parseDashboardQuery(undefined)).toEqual({ sort: 'name', dir: 'asc' });
  });
});

describe('sheet writers', () => {
  const sheet: ExportSheet = {
    name: 'Rādītāji: [test]',
    columns: [{ header: 'Pašvaldība' }, { header: 'n', format: '0.00' }, { header: 'note' }],
    rows: [
      ['Rīga', 1.5, '=1+1'],
      ['Ādažu novads', null, 'a, "b"'],
    ],
  };

  it('CSV: BOM, header, RFC 4180, blanks for unknowns, formula-safe', () => {
    const text = sheetToCsv(sheet);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(parseCsv(text.slice(1))).toEqual([
      ['Pašvaldība', 'n', 'note'],
      ['Rīga', '1.5', "'=1+1"],
      ['Ādažu novads', '', 'a, "b"'],
    ]);
  });

  it('XLSX: bold header, numbers as numbers, unknowns as empty cells, text never a formula', async () => {
    const bytes = await sheetToXlsx(sheet);
    const data = await readSheet(bytes);
    expect(data[0]).toEqual(['Pašvaldība', 'n', 'note']);
    expect(data[1]).toEqual(['Rīga', 1.5, '=1+1']);
    expect(data[2]![1] ?? null).toBeNull();
  });
});

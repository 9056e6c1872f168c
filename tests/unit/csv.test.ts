import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvField, toCsv } from '@/lib/csv';
import { walk } from '../e2e/support/routes';
import { parseCsv } from './opendata/csv-parse';

describe('the one CSV writer (lib/csv)', () => {
  it('quotes commas, quotes and line breaks per RFC 4180 and doubles quotes', () => {
    expect(csvField('Liepāja, “271/9”')).toBe('"Liepāja, “271/9”"');
    expect(csvField('Nr. "12", 4. §')).toBe('"Nr. ""12"", 4. §"');
    expect(csvField('a\r\nb')).toBe('"a\r\nb"');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField('plain')).toBe('plain');
    // A semicolon is no separator here (RFC 4180: comma); the old progress CSV writer quoted it, the one writer does not.
    expect(csvField('a;b')).toBe('a;b');
    expect(csvField('')).toBe('');
    expect(csvField(null)).toBe('');
    expect(csvField(false)).toBe('false');
    expect(csvField(12.5)).toBe('12.5');
    expect(csvField(-3)).toBe('-3');
  });

  it('neutralises text a spreadsheet would run as a formula', () => {
    for (const evil of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd']) {
      const cell = csvField(evil);
      const [[parsed]] = parseCsv(`${cell}\r\n`) as [[string]];
      expect(parsed.startsWith("'"), JSON.stringify(evil)).toBe(true);
      expect(parsed.slice(1)).toBe(evil);
    }
    expect(csvField('Jēkabpils novads')).toBe('Jēkabpils novads');
  });

  it('writes a BOM, a header, CRLF line ends and round-trips through a parser', () => {
    const rows = [
      ['Varakļānu novads', 'a, "b"', null],
      ['=1+1', 'x\ny', 3],
    ];
    const text = toCsv(['name', 'note', 'n'], rows);
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text.slice(1))).toEqual([
      ['name', 'note', 'n'],
      ['Varakļānu novads', 'a, "b"', ''],
      ["'=1+1", 'x\ny', '3'],
    ]);
  });

  it('gives the exact bytes the served files had (progress CSV: numbers unquoted, blanks empty)', () => {
    const text = toCsv(
      ['municipality_slug', 'year', 'revision', 'commitment', 'indicator', 'value'],
      [
        ['liepaja', 2022, 1, 'staff', 'avg_gross_monthly_pay_eur', '1450'],
        ['liepaja', 2022, 1, 'resources', 'service_budget_eur', ''],
      ],
    );
    expect(Buffer.from(text, 'utf8').toString('hex').slice(0, 6)).toBe('efbbbf');
    expect(text).toBe(
      '\uFEFFmunicipality_slug,year,revision,commitment,indicator,value\r\nliepaja,2022,1,staff,avg_gross_monthly_pay_eur,1450\r\nliepaja,2022,1,resources,service_budget_eur,\r\n',
    );
  });

  it('is the only CSV writer: no other source file writes a BOM or joins CSV records itself', () => {
    const sources = ['app', 'lib', 'components', 'scripts']
      .flatMap((d) => walk(d))
      .filter((f) => /\.tsx?$/.test(f) && !f.startsWith('lib/generated') && f !== 'lib/csv.ts');
    const offenders = sources.filter((f) => {
      const src = readFileSync(f, 'utf8');
      // Writing a BOM (reading one off, `.replace(/^\uFEFF/, '')`, is fine), or CRLF-joined records.
      return /['"`]\\uFEFF|\\ufeff['"`]/.test(src.replace(/\/\^\\uFEFF\//g, '')) || /join\(\s*['"]\\r\\n['"]\s*\)/.test(src);
    });
    expect(offenders).toEqual([]);
  });
});

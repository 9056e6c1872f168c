import { describe, expect, it } from 'vitest';
import { BOM, csvField, toCsv } from '@/lib/opendata/formats';
import { etagOf } from '@/lib/opendata/http';
import { isNotModified } from '@/lib/http/conditional';
import { typeLabel } from '@/lib/opendata/fields';
import { parseCsv } from './csv-parse';

describe('CSV writer', () => {
  it('quotes commas, quotes and line breaks per RFC 4180 and doubles quotes', () => {
    expect(csvField('Liepāja, “271/9”')).toBe('"Liepāja, “271/9”"');
    expect(csvField('Nr. "12", 4. §')).toBe('"Nr. ""12"", 4. §"');
    expect(csvField('a\r\nb')).toBe('"a\r\nb"');
    expect(csvField('plain')).toBe('plain');
    expect(csvField(null)).toBe('');
    expect(csvField(false)).toBe('false');
    expect(csvField(12.5)).toBe('12.5');
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
    const rows = [['Varakļānu novads', 'a, "b"', null], ['=1+1', 'x\ny', 3]];
    const text = toCsv(['name', 'note', 'n'], rows);
    expect(text.startsWith(BOM)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text.slice(1))).toEqual([['name', 'note', 'n'], ['Varakļānu novads', 'a, "b"', ''], ["'=1+1", 'x\ny', '3']]);
  });
});

describe('ETag', () => {
  it('is the quoted sha256 of the body and matches If-None-Match lists, weak tags and *', () => {
    const tag = etagOf('{"a":1}');
    expect(tag).toMatch(/^"[0-9a-f]{64}"$/);
    expect(etagOf('{"a":2}')).not.toBe(tag);
    expect(isNotModified(tag, tag)).toBe(true);
    expect(isNotModified(`"x", W/${tag}`, tag)).toBe(true);
    expect(isNotModified('*', tag)).toBe(true);
    expect(isNotModified('"other"', tag)).toBe(false);
    expect(isNotModified(null, tag)).toBe(false);
  });
});

describe('type labels for the data page', () => {
  it('shows enums, formats and nullability', () => {
    expect(typeLabel({ type: 'string', enum: ['verified', 'withdrawn'] })).toBe('verified | withdrawn');
    expect(typeLabel({ type: ['string', 'null'], format: 'date' })).toBe('string (date) | null');
    expect(typeLabel({ type: 'boolean' })).toBe('boolean');
  });
});

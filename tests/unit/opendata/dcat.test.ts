import { describe, expect, it } from 'vitest';
import { dcatDocument } from '@/lib/opendata/dcat';
import { DATA_ENDPOINTS } from '@/lib/opendata/endpoints';

type Node = Record<string, unknown>;
const ORIGIN = 'https://memorands.example';

describe('DCAT-AP description (JSON-LD)', () => {
  const doc = dcatDocument({ origin: ORIGIN, modified: new Date('2026-11-20T10:00:00Z') }) as Node;
  const dataset = (doc['dcat:dataset'] as Node[])[0]!;
  const distributions = dataset['dcat:distribution'] as Node[];

  it('is a dcat:Catalog with the DCAT, Dublin Core and FOAF namespaces', () => {
    expect(doc['@type']).toBe('dcat:Catalog');
    expect(doc['@context']).toMatchObject({ dcat: 'http://www.w3.org/ns/dcat#', dct: 'http://purl.org/dc/terms/', foaf: 'http://xmlns.com/foaf/0.1/' });
    for (const key of ['dct:title', 'dct:description', 'dct:publisher']) expect(doc[key], key).toBeDefined();
  });

  it('has a dataset with titles and descriptions in Latvian and English, publishers, licence, spatial coverage and keywords', () => {
    expect(dataset['@type']).toBe('dcat:Dataset');
    for (const key of ['dct:title', 'dct:description']) {
      const values = dataset[key] as { '@value': string; '@language': string }[];
      expect(values.map((v) => v['@language']).sort(), key).toEqual(['en', 'lv']);
      for (const v of values) expect(v['@value'].length).toBeGreaterThan(10);
    }
    // DCAT-AP: exactly one publisher; both issuing associations are creators.
    expect((dataset['dct:publisher'] as Node)['@type']).toBe('foaf:Organization');
    const creators = dataset['dct:creator'] as Node[];
    expect(creators).toHaveLength(2);
    for (const p of creators) expect(p['@type']).toBe('foaf:Organization');
    expect(dataset['dct:license']).toEqual({ '@id': 'http://creativecommons.org/licenses/by/4.0/' });
    expect(dataset['dct:spatial']).toEqual({ '@id': 'http://publications.europa.eu/resource/authority/country/LVA' });
    expect(dataset['dct:accrualPeriodicity']).toMatchObject({ '@id': expect.stringMatching(/^http:\/\/publications\.europa\.eu\/resource\/authority\/frequency\//) });
    expect(dataset['dct:modified']).toEqual({ '@value': '2026-11-20T10:00:00.000Z', '@type': 'xsd:dateTime' });
    expect((dataset['dcat:keyword'] as { '@language': string }[]).some((k) => k['@language'] === 'lv')).toBe(true);
  });

  it('has one distribution per data endpoint with access URL, download URL, IANA media type, format and licence', () => {
    expect(distributions).toHaveLength(DATA_ENDPOINTS.length);
    for (const [i, e] of DATA_ENDPOINTS.entries()) {
      const d = distributions[i]!;
      expect(d['@type']).toBe('dcat:Distribution');
      expect(d['dcat:accessURL']).toEqual({ '@id': `${ORIGIN}${e.path}` });
      expect(d['dcat:downloadURL']).toEqual({ '@id': `${ORIGIN}${e.path}` });
      expect(d['dcat:mediaType']).toEqual({ '@id': `http://www.iana.org/assignments/media-types/${e.mediaType}` });
      expect((d['dct:format'] as Node)['@id']).toMatch(/^http:\/\/publications\.europa\.eu\/resource\/authority\/file-type\/(JSON|CSV|GEOJSON)$/);
      expect(d['dct:license'], e.path).toBeDefined();
    }
    // The boundary geometry is not CC BY: the GeoJSON distributions name the amCharts licence.
    const geo = distributions.find((d) => String((d['dcat:accessURL'] as Node)['@id']).endsWith('.geojson'))!;
    expect(JSON.stringify(geo['dct:license'])).toContain('amCharts');
  });

  it('omits dct:modified when nothing is known, rather than inventing a date', () => {
    const empty = dcatDocument({ origin: ORIGIN, modified: null }) as Node;
    expect(JSON.stringify(empty)).not.toContain('dct:modified');
  });
});

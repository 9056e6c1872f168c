import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { geoBounds, geoCentroid } from 'd3-geo';
import { LATVIA_BBOX, LATVIA_CENTROID, dcatDocument } from '@/lib/opendata/dcat';
import { DATA_ENDPOINTS } from '@/lib/opendata/endpoints';
import { rewindFeature } from '@/lib/map/geometry';
import { readMunicipalityFeatures } from '@/lib/seed/boundaries';
import { DATES } from './dcat-fixture';

type Node = Record<string, unknown>;
const BASE = 'https://memorands.example';

describe('DCAT-AP description (JSON-LD)', () => {
  const doc = dcatDocument({ base: BASE, dates: DATES, contactEmail: 'dati@memorands.example' });
  const [dataset, progress] = doc['dcat:dataset'] as Node[];
  const distributions = [...(dataset!['dcat:distribution'] as Node[]), ...(progress!['dcat:distribution'] as Node[])];

  it('is a dcat:Catalog with the DCAT, Dublin Core and FOAF namespaces, on the configured base only', () => {
    expect(doc['@type']).toBe('dcat:Catalog');
    expect(doc['@id']).toBe(`${BASE}/api/v1/dcat.jsonld`);
    expect(doc['@context']).toMatchObject({ dcat: 'http://www.w3.org/ns/dcat#', dct: 'http://purl.org/dc/terms/', foaf: 'http://xmlns.com/foaf/0.1/' });
    for (const key of ['dct:title', 'dct:description', 'dct:publisher', 'dct:issued', 'dct:modified', 'dcat:themeTaxonomy'])
      expect(doc[key], key).toBeDefined();
    const iris = [...JSON.stringify(doc).matchAll(/"@id":"(https?:\/\/[^"]+)"/g)].map((m) => m[1]!);
    expect(iris.filter((i) => /localhost|127\.0\.0\.1/.test(i))).toEqual([]);
    // The same inputs give the same bytes: nothing depends on the clock or the process.
    expect(JSON.stringify(dcatDocument({ base: BASE, dates: DATES, contactEmail: 'dati@memorands.example' }))).toBe(JSON.stringify(doc));
  });

  it('has two datasets with titles in Latvian and English, identifier, dates from the data, coverage, theme SOCI, contact e-mail and both associations', () => {
    for (const d of [dataset!, progress!]) {
      expect(d['@type']).toBe('dcat:Dataset');
      for (const key of ['dct:title', 'dct:description']) {
        const values = d[key] as { '@value': string; '@language': string }[];
        expect(values.map((v) => v['@language']).sort(), key).toEqual(['en', 'lv']);
      }
      expect(d['dct:identifier']).toBe(d['@id']);
      expect((d['dct:publisher'] as Node)['@type']).toContain('foaf:Agent');
      expect((d['dct:creator'] as Node[]).map((c) => (c['foaf:name'] as { '@value': string }[])[1]!['@value'])).toEqual([
        'Latvian Association of Heads of Municipal Social Services',
        'Latvian Association of Social Workers',
      ]);
      expect((d['dcat:theme'] as Node[]).map((t) => t['@id'])).toContain('http://publications.europa.eu/resource/authority/data-theme/SOCI');
      expect(d['dcat:contactPoint']).toMatchObject({ 'vcard:hasEmail': { '@id': 'mailto:dati@memorands.example' } });
      expect((d['dct:spatial'] as Node)['@id']).toBe('http://publications.europa.eu/resource/authority/country/LVA');
    }
    expect(dataset!['dct:issued']).toEqual({ '@value': '2026-11-23T08:00:00.000Z', '@type': 'xsd:dateTime' });
    expect(dataset!['dct:modified']).toEqual({ '@value': '2026-11-20T10:00:00.000Z', '@type': 'xsd:dateTime' });
    expect(dataset!['dct:temporal']).toMatchObject({ 'dcat:startDate': { '@value': '2021-07-01' }, 'dcat:endDate': { '@value': '2029-06-30' } });
    expect(progress!['dct:modified']).toEqual({ '@value': '2026-11-30T12:00:00.000Z', '@type': 'xsd:dateTime' });
    expect(doc['dct:modified']).toEqual({ '@value': '2026-11-30T12:00:00.000Z', '@type': 'xsd:dateTime' });
  });

  it('has one distribution per data endpoint with URLs, media type, format, description, licence and availability', () => {
    expect(distributions).toHaveLength(DATA_ENDPOINTS.length);
    for (const [i, e] of DATA_ENDPOINTS.entries()) {
      const d = distributions[i]!;
      expect(d['@type']).toBe('dcat:Distribution');
      expect(d['dcat:accessURL']).toEqual({ '@id': `${BASE}${e.path}` });
      expect(d['dcat:downloadURL']).toEqual({ '@id': `${BASE}${e.path}` });
      expect((d['dcat:mediaType'] as Node)['@id']).toBe(`http://www.iana.org/assignments/media-types/${e.mediaType}`);
      expect((d['dct:format'] as Node)['@id']).toMatch(/^http:\/\/publications\.europa\.eu\/resource\/authority\/file-type\/(JSON|CSV|GEOJSON)$/);
      expect((d['dct:description'] as unknown[]).length).toBe(2);
      expect((d['dcatap:availability'] as Node)['@id']).toBe('http://publications.europa.eu/resource/authority/planned-availability/STABLE');
      expect((d['dct:license'] as Node)['@id']).toBe(
        e.format === 'geojson' ? `${BASE}/licences/amcharts5-geodata.md` : 'http://publications.europa.eu/resource/authority/licence/CC_BY_4_0',
      );
    }
  });

  it('omits what is not known rather than inventing it: no dates, no period, no e-mail', () => {
    const empty = dcatDocument({
      base: BASE,
      dates: { accessions: { issued: null, modified: null, temporal: null }, progress: { issued: null, modified: null, temporal: null } },
    });
    const text = JSON.stringify(empty);
    for (const key of ['dct:modified', 'dct:issued', 'dct:temporal', 'vcard:hasEmail']) expect(text).not.toContain(key);
  });

  it('gives Latvia the bounding box and centroid of the boundary data', () => {
    const fc = { type: 'FeatureCollection' as const, features: readMunicipalityFeatures().map(rewindFeature) };
    const [[x0, y0], [x1, y1]] = geoBounds(fc);
    expect(LATVIA_BBOX).toEqual([x0, y0, x1, y1].map((n) => Math.round(n * 1e4) / 1e4));
    expect(LATVIA_CENTROID).toEqual(geoCentroid(fc).map((n) => Math.round(n * 1e4) / 1e4));
    expect(readFileSync('prisma/data/municipalities.geojson', 'utf8').length).toBeGreaterThan(0);
  });
});

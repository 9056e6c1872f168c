import { describe, expect, it } from 'vitest';
import { dcatDocument } from '@/lib/opendata/dcat';
import { SHAPE_FILES, describeResults, jsonLdQuads, validateShacl } from '../../support/shacl';
import { DATES } from './dcat-fixture';

/**
 * DCAT-AP 3.0.1 conformance with the official SHACL shapes
 * (tests/fixtures/dcat-ap-3.0.1, run by rdf-validate-shacl).
 */
describe('DCAT-AP 3.0.1 SHACL', () => {
  const doc = dcatDocument({ base: 'https://memorands.example', dates: DATES, contactEmail: 'dati@memorands.example' });

  it('parses to RDF with both datasets, every distribution and the service', async () => {
    const quads = await jsonLdQuads(doc);
    const typeOf = (t: string) => quads.filter((q) => q.predicate.value === 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type' && q.object.value === t).length;
    expect(typeOf('http://www.w3.org/ns/dcat#Catalog')).toBe(1);
    expect(typeOf('http://www.w3.org/ns/dcat#Dataset')).toBe(2);
    expect(typeOf('http://www.w3.org/ns/dcat#Distribution')).toBe(12);
    expect(typeOf('http://www.w3.org/ns/dcat#DataService')).toBe(1);
  });

  it('has no violation of the conformance shapes nor of the range shapes', async () => {
    const data = await jsonLdQuads(doc);
    for (const file of [SHAPE_FILES.conformance, SHAPE_FILES.ranges]) {
      const out = await validateShacl(data, [file]);
      expect(describeResults(out.violations), file).toEqual([]);
      expect(out.conforms, file).toBe(true);
    }
  }, 60_000);

  it('has every recommended property (no warning of the recommended shapes)', async () => {
    const out = await validateShacl(await jsonLdQuads(doc), [SHAPE_FILES.recommended]);
    expect(describeResults([...out.violations, ...out.warnings])).toEqual([]);
  }, 60_000);

  it('the shapes find violations when the description is broken (the check has teeth)', async () => {
    const broken = JSON.parse(JSON.stringify(doc)) as { 'dcat:dataset': Record<string, unknown>[] };
    delete broken['dcat:dataset'][0]!['dct:description'];
    (broken['dcat:dataset'][0]!['dcat:distribution'] as Record<string, unknown>[])[0]!['dcat:accessURL'] = 'not an IRI';
    const out = await validateShacl(await jsonLdQuads(broken), [SHAPE_FILES.conformance]);
    expect(out.violations.map((v) => v.path)).toEqual(expect.arrayContaining(['http://purl.org/dc/terms/description', 'http://www.w3.org/ns/dcat#accessURL']));
  }, 60_000);
});

import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';

import { openDataModified } from '@/lib/opendata/queries';
import { ACCESSION_FIELDS, CSV_DOCUMENTS_COLUMN, MUNICIPALITY_FIELDS, type OpenAccession, type OpenMunicipality } from '@/lib/opendata/fields';
import { GET as municipalitiesJson } from '@/app/api/v1/municipalities/route';
import { GET as municipalitiesCsv } from '@/app/api/v1/municipalities.csv/route';
import { GET as municipalitiesGeo } from '@/app/api/v1/municipalities.geojson/route';
import { GET as accessionsJson } from '@/app/api/v1/accessions/route';
import { GET as accessionsCsv } from '@/app/api/v1/accessions.csv/route';
import { GET as accessionsGeo } from '@/app/api/v1/accessions.geojson/route';
import { GET as openapiJson } from '@/app/api/v1/openapi.json/route';
import { GET as dcatJsonld } from '@/app/api/v1/dcat.jsonld/route';

import { parseCsv } from '../unit/opendata/csv-parse';
import { expectRightHandRule } from '../unit/opendata/right-hand-rule';
import type { OpenGeometry } from '@/lib/opendata/fields';
import { resetDatabase } from './db-utils';
import { BASE, call, DATA_ROUTES, ALL_ROUTES, OPTIONS_ROUTES, buildStates, expectNoPrivateData, jsonOf, type List, type Collection } from './support/opendata';

describe('open data API', () => {
  let verifiedDocSha = '';
  beforeAll(async () => {
    await resetDatabase();
    ({ verifiedDocSha } = await buildStates());
  });

  describe('route handlers', () => {
    it('answer JSON lists with the term, the count and the items', async () => {
      const m = await jsonOf<List<OpenMunicipality>>(await call(municipalitiesJson));
      expect(m).toMatchObject({ term: '2021-2025', count: 43 });
      expect(m.items).toHaveLength(43);
      const a = await jsonOf<List<OpenAccession>>(await call(accessionsJson));
      expect(a).toMatchObject({ term: null, count: 4 });
      const ogre = a.items.find((i) => i.municipality_slug === 'ogres-novads')!;
      expect(ogre.documents[0]!.url).toMatch(new RegExp(`^${BASE}/api/documents/[a-z0-9]+$`));
      expect(ogre.decision_number).toBe('Nr. 5, prot. "7"');
      expect(ogre).toMatchObject({ recorded_from_published_source: false, citation_title: null, citation_url: null });
      const liepaja = a.items.find((i) => i.municipality_slug === 'liepaja')!;
      expect(liepaja).toMatchObject({ source: null, recorded_from_published_source: true, citation_language: 'lv', citation_url: null });
      expect(liepaja.citation_title).toContain('271/9');
      expect(liepaja.citation_publisher).toBeTruthy();
      expect(JSON.stringify(a)).not.toContain('seed document');
    });

    it('never show a draft, a returned or an awaiting submission as an accession, nor its facts anywhere', async () => {
      const a = await jsonOf<List<OpenAccession>>(await call(accessionsJson));
      for (const slug of ['cesu-novads', 'dobeles-novads', 'gulbenes-novads'])
        expect(
          a.items.some((i) => i.municipality_slug === slug),
          slug,
        ).toBe(false);
      const m = await jsonOf<List<OpenMunicipality>>(await call(municipalitiesJson));
      const bySlug = new Map(m.items.map((i) => [i.slug, i]));
      expect(bySlug.get('cesu-novads')!.status).toBe('not_joined');
      expect(bySlug.get('gulbenes-novads')!.status).toBe('not_joined');
      expect(bySlug.get('dobeles-novads')!.status).toBe('awaiting_verification');
      for (const [name, handler] of Object.entries(ALL_ROUTES)) {
        const res = await call(handler);
        expect(res.status, name).toBe(200);
        const body = await res.text();
        if (name in DATA_ROUTES) expectNoPrivateData(body, name);
        // The descriptions mention '@' (JSON-LD keys, the CSV formula guard) but hold no data and no e-mail address.
        else expect(body, name).not.toMatch(/[\w.+-]+@[\w-]+\.[a-z]{2,}|SECRET|Test (SECRETARY|STAFF)/i);
      }
    });

    it('write CSV with a BOM, RFC 4180 quoting, CRLF lines, Latvian letters and no formulas', async () => {
      const res = await call(municipalitiesCsv);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="municipalities-2021-2025.csv"');
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const rows = parseCsv(text.slice(1));
      expect(rows[0]).toEqual(MUNICIPALITY_FIELDS.map((f) => f.name));
      expect(rows).toHaveLength(44);
      const names = rows.map((r) => r[3]);
      expect(names).toContain('Jēkabpils novads');
      expect(names).toContain('Varakļānu novads');
      expect(text.split('\r\n').length).toBe(45);
      expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);

      const acc = await call(accessionsCsv);
      expect(acc.headers.get('content-disposition')).toBe('attachment; filename="accessions-all.csv"');
      const accText = await acc.text();
      // Response.text() strips the BOM (WHATWG UTF-8 decode), so the bytes were checked above.
      const accRows = parseCsv(accText.replace(/^\uFEFF/, ''));
      const header = accRows[0]!;
      expect(header).toEqual(ACCESSION_FIELDS.map((f) => (f.name === 'documents' ? CSV_DOCUMENTS_COLUMN : f.name)));
      const ogre = accRows.find((r) => r[0] === 'ogres-novads')!;
      const col = (name: string) => ogre[header.indexOf(name)];
      expect(col('decision_number')).toBe('Nr. 5, prot. "7"');
      expect(accText).toContain('"Nr. 5, prot. ""7"""');
      expect(col('agenda_item')).toBe(`'=HYPERLINK("http://evil.example","x")`);
      expect(col(CSV_DOCUMENTS_COLUMN)).toBe(verifiedDocSha);
      // The accessions recorded from published sources carry their citation, never the internal seed reference (issue 12).
      const liepaja = accRows.find((r) => r[0] === 'liepaja')!;
      const lcol = (name: string) => liepaja[header.indexOf(name)];
      expect(lcol('citation_title')).toContain('Nr. 271/9');
      expect(lcol('citation_language')).toBe('lv');
      expect(lcol('recorded_from_published_source')).toBe('true');
      // QA s13 M3: not checked against a document, so not "verified" (ADR 0221); the one staff verified is.
      expect(lcol('status')).toBe('recorded');
      expect(lcol('verified_at')).toBe('');
      expect(col('status')).toBe('verified');
      const mcol = (slug: string) => rows.find((r) => r[0] === slug)![rows[0]!.indexOf('status')];
      expect([mcol('liepaja'), mcol('jekabpils-novads'), mcol('ogres-novads')]).toEqual(['recorded', 'recorded', 'verified']);
      expect(lcol('source')).toBe('');
      expect(accText).not.toContain('seed document');
      expect(col('recorded_from_published_source')).toBe('false');
      expect(col('citation_title')).toBe('');
      for (const row of accRows.slice(1)) for (const cell of row) expect(cell, 'formula-like cell').not.toMatch(/^[=+\-@\t\r]/);
      expect(
        accRows
          .slice(1)
          .map((r) => r[0])
          .sort(),
      ).toEqual(['jekabpils-novads', 'liepaja', 'ogres-novads', 'talsu-novads']);
    });

    it('answer GeoJSON FeatureCollections whose every feature has a polygon boundary and the status', async () => {
      const m = await call(municipalitiesGeo);
      expect(m.headers.get('content-type')).toBe('application/geo+json');
      const mc = await jsonOf<Collection<OpenMunicipality>>(m);
      expect(mc.type).toBe('FeatureCollection');
      expect(mc.features).toHaveLength(43);
      for (const f of mc.features) {
        expect(f.type).toBe('Feature');
        expect(['Polygon', 'MultiPolygon'], f.id).toContain(f.geometry?.type);
        expect(f.geometry!.coordinates.length).toBeGreaterThan(0);
        expect(['verified', 'recorded', 'withdrawn', 'awaiting_verification', 'not_joined']).toContain(f.properties.status);
        expect(f.id).toBe(f.properties.slug);
        expectRightHandRule(f.geometry as OpenGeometry, f.id);
      }
      for (const term of ['2021-2025', '2025-2029']) {
        const fc = await jsonOf<Collection<OpenMunicipality>>(await call(municipalitiesGeo, `?term=${term}`));
        for (const f of fc.features) expectRightHandRule(f.geometry as OpenGeometry, `${term} ${f.id}`);
      }
      const geoLicences = (JSON.parse(JSON.stringify(mc)) as { licenses: { applies_to: string; url: string }[] }).licenses;
      expect(geoLicences.map((l) => l.applies_to)).toEqual(['properties', 'geometry']);
      expect(geoLicences[1]!.url).toBe(`${BASE}/licences/amcharts5-geodata.md`);
      const a = await jsonOf<Collection<OpenAccession>>(await call(accessionsGeo));
      expect(a.type).toBe('FeatureCollection');
      expect(a.features.map((f) => f.id).sort()).toEqual([
        'jekabpils-novads/2021-2025',
        'liepaja/2021-2025',
        'ogres-novads/2021-2025',
        'talsu-novads/2021-2025',
      ]);
      const jek = a.features.find((f) => f.id === 'jekabpils-novads/2021-2025')!.properties;
      expect(jek).toMatchObject({
        status: 'recorded',
        source: null,
        recorded_from_published_source: true,
        citation_language: 'lv',
        citation_publisher: expect.any(String),
      });
      expect(jek.citation_title).toBeTruthy();
      expect(JSON.stringify(a)).not.toContain('seed document');
      for (const f of a.features) {
        expect(['Polygon', 'MultiPolygon']).toContain(f.geometry?.type);
        expect(['verified', 'recorded', 'withdrawn']).toContain(f.properties.status);
        expectRightHandRule(f.geometry as OpenGeometry, f.id);
      }
    });

    it('send ETag, caching, CORS and nosniff headers, and 304 for a matching If-None-Match', async () => {
      for (const [name, handler] of Object.entries(ALL_ROUTES)) {
        const res = await call(handler);
        const etag = res.headers.get('etag');
        expect(etag, name).toMatch(/^"[0-9a-f]{64}"$/);
        expect(res.headers.get('cache-control'), name).toBe('public, max-age=60, stale-while-revalidate=600');
        expect(res.headers.get('access-control-allow-origin'), name).toBe('*');
        expect(res.headers.get('x-content-type-options'), name).toBe('nosniff');
        const again = await call(handler, '', { 'if-none-match': etag! });
        expect(again.status, name).toBe(304);
        expect(await again.text(), name).toBe('');
        expect(again.headers.get('etag'), name).toBe(etag);
        expect((await call(handler, '', { 'if-none-match': '"stale"' })).status, name).toBe(200);
        // RFC 9110 §13.1.2: weak comparison, lists and `*`.
        for (const value of [`W/${etag}`, `"stale", W/${etag}`, `"a", ${etag}, "b"`, '*']) {
          expect((await call(handler, '', { 'if-none-match': value })).status, `${name} ${value}`).toBe(304);
        }
        expect(res.headers.get('vary'), name).toBe('Accept-Encoding');
        expect(res.headers.get('access-control-expose-headers'), name).toMatch(/\bETag\b/);
      }
    });

    it('answer a CORS preflight on every open data URL', () => {
      for (const [name, handler] of Object.entries(OPTIONS_ROUTES)) {
        const res = handler();
        expect(res.status, name).toBe(204);
        expect(res.headers.get('access-control-allow-origin'), name).toBe('*');
        expect(res.headers.get('access-control-allow-methods'), name).toBe('GET, HEAD, OPTIONS');
        expect(res.headers.get('access-control-allow-headers'), name).toContain('If-None-Match');
        expect(Number(res.headers.get('access-control-max-age')), name).toBeGreaterThanOrEqual(600);
        expect(res.headers.get('access-control-expose-headers'), name).toContain('ETag');
      }
    });

    it('change the ETag when the public data changes', async () => {
      const before = (await call(accessionsJson)).headers.get('etag');
      await db().accession.updateMany({ where: { municipality: { slug: 'liepaja' } }, data: { agendaItem: '4. punkts' } });
      const after = (await call(accessionsJson)).headers.get('etag');
      expect(after).not.toBe(before);
      await db().accession.updateMany({ where: { municipality: { slug: 'liepaja' } }, data: { agendaItem: null } });
    });

    it('serve any term for municipalities: 43 in 2021–2025, 42 in the not yet opened 2025–2029', async () => {
      const old = await jsonOf<List<OpenMunicipality>>(await call(municipalitiesJson, '?term=2021-2025'));
      expect(old.count).toBe(43);
      expect(old.items.some((i) => i.slug === 'varaklanu-novads')).toBe(true);
      const next = await jsonOf<List<OpenMunicipality>>(await call(municipalitiesJson, '?term=2025-2029'));
      expect(next).toMatchObject({ term: '2025-2029', count: 42 });
      expect(next.items.some((i) => i.slug === 'varaklanu-novads')).toBe(false);
      expect(next.items.every((i) => i.status === 'not_joined' && i.term === '2025-2029')).toBe(true);
      expect((await jsonOf<Collection<OpenMunicipality>>(await call(municipalitiesGeo, '?term=2025-2029'))).features).toHaveLength(42);
      const csv = await call(municipalitiesCsv, '?term=2025-2029');
      expect(csv.headers.get('content-disposition')).toContain('municipalities-2025-2029.csv');
      expect(parseCsv((await csv.text()).replace(/^\uFEFF/, ''))).toHaveLength(43);
      const acc = await jsonOf<List<OpenAccession>>(await call(accessionsJson, '?term=2025-2029'));
      expect(acc).toEqual({ term: '2025-2029', count: 0, items: [] });
      const varaklani = old.items.find((i) => i.slug === 'varaklanu-novads')!;
      expect(varaklani).toMatchObject({ valid_from: '2021-07-01', valid_to: '2025-06-30', successor_slug: 'madonas-novads' });
    });

    it('answer a bad or unknown term with a 4xx JSON error, never a 500', async () => {
      const cases: [string, number][] = [
        ['?term=../../x', 422],
        ['?term=2021-2025%27%20OR%201=1', 422],
        ['?term=', 422],
        [`?term=${'9'.repeat(500)}`, 422],
        ['?term=2021-2025&term=2025-2029', 422],
        ['?term=1999-2003', 404],
      ];
      for (const [name, handler] of Object.entries(DATA_ROUTES)) {
        for (const [query, status] of cases) {
          const res = await call(handler, query);
          expect(res.status, `${name}${query}`).toBe(status);
          expect(res.headers.get('content-type'), `${name}${query}`).toMatch(/^application\/json/);
          expect(await res.json(), `${name}${query}`).toMatchObject({ ok: false });
        }
      }
    });

    it('describe themselves: the OpenAPI document and the DCAT description with the latest change', async () => {
      const api = await jsonOf<{ openapi: string; servers: { url: string }[]; paths: Record<string, unknown> }>(await call(openapiJson));
      expect(api.openapi).toMatch(/^3\.1\./);
      expect(api.servers[0]!.url).toBe(BASE);
      expect(Object.keys(api.paths)).toContain('/api/v1/accessions.geojson');
      const res = await call(dcatJsonld);
      expect(res.headers.get('content-type')).toBe('application/ld+json');
      const dcat = (await res.json()) as { '@type': string; 'dcat:dataset': { 'dct:modified': { '@value': string } }[] };
      expect(dcat['@type']).toBe('dcat:Catalog');
      expect(dcat['dcat:dataset'][0]!['dct:modified']['@value']).toBe((await openDataModified())!.toISOString());
    });
  });
});

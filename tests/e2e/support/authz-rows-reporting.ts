/** Rows of the authorization matrix (tests/e2e/authz-matrix.spec.ts): terms, official data, norms, progress reports, open data. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { insertDocument, municipalityIdOf, resetReport, sql } from './db';
import { ROOT } from '../../support/run-script';
import { OWN, all, nextSeq, ownSecretaryOnly, pdfBytes, staffOnly, type Row } from './authz-matrix';

export const REPORTING_ROWS: Record<string, Row> = {
  // Opening a real term would change the current term for every other test; an earlier, unopened
  // term reaches the domain check (409: terms open in order only), which proves authorization passed.
  'POST /api/staff/terms/[slug]/open': {
    path: '',
    prepare: async () => {
      const slug = `matrix-${Date.now()}-${nextSeq()}`;
      await sql().query(
        `INSERT INTO "CouncilTerm" ("id", "slug", "startYear", "endYear", "startsOn", "endsOn") VALUES ($1, $2, 1990, 1994, '1990-07-01', '1994-06-30')`,
        [slug.replace(/-/g, ''), slug],
      );
      return { path: `/api/staff/terms/${slug}/open`, body: { confirm: 'on' } };
    },
    expect: staffOnly(409),
  },
  'PUT /api/staff/terms/[slug]/periods': {
    path: '/api/staff/terms/2021-2025/periods',
    body: () => ({ year: 2024, dueOn: '2025-03-31' }),
    expect: staffOnly(200),
    audit: () => 'reporting.period',
  },
  // Staff reach the importer; the file names a unit the registry does not know, so it is refused and the shared database keeps "unknown".
  'POST /api/staff/official-data/population': {
    path: `/api/staff/official-data/population?${new URLSearchParams({ fileName: 'IRS051-unknown-unit.csv', tableCode: 'IRS051', retrievedOn: '2026-12-03', url: 'https://data.stat.gov.lv/pxweb/lv/OSP_PUB/START__POP__IR__IRS/IRS051/' })}`,
    prepare: () => Promise.resolve({ raw: readFileSync(path.join(ROOT, 'tests', 'fixtures', 'official-data', 'IRS051-unknown-unit.csv')) }),
    expect: staffOnly(422),
  },
  'POST /api/staff/official-data/atvk': {
    path: `/api/staff/official-data/atvk?${new URLSearchParams({ fileName: 'atu_nuts_codes-missing-unit.csv', tableCode: 'ATVK', retrievedOn: '2026-12-03', url: 'https://data.gov.lv/dati/lv/dataset/atvk' })}`,
    prepare: () => Promise.resolve({ raw: readFileSync(path.join(ROOT, 'tests', 'fixtures', 'official-data', 'atu_nuts_codes-missing-unit.csv')) }),
    expect: staffOnly(422),
  },
  'POST /api/staff/norms': {
    path: '/api/staff/norms',
    body: () => ({ validFrom: '2030-01-01', value: 1, citation: 'e2e test fixture', sourceUrl: 'https://example.test/norm' }),
    expect: staffOnly(201),
    audit: () => 'reporting.norm',
  },
  'POST /api/progress/reports/[id]/documents': {
    path: '',
    prepare: async () => {
      const r = await resetReport(OWN, 2022, 'DRAFT');
      return { path: `/api/progress/reports/${r.id}/documents?name=evidence.pdf`, raw: await pdfBytes() };
    },
    expect: ownSecretaryOnly(201),
    audit: () => 'document.upload',
  },
  'GET /api/municipalities/[slug]/progress.csv': { path: '/api/municipalities/liepaja/progress.csv', expect: all(200) },
  'GET /api/municipalities/[slug]/progress.pdf': { path: '/api/municipalities/liepaja/progress.pdf?lang=lv', expect: all(200) },
  // The old address by year alone (ADR 0215): opens the one period the year names.
  'POST /api/progress/[slug]/[term]': {
    path: `/api/progress/${OWN}/2022`,
    prepare: async () => {
      await resetReport(OWN, 2023, 'DRAFT');
      return {};
    },
    expect: ownSecretaryOnly(200),
    audit: () => 'progress.open',
  },
  'POST /api/progress/[slug]/[term]/[year]': {
    path: `/api/progress/${OWN}/2021-2025/2022`,
    prepare: async () => {
      await resetReport(OWN, 2023, 'DRAFT');
      return {};
    },
    expect: ownSecretaryOnly(200),
    audit: () => 'progress.open',
  },
  'PUT /api/progress/reports/[id]': {
    path: '',
    prepare: async () => {
      const r = await resetReport(OWN, 2022, 'DRAFT');
      const section = { status: 'IN_PROGRESS', narrative: 'x', actions: [] };
      return {
        path: `/api/progress/reports/${r.id}`,
        body: { version: r.version, commitments: { resources: section, staff: section, cooperation: section }, indicators: { service_budget_eur: '1000' } },
      };
    },
    expect: ownSecretaryOnly(200),
    audit: () => 'progress.save',
  },
  'GET /api/progress/reports/[id]': {
    path: '',
    prepare: async () => {
      const r = await resetReport(OWN, 2022, 'DRAFT');
      return { path: `/api/progress/reports/${r.id}` };
    },
    expect: { public: 401, secretaryOwn: 200, secretaryOther: 403, staff: 200, admin: 200 },
  },
  'DELETE /api/progress/reports/[id]/documents/[documentId]': {
    path: '',
    prepare: async () => {
      const r = await resetReport(OWN, 2022, 'DRAFT');
      const { rows } = await sql().query<{ id: string }>(`SELECT "id" FROM "Accession" WHERE "municipalityId" = $1 LIMIT 1`, [await municipalityIdOf(OWN)]);
      const doc = await insertDocument(rows[0]!.id, await pdfBytes());
      await sql().query(`UPDATE "Document" SET "accessionId" = NULL, "reportId" = $1, "kind" = 'EVIDENCE' WHERE "id" = $2`, [r.id, doc]);
      return { path: `/api/progress/reports/${r.id}/documents/${doc}` };
    },
    expect: ownSecretaryOnly(200),
    audit: () => 'progress.evidence.remove',
  },
  'GET /api/progress/reports/[id]/pdf': {
    path: '',
    prepare: async () => {
      const r = await resetReport(OWN, 2022, 'SUBMITTED');
      return { path: `/api/progress/reports/${r.id}/pdf?lang=lv` };
    },
    expect: { public: 401, secretaryOwn: 200, secretaryOther: 403, staff: 200, admin: 200 },
  },
  'POST /api/progress/reports/[id]/submit': {
    path: '',
    prepare: async () => {
      const r = await resetReport(OWN, 2022, 'DRAFT');
      return { path: `/api/progress/reports/${r.id}/submit`, body: { version: r.version } };
    },
    expect: ownSecretaryOnly(200),
    audit: () => 'progress.submit',
  },
  'POST /api/staff/progress/[id]/return': {
    path: '',
    prepare: async () => {
      const r = await resetReport(OWN, 2022, 'SUBMITTED');
      return { path: `/api/staff/progress/${r.id}/return`, body: { version: r.version, reason: 'Lūdzu precizējiet.' } };
    },
    expect: staffOnly(200),
    audit: () => 'progress.return',
  },
  'POST /api/staff/progress/[id]/accept': {
    path: '',
    prepare: async () => {
      const r = await resetReport(OWN, 2022, 'SUBMITTED');
      return { path: `/api/staff/progress/${r.id}/accept`, body: { version: r.version } };
    },
    expect: staffOnly(200),
    audit: () => 'progress.accept',
  },
  'GET /api/v1/municipalities': { path: '/api/v1/municipalities', expect: all(200) },
  'GET /api/v1/municipalities.csv': { path: '/api/v1/municipalities.csv', expect: all(200) },
  'GET /api/v1/municipalities.geojson': { path: '/api/v1/municipalities.geojson', expect: all(200) },
  'GET /api/v1/accessions': { path: '/api/v1/accessions', expect: all(200) },
  'GET /api/v1/accessions.csv': { path: '/api/v1/accessions.csv', expect: all(200) },
  'GET /api/v1/accessions.geojson': { path: '/api/v1/accessions.geojson', expect: all(200) },
  'GET /api/v1/openapi.json': { path: '/api/v1/openapi.json', expect: all(200) },
  'GET /api/health': { path: '/api/health', expect: all(200) },
  'GET /api/v1/dcat.jsonld': { path: '/api/v1/dcat.jsonld', expect: all(200) },
  'GET /api/v1/progress': { path: '/api/v1/progress', expect: all(200) },
  'GET /api/v1/progress.csv': { path: '/api/v1/progress.csv', expect: all(200) },
  'GET /api/v1/progress-actions': { path: '/api/v1/progress-actions', expect: all(200) },
  'GET /api/v1/progress-actions.csv': { path: '/api/v1/progress-actions.csv', expect: all(200) },
  'GET /api/v1/progress-indicators': { path: '/api/v1/progress-indicators', expect: all(200) },
  'GET /api/v1/progress-indicators.csv': { path: '/api/v1/progress-indicators.csv', expect: all(200) },
  'GET /api/[...missing]': { path: '/api/no-such-endpoint/x', expect: all(404) },
  'POST /api/[...missing]': { path: '/api/no-such-endpoint/x', body: () => ({}), expect: all(404) },
  'PUT /api/[...missing]': { path: '/api/no-such-endpoint/x', body: () => ({}), expect: all(404) },
  'PATCH /api/[...missing]': { path: '/api/no-such-endpoint/x', body: () => ({}), expect: all(404) },
  'DELETE /api/[...missing]': { path: '/api/no-such-endpoint/x', body: () => ({}), expect: all(404) },
};

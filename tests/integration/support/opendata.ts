/** Shared setup of the open data integration tests (tests/integration/opendata*.test.ts): the states built for them, the route table and response helpers. */
import { Readable } from 'node:stream';
import { expect } from 'vitest';

import { env } from '@/lib/env';
import {
  addDocument,
  recordDecision,
  returnAccession,
  submitAccession,
  verifyAccession,
  withdrawAccession,
  findSecretaryAccession,
} from '@/lib/accessions/workflow';
import { receiveToTemp } from '@/lib/storage';

import { GET as municipalitiesJson } from '@/app/api/v1/municipalities/route';
import { GET as municipalitiesCsv } from '@/app/api/v1/municipalities.csv/route';
import { GET as municipalitiesGeo } from '@/app/api/v1/municipalities.geojson/route';
import { GET as accessionsJson } from '@/app/api/v1/accessions/route';
import { GET as accessionsCsv } from '@/app/api/v1/accessions.csv/route';
import { GET as accessionsGeo } from '@/app/api/v1/accessions.geojson/route';
import { GET as openapiJson } from '@/app/api/v1/openapi.json/route';
import { GET as dcatJsonld } from '@/app/api/v1/dcat.jsonld/route';
import { OPTIONS as municipalitiesOptions } from '@/app/api/v1/municipalities/route';
import { OPTIONS as municipalitiesCsvOptions } from '@/app/api/v1/municipalities.csv/route';
import { OPTIONS as municipalitiesGeoOptions } from '@/app/api/v1/municipalities.geojson/route';
import { OPTIONS as accessionsOptions } from '@/app/api/v1/accessions/route';
import { OPTIONS as accessionsCsvOptions } from '@/app/api/v1/accessions.csv/route';
import { OPTIONS as accessionsGeoOptions } from '@/app/api/v1/accessions.geojson/route';
import { OPTIONS as openapiOptions } from '@/app/api/v1/openapi.json/route';
import { OPTIONS as dcatOptions } from '@/app/api/v1/dcat.jsonld/route';
import { createSignedPdf } from '../../unit/documents/sign-helper';

import { actorOf, createUser } from '../db-utils';

export type Handler = (request: Request, ctx: { params: Promise<Record<string, never>> }) => Promise<Response>;
export const ctx = { params: Promise.resolve({}) };
/** Links and IRIs come from PUBLIC_BASE_URL, never from the request's host (here another one). */
export const BASE = env.PUBLIC_BASE_URL.replace(/\/+$/, '');
export const call = (handler: Handler, query = '', headers: Record<string, string> = {}) =>
  handler(new Request(`http://other-host.example/api/v1/x${query}`, { headers }), ctx);

export const DATA_ROUTES: Record<string, Handler> = {
  municipalities: municipalitiesJson,
  'municipalities.csv': municipalitiesCsv,
  'municipalities.geojson': municipalitiesGeo,
  accessions: accessionsJson,
  'accessions.csv': accessionsCsv,
  'accessions.geojson': accessionsGeo,
};
export const ALL_ROUTES: Record<string, Handler> = { ...DATA_ROUTES, 'openapi.json': openapiJson, 'dcat.jsonld': dcatJsonld };
/** The OPTIONS export of every /api/v1 route file (the CORS preflight). */
export const OPTIONS_ROUTES: Record<string, () => Response> = {
  municipalities: municipalitiesOptions,
  'municipalities.csv': municipalitiesCsvOptions,
  'municipalities.geojson': municipalitiesGeoOptions,
  accessions: accessionsOptions,
  'accessions.csv': accessionsCsvOptions,
  'accessions.geojson': accessionsGeoOptions,
  'openapi.json': openapiOptions,
  'dcat.jsonld': dcatOptions,
};

/** Text that exists only in non-public records; none of it may reach a response. */
export const SECRETS = [
  'DRAFT-SECRET-1',
  'PENDING-SECRET-2',
  'RETURNED-SECRET-3',
  'Atgriezts: trūkst paraksta (SECRET)',
  'Melnraksta Dome',
  'Gaidoša Dome',
  'Atgrieztā Dome',
];

export const decision = (councilBody: string, decisionNumber: string, agendaItem: string | null = null) => ({
  councilBody,
  sessionDate: '2021-08-19',
  sessionType: 'REGULAR' as const,
  decisionNumber,
  agendaItem,
  signatoryName: 'Jānis Rozenbergs',
  signatoryRole: 'domes priekšsēdētājs',
});

export async function upload(actor: ReturnType<typeof actorOf>, slug: string) {
  const { bytes } = await createSignedPdf({ text: `Lemums ${slug}` });
  const file = await receiveToTemp(Readable.from([Buffer.from(bytes)]), 25 * 1024 * 1024);
  return addDocument({ actor, municipalitySlug: slug, kind: 'DECISION', originalName: 'lēmums.pdf', file });
}

export let staff: ReturnType<typeof actorOf>;
export async function secretaryOf(slug: string) {
  return actorOf(await createUser({ role: 'SECRETARY', municipalitySlug: slug }));
}
export async function accessionOf(actor: ReturnType<typeof actorOf>, slug: string) {
  return (await findSecretaryAccession({ actor, municipalitySlug: slug })).accession!;
}

/** Puts one accession in each state: draft, awaiting, returned, verified, withdrawn (plus the two seeded verified ones). */
export async function buildStates(): Promise<{ verifiedDocSha: string }> {
  staff = actorOf(await createUser({ role: 'STAFF' }));
  const draft = await secretaryOf('cesu-novads');
  await recordDecision({ actor: draft, municipalitySlug: 'cesu-novads', input: decision('Melnraksta Dome', 'DRAFT-SECRET-1') });
  await upload(draft, 'cesu-novads');

  const pending = await secretaryOf('dobeles-novads');
  await recordDecision({ actor: pending, municipalitySlug: 'dobeles-novads', input: decision('Gaidoša Dome', 'PENDING-SECRET-2') });
  await upload(pending, 'dobeles-novads');
  await submitAccession({ actor: pending, municipalitySlug: 'dobeles-novads' });

  const returned = await secretaryOf('gulbenes-novads');
  await recordDecision({ actor: returned, municipalitySlug: 'gulbenes-novads', input: decision('Atgrieztā Dome', 'RETURNED-SECRET-3') });
  await upload(returned, 'gulbenes-novads');
  await submitAccession({ actor: returned, municipalitySlug: 'gulbenes-novads' });
  const r = await accessionOf(returned, 'gulbenes-novads');
  await returnAccession({ actor: staff, accessionId: r.id, input: { version: r.version, reason: 'Atgriezts: trūkst paraksta (SECRET)' } });

  // A value with a comma and quotes, and one a spreadsheet would run as a formula.
  const verified = await secretaryOf('ogres-novads');
  await recordDecision({
    actor: verified,
    municipalitySlug: 'ogres-novads',
    input: decision('Ogres novada dome', 'Nr. 5, prot. "7"', '=HYPERLINK("http://evil.example","x")'),
  });
  const doc = await upload(verified, 'ogres-novads');
  await submitAccession({ actor: verified, municipalitySlug: 'ogres-novads' });
  const v = await accessionOf(verified, 'ogres-novads');
  await verifyAccession({ actor: staff, accessionId: v.id, version: v.version });

  const withdrawn = await secretaryOf('talsu-novads');
  await recordDecision({ actor: withdrawn, municipalitySlug: 'talsu-novads', input: decision('Talsu novada dome', '12/3') });
  await upload(withdrawn, 'talsu-novads');
  await submitAccession({ actor: withdrawn, municipalitySlug: 'talsu-novads' });
  const w = await accessionOf(withdrawn, 'talsu-novads');
  await verifyAccession({ actor: staff, accessionId: w.id, version: w.version });
  await withdrawAccession({ actor: staff, accessionId: w.id, input: { version: w.version + 1, reason: 'Dome atcēla lēmumu.' } });
  return { verifiedDocSha: doc.sha256 };
}

export function expectNoPrivateData(body: string, label: string) {
  expect(body.includes('@'), `${label} contains '@'`).toBe(false);
  for (const s of SECRETS) expect(body.includes(s), `${label} contains ${s}`).toBe(false);
  expect(body, label).not.toMatch(/Test (SECRETARY|STAFF)|Bērziņš \(test\)|example\.test|passwordHash|returnReason|return_reason/);
}

export async function jsonOf<T>(res: Response): Promise<T> {
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

export type List<T> = { term: string | null; count: number; items: T[] };
export type Feature<T> = { type: 'Feature'; id: string; geometry: { type: string; coordinates: unknown[] } | null; properties: T };
export type Collection<T> = { type: string; features: Feature<T>[] };

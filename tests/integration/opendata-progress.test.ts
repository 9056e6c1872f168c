import { beforeAll, describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { acceptReport, openReportForEditing, returnReport, saveReportDraft, submitReport } from '@/lib/progress/reports';
import { ZReportDraftSchema, type TReportDraft } from '@/lib/schemas/progress';
import { INDICATORS } from '@/lib/progress/indicators';
import { listOpenProgress } from '@/lib/opendata/progress';
import { openDataModified } from '@/lib/opendata/queries';
import { openApiDocument } from '@/lib/opendata/openapi';
import { PROGRESS_ACTION_FIELDS, PROGRESS_FIELDS, PROGRESS_INDICATOR_FIELDS } from '@/lib/opendata/progress-fields';
import { GET as progressJson } from '@/app/api/v1/progress/route';
import { GET as progressCsv } from '@/app/api/v1/progress.csv/route';
import { GET as actionsJson } from '@/app/api/v1/progress-actions/route';
import { GET as actionsCsv } from '@/app/api/v1/progress-actions.csv/route';
import { GET as indicatorsJson } from '@/app/api/v1/progress-indicators/route';
import { GET as indicatorsCsv } from '@/app/api/v1/progress-indicators.csv/route';
import { parseCsv } from '../unit/opendata/csv-parse';
import { GET as dcatJsonld } from '@/app/api/v1/dcat.jsonld/route';
import { env } from '@/lib/env';
import { SHAPE_FILES, describeResults, jsonLdQuads, validateShacl } from '../support/shacl';
import { actorOf, createUser, resetDatabase } from './db-utils';

type Handler = (request: Request, ctx: { params: Promise<Record<string, never>> }) => Promise<Response>;
const ctx = { params: Promise.resolve({}) };
const call = (handler: Handler, query = '') => handler(new Request(`http://localhost/api/v1/x${query}`), ctx);
type Item = Record<string, string | number | boolean | null>;

function draft(version: number, opts: { narrative: string; indicators?: Partial<TReportDraft['indicators']> }): TReportDraft {
  return ZReportDraftSchema.parse({
    version,
    commitments: {
      resources: {
        status: 'IN_PROGRESS',
        narrative: opts.narrative,
        actions: [
          { title: 'Sociālā dienesta telpu remonts, 2. kārta', status: 'DONE', plannedOn: '2022-09-01', doneOn: '2022-11-30', budgetEur: '120000.50' },
          { title: '=Jauns amats "sociālais darbinieks"', status: 'PLANNED', plannedOn: '', budgetEur: '' },
        ],
      },
      staff: { status: 'ACHIEVED', narrative: 'Supervīzija visiem sociālajiem darbiniekiem.', actions: [] },
      cooperation: { status: 'NOT_STARTED', narrative: '', actions: [] },
    },
    indicators: {
      social_work_specialists_fte: '30',
      involved_in_planning: 'yes',
      avg_gross_monthly_pay_eur: '',
      agreement_health: 'no',
      joint_meetings_health: '0',
      ...opts.indicators,
    },
  });
}

/** Text only in reports that are not public (drafts, submitted, returned, superseded revisions); none of it may reach the open data. */
const SECRETS = ['SUBMITTED-NOT-PUBLIC', 'DRAFT-NOT-PUBLIC', 'RETURNED-NOT-PUBLIC', 'Lūdzu pievienojiet budžetu (SECRET)', 'OLD-REVISION-NOT-PUBLIC'];

async function buildReports(): Promise<void> {
  const staff = actorOf(await createUser({ role: 'STAFF' }));
  // Liepāja (verified in 2021–2025): 2022 accepted as revision 1, then revision 2 accepted with new text; 2023 submitted only.
  const liepaja = actorOf(await createUser({ role: 'SECRETARY', municipalitySlug: 'liepaja' }));
  const r1 = await openReportForEditing({ actor: liepaja, municipalitySlug: 'liepaja', year: 2022 });
  const s1 = await saveReportDraft({ actor: liepaja, reportId: r1.id, input: draft(r1.version, { narrative: 'OLD-REVISION-NOT-PUBLIC' }) });
  const sub1 = await submitReport({ actor: liepaja, reportId: r1.id, version: s1.version });
  const ret = await returnReport({ actor: staff, reportId: r1.id, version: sub1.version, comment: 'Lūdzu pievienojiet budžetu (SECRET)' });
  const s1b = await saveReportDraft({ actor: liepaja, reportId: r1.id, input: draft(ret.version, { narrative: 'OLD-REVISION-NOT-PUBLIC' }) });
  const sub1b = await submitReport({ actor: liepaja, reportId: r1.id, version: s1b.version });
  await acceptReport({ actor: staff, reportId: r1.id, version: sub1b.version });
  const r2 = await openReportForEditing({ actor: liepaja, municipalitySlug: 'liepaja', year: 2022 });
  const s2 = await saveReportDraft({
    actor: liepaja,
    reportId: r2.id,
    input: draft(r2.version, { narrative: 'Attīstības programmā 33 rīcības, EUR 5,9 milj.', indicators: { service_budget_eur: '2500000' } }),
  });
  const sub2 = await submitReport({ actor: liepaja, reportId: r2.id, version: s2.version });
  await acceptReport({ actor: staff, reportId: r2.id, version: sub2.version });
  const r3 = await openReportForEditing({ actor: liepaja, municipalitySlug: 'liepaja', year: 2023 });
  const s3 = await saveReportDraft({ actor: liepaja, reportId: r3.id, input: draft(r3.version, { narrative: 'SUBMITTED-NOT-PUBLIC' }) });
  await submitReport({ actor: liepaja, reportId: r3.id, version: s3.version });
  // Jēkabpils novads: a draft only.
  const jekabpils = actorOf(await createUser({ role: 'SECRETARY', municipalitySlug: 'jekabpils-novads' }));
  const d = await openReportForEditing({ actor: jekabpils, municipalitySlug: 'jekabpils-novads', year: 2022 });
  await saveReportDraft({ actor: jekabpils, reportId: d.id, input: draft(d.version, { narrative: 'DRAFT-NOT-PUBLIC' }) });
}

async function textOf(res: Response): Promise<string> {
  expect(res.status).toBe(200);
  return (await res.text()).replace(/^\uFEFF/, '');
}

/** The CSV as items: every cell a string, empty = null. */
function csvItems(text: string): Record<string, string | null>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] === '' ? null : r[i]!])));
}
/** A JSON value as the CSV writes it (numbers and booleans as text, the formula guard on text). */
const asCsv = (v: string | number | boolean | null): string | null =>
  v === null ? null : typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : String(v);

describe('progress reports as open data', () => {
  beforeAll(async () => {
    await resetDatabase();
    await buildReports();
  });

  it('publish only the latest accepted revision, per municipality, year and commitment, unknown as null', async () => {
    const data = await listOpenProgress();
    expect(data.progress.map((p) => `${p.municipality_slug}/${p.year}/${p.commitment}`)).toEqual([
      'liepaja/2022/resources',
      'liepaja/2022/staff',
      'liepaja/2022/cooperation',
    ]);
    const [resources, staff, cooperation] = data.progress;
    expect(resources).toMatchObject({
      term: '2021-2025',
      status: 'in_progress',
      narrative: 'Attīstības programmā 33 rīcības, EUR 5,9 milj.',
      report_revision: 2,
      is_demo: false,
    });
    expect(resources!.accepted_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(staff).toMatchObject({ status: 'achieved' });
    expect(cooperation).toMatchObject({ status: 'not_started', narrative: null });
    expect(data.actions).toHaveLength(2);
    expect(data.actions[0]).toMatchObject({
      commitment: 'resources',
      position: 1,
      status: 'done',
      planned_on: '2022-09-01',
      done_on: '2022-11-30',
      budget_eur: 120000.5,
    });
    expect(data.actions[1]).toMatchObject({ position: 2, status: 'planned', planned_on: null, done_on: null, budget_eur: null });
    // Every indicator of the catalogue, once per report; a blank is null, a typed 0 stays 0.
    expect(data.indicators.map((i) => i.indicator)).toEqual(INDICATORS.map((d) => d.key));
    const by = new Map(data.indicators.map((i) => [i.indicator, i]));
    expect(by.get('service_budget_eur')).toMatchObject({ kind: 'money', unit: 'EUR', value_number: 2500000, value_boolean: null, value_text: null });
    expect(by.get('social_work_specialists_fte')).toMatchObject({ unit: 'FTE', value_number: 30 });
    expect(by.get('avg_gross_monthly_pay_eur')).toMatchObject({ unit: 'EUR', value_number: null });
    expect(by.get('training_hours_per_worker')).toMatchObject({ unit: 'hours', value_number: null });
    expect(by.get('joint_meetings_health')).toMatchObject({ unit: 'count', value_number: 0 });
    expect(by.get('involved_in_planning')).toMatchObject({ kind: 'boolean', unit: null, value_boolean: true, value_number: null });
    expect(by.get('agreement_health')).toMatchObject({ value_boolean: false });
    expect(by.get('supervision_available')).toMatchObject({ value_boolean: null });
    expect(by.get('premises_improved_what')).toMatchObject({ kind: 'text', value_text: null });
    for (const item of data.progress) expect(Object.keys(item)).toEqual(PROGRESS_FIELDS.map((f) => f.name));
    for (const item of data.actions) expect(Object.keys(item)).toEqual(PROGRESS_ACTION_FIELDS.map((f) => f.name));
    for (const item of data.indicators) expect(Object.keys(item)).toEqual(PROGRESS_INDICATOR_FIELDS.map((f) => f.name));
  });

  it('never publish a draft, submitted or returned report, a superseded revision, or a return comment', async () => {
    for (const handler of [progressJson, progressCsv, actionsJson, actionsCsv, indicatorsJson, indicatorsCsv]) {
      const body = await textOf(await call(handler));
      for (const s of SECRETS) expect(body.includes(s), s).toBe(false);
      expect(body).not.toMatch(/jekabpils-novads|returnComment|return_comment|@/);
    }
  });

  it('serve JSON and CSV with the same rows and fields, for every table', async () => {
    const pairs: [Handler, Handler, readonly { name: string }[], string][] = [
      [progressJson, progressCsv, PROGRESS_FIELDS, 'progress-all.csv'],
      [actionsJson, actionsCsv, PROGRESS_ACTION_FIELDS, 'progress-actions-all.csv'],
      [indicatorsJson, indicatorsCsv, PROGRESS_INDICATOR_FIELDS, 'progress-indicators-all.csv'],
    ];
    for (const [json, csv, fields, filename] of pairs) {
      const list = JSON.parse(await textOf(await call(json))) as { term: string | null; count: number; items: Item[] };
      const res = await call(csv);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${filename}"`);
      const text = await textOf(res);
      expect(parseCsv(text)[0]).toEqual(fields.map((f) => f.name));
      expect(list.count).toBe(list.items.length);
      expect(list.count).toBeGreaterThan(0);
      expect(csvItems(text)).toEqual(list.items.map((item) => Object.fromEntries(fields.map((f) => [f.name, asCsv(item[f.name]!)]))));
    }
    // The formula guard: an action title starting with '=' is written with an apostrophe in CSV only.
    expect(await textOf(await call(actionsCsv))).toContain(`'=Jauns amats ""sociālais darbinieks"""`);
  });

  it('validate against the OpenAPI document (valid itself): every JSON item matches its schema', async () => {
    const doc = openApiDocument('https://memorands.example') as { components: { schemas: Record<string, unknown> } };
    const validator = new Validator();
    expect((await validator.validate(doc)).valid).toBe(true);
    // OpenAPI 3.1 schemas are JSON Schema 2020-12 (with `example` as an annotation).
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ $id: 'https://memorands.example/openapi.json', components: doc.components });
    for (const [handler, name] of [
      [progressJson, 'ProgressList'],
      [actionsJson, 'ProgressActionList'],
      [indicatorsJson, 'ProgressIndicatorList'],
    ] as const) {
      const validate = ajv.getSchema(`https://memorands.example/openapi.json#/components/schemas/${name}`)!;
      const body = JSON.parse(await textOf(await call(handler))) as unknown;
      expect(validate(body), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
      // And the check has teeth: a zero written for an unknown budget would be fine, a string would not.
      const broken = JSON.parse(JSON.stringify(body)) as { items: Item[] };
      broken.items[0]!.year = '2022';
      expect(validate(broken), name).toBe(false);
    }
  });

  it('are in the served DCAT-AP catalogue, which conforms to the DCAT-AP 3.0.1 shapes with its dates from the database', async () => {
    const text = await textOf(await call(dcatJsonld));
    // Served twice (as after a restart): the same bytes, every IRI on PUBLIC_BASE_URL, never the request's host.
    expect(await textOf(await call(dcatJsonld))).toBe(text);
    expect(text).not.toContain('http://localhost/');
    const doc = JSON.parse(text) as { '@id': string; 'dct:modified': { '@value': string }; 'dcat:dataset': Record<string, unknown>[] };
    expect(doc['@id']).toBe(`${env.PUBLIC_BASE_URL.replace(/\/+$/, '')}/api/v1/dcat.jsonld`);
    const progress = doc['dcat:dataset'][1]!;
    const accepted = (await listOpenProgress()).progress[0]!.accepted_at!;
    expect((progress['dct:modified'] as { '@value': string })['@value']).toBe(accepted);
    expect((progress['dct:temporal'] as Record<string, { '@value': string }>)['dcat:startDate']!['@value']).toBe('2022-01-01');
    expect(JSON.stringify(progress['dcat:distribution'])).toContain('/api/v1/progress-indicators.csv');
    const quads = await jsonLdQuads(doc);
    for (const file of [SHAPE_FILES.conformance, SHAPE_FILES.ranges])
      expect(describeResults((await validateShacl(quads, [file])).violations), file).toEqual([]);
    expect(describeResults((await validateShacl(quads, [SHAPE_FILES.recommended])).warnings)).toEqual([]);
  }, 60_000);

  it('filter by term (404 for an unknown one) and count accepted reports in the time of the last public change', async () => {
    const none = JSON.parse(await textOf(await call(progressJson, '?term=2025-2029'))) as { term: string; count: number };
    expect(none).toMatchObject({ term: '2025-2029', count: 0 });
    expect((await call(progressJson, '?term=1999-2003')).status).toBe(404);
    expect((await call(progressCsv, '?term=../x')).status).toBe(422);
    const accepted = (await listOpenProgress()).progress[0]!.accepted_at!;
    expect((await openDataModified())!.getTime()).toBeGreaterThanOrEqual(new Date(accepted).getTime());
  });
});

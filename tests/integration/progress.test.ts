import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { acceptReport, openReportForEditing, returnReport, saveReportDraft, submitReport } from '@/lib/progress/reports';
import { findPublicProgress } from '@/lib/progress/public';
import { loadIndicatorComparison } from '@/lib/dashboard/indicators';
import { loadWorkQueues } from '@/lib/dashboard/queues';
import { ZReportDraftSchema, type TReportDraft } from '@/lib/schemas/progress';
import { actorOf, createUser, resetDatabase } from './db-utils';
import { createTestNorm } from './support/fixtures';

function draft(version: number, patch: Partial<TReportDraft['indicators']> = {}): TReportDraft {
  return ZReportDraftSchema.parse({
    version,
    commitments: {
      resources: {
        status: 'IN_PROGRESS',
        narrative: 'Attīstības programmā 33 rīcības, EUR 5,9 milj.',
        actions: [{ title: 'Sociālā dienesta telpu remonts', status: 'PLANNED', plannedOn: '2022-09-01', budgetEur: '120000' }],
      },
      staff: { status: 'ACHIEVED', narrative: 'Supervīzija visiem sociālajiem darbiniekiem.', actions: [] },
      cooperation: { status: 'NOT_STARTED', narrative: '', actions: [] },
    },
    indicators: {
      social_work_specialists_fte: '30',
      involved_in_planning: 'yes',
      avg_gross_monthly_pay_eur: '',
      agreement_health: 'no',
      joint_meetings_health: '4',
      ...patch,
    },
  });
}

describe('progress reports', () => {
  beforeEach(resetDatabase);

  it('the seed defines yearly periods due on 31 March of the following year', async () => {
    const periods = await db().reportingPeriod.findMany({
      where: { term: { slug: '2021-2025' } },
      orderBy: { year: 'asc' },
      select: { year: true, dueOn: true, startsOn: true },
    });
    expect(periods.map((p) => p.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(periods[0]!.startsOn.toISOString().slice(0, 10)).toBe('2021-07-01');
    expect(periods[1]!.dueOn.toISOString().slice(0, 10)).toBe('2023-03-31');
  });

  it('draft → save → submit → return → save → submit → accept; a change after acceptance makes a new revision', async () => {
    const secretary = actorOf(await createUser({ role: 'SECRETARY', municipalitySlug: 'liepaja' }));
    const staff = actorOf(await createUser({ role: 'STAFF' }));
    const report = await openReportForEditing({ actor: secretary, municipalitySlug: 'liepaja', year: 2022 });
    expect(report).toMatchObject({ status: 'DRAFT', revision: 1 });
    const saved = await saveReportDraft({ actor: secretary, reportId: report.id, input: draft(report.version) });
    // A second tab with the old version is told it is stale, and nothing is lost.
    await expect(saveReportDraft({ actor: secretary, reportId: report.id, input: draft(report.version) })).rejects.toMatchObject({ code: 'CONFLICT' });
    const stored = await db().progressReport.findUniqueOrThrow({ where: { id: report.id }, select: { indicators: true, actions: true, commitments: true } });
    expect(stored.indicators.map((i) => i.key).sort()).toEqual([
      'agreement_health',
      'involved_in_planning',
      'joint_meetings_health',
      'social_work_specialists_fte',
    ]);
    expect(stored.indicators.find((i) => i.key === 'agreement_health')?.boolValue).toBe(false);
    expect(Number(stored.actions[0]!.budgetEur)).toBe(120000);
    const submitted = await submitReport({ actor: secretary, reportId: report.id, version: saved.version });
    const returned = await returnReport({ actor: staff, reportId: report.id, version: submitted.version, comment: 'Lūdzu pievienojiet budžetu.' });
    const resaved = await saveReportDraft({ actor: secretary, reportId: report.id, input: draft(returned.version, { service_budget_eur: '2500000' }) });
    const resubmitted = await submitReport({ actor: secretary, reportId: report.id, version: resaved.version });
    await acceptReport({ actor: staff, reportId: report.id, version: resubmitted.version });
    const next = await openReportForEditing({ actor: secretary, municipalitySlug: 'liepaja', year: 2022 });
    expect(next).toMatchObject({ revision: 2, status: 'DRAFT' });
    expect(next.indicators.find((i) => i.key === 'service_budget_eur')).toBeTruthy();
    const first = await db().progressReport.findUniqueOrThrow({ where: { id: report.id }, select: { status: true, supersededAt: true } });
    expect(first.status).toBe('ACCEPTED');
    expect(first.supersededAt).not.toBeNull();
    const actions = (await db().auditEvent.findMany({ where: { subjectType: 'ProgressReport' }, orderBy: { id: 'asc' }, select: { action: true } })).map(
      (a) => a.action,
    );
    expect(actions).toEqual([
      'progress.open',
      'progress.save',
      'progress.submit',
      'progress.return',
      'progress.save',
      'progress.submit',
      'progress.accept',
      'progress.open',
    ]);
  });

  it('a municipality that has not joined cannot open a report; a secretary cannot edit another municipality’s report', async () => {
    const riga = actorOf(await createUser({ role: 'SECRETARY', municipalitySlug: 'riga' }));
    await expect(openReportForEditing({ actor: riga, municipalitySlug: 'riga', year: 2022 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      messageKey: 'progress.notSignatory',
    });
    await expect(openReportForEditing({ actor: riga, municipalitySlug: 'liepaja', year: 2022 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const liepaja = actorOf(await createUser({ role: 'SECRETARY', municipalitySlug: 'liepaja' }));
    const report = await openReportForEditing({ actor: liepaja, municipalitySlug: 'liepaja', year: 2022 });
    await expect(saveReportDraft({ actor: riga, reportId: report.id, input: draft(report.version) })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await db().progressReport.count({ where: { municipality: { slug: 'riga' } } })).toBe(0);
  });

  it('specialists per 1 000 residents come from the stored population for the year (blank when unknown) against the dated norm, as the public page and the staff dashboard show them', async () => {
    const secretary = actorOf(await createUser({ role: 'SECRETARY', municipalitySlug: 'liepaja' }));
    const staff = actorOf(await createUser({ role: 'STAFF' }));
    const report = await openReportForEditing({ actor: secretary, municipalitySlug: 'liepaja', year: 2022 });
    const saved = await saveReportDraft({ actor: secretary, reportId: report.id, input: draft(report.version) });
    const submitted = await submitReport({ actor: secretary, reportId: report.id, version: saved.version });
    await acceptReport({ actor: staff, reportId: report.id, version: submitted.version });
    const liepaja = await db().municipality.findUniqueOrThrow({ where: { slug: 'liepaja' } });
    const now = new Date('2023-06-01T10:00:00Z');
    // What the municipality page and the dashboard's indicator table read (lib/progress/public, lib/dashboard/indicators).
    const publicRatio = async () => (await findPublicProgress(liepaja.id, now)).periods.find((p) => p.year === 2022)!;
    const staffRow = async () => (await loadIndicatorComparison({ actor: staff, now, pageSize: null }))!.rows.find((r) => r.slug === 'liepaja')!;
    expect(await publicRatio()).toMatchObject({ population: null, norm: null, report: { specialistsPerThousand: null } });
    expect(await staffRow()).toMatchObject({ report: { year: 2022 }, specialistsFte: 30, perThousand: null, ratioUnknown: 'NO_POPULATION', comparison: null });
    // Test data only (the seed holds no population figures and no norm until they are cited).
    await db().populationFigure.create({ data: { municipalityId: liepaja.id, year: 2022, value: 60_000, source: 'test fixture' } });
    await createTestNorm();
    const pub = await publicRatio();
    expect(pub.report!.specialistsPerThousand).toBeCloseTo(0.5, 6);
    expect(pub).toMatchObject({ population: { value: 60_000, source: 'test fixture' }, norm: { value: 1 } });
    const row = await staffRow();
    expect(row.perThousand).toBeCloseTo(0.5, 6);
    expect(row).toMatchObject({ population: 60_000, populationSource: 'test fixture', norm: { value: 1 }, comparison: 'BELOW', ratioUnknown: null });
  });

  it('evidence documents attach to a report', async () => {
    const secretary = actorOf(await createUser({ role: 'SECRETARY', municipalitySlug: 'liepaja' }));
    const report = await openReportForEditing({ actor: secretary, municipalitySlug: 'liepaja', year: 2023 });
    await db().document.create({
      data: {
        reportId: report.id,
        kind: 'EVIDENCE',
        sha256: 'a'.repeat(64),
        sizeBytes: 10,
        mediaType: 'application/pdf',
        storageKey: `sha256/aa/${'a'.repeat(64)}`,
        originalName: 'x.pdf',
        inspection: {},
      },
    });
    expect(await db().document.count({ where: { reportId: report.id } })).toBe(1);
  });
});

describe('overdue reports', () => {
  beforeEach(resetDatabase);

  it('a period past its due date without a submitted report is overdue; a submitted one is not; staff only', async () => {
    // The overdue list staff see is the dashboard's work queue (lib/dashboard/queues), read here without its display limit.
    const listOverdue = async (actor: typeof staff) => (await loadWorkQueues({ actor, now, limit: 1000 })).overdue;
    const staff = actorOf(await createUser({ role: 'STAFF' }));
    const secretary = actorOf(await createUser({ role: 'SECRETARY', municipalitySlug: 'liepaja' }));
    const now = new Date('2023-06-01T00:00:00Z');
    const before = await listOverdue(staff);
    // Liepāja joined on 22 July 2021, after the 2021 period began (1 July): it owes from 2022 (due 2023-03-31, past due).
    // Jēkabpils novads (15 June 2021) owes 2021 too.
    expect(before.filter((o) => o.municipality.slug === 'liepaja').map((o) => o.year)).toEqual([2022]);
    expect(before.filter((o) => o.municipality.slug === 'jekabpils-novads').map((o) => o.year)).toEqual([2021, 2022]);
    const report = await openReportForEditing({ actor: secretary, municipalitySlug: 'liepaja', year: 2022 });
    await submitReport({ actor: secretary, reportId: report.id, version: report.version });
    const after = await listOverdue(staff);
    expect(after.filter((o) => o.municipality.slug === 'liepaja').map((o) => o.year)).toEqual([]);
    const liepaja = await db().municipality.findUniqueOrThrow({ where: { slug: 'liepaja' } });
    const pub = await findPublicProgress(liepaja.id, now);
    // Before joining nothing is "not submitted" or overdue: the public reads "no report due yet".
    expect(pub.periods.find((p) => p.year === 2021)).toMatchObject({ owed: false, overdue: false, report: null });
    const jekabpils = await findPublicProgress((await db().municipality.findUniqueOrThrow({ where: { slug: 'jekabpils-novads' } })).id, now);
    expect(jekabpils.periods.find((p) => p.year === 2021)).toMatchObject({ owed: true, overdue: true, report: null });
    expect(pub.periods.find((p) => p.year === 2022)).toMatchObject({ overdue: false, submitted: true, report: null });
    await expect(listOverdue(secretary)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('evidence documents', () => {
  beforeEach(resetDatabase);

  it('go through the same upload pipeline: accepted files attach to the report, refused ones leave nothing', async () => {
    const { Readable } = await import('node:stream');
    const { receiveToTemp } = await import('@/lib/storage');
    const { addReportEvidence } = await import('@/lib/progress/reports');
    const { createSignedPdf } = await import('../unit/documents/sign-helper');
    const secretary = actorOf(await createUser({ role: 'SECRETARY', municipalitySlug: 'liepaja' }));
    const report = await openReportForEditing({ actor: secretary, municipalitySlug: 'liepaja', year: 2024 });
    const up = async (bytes: Uint8Array) =>
      addReportEvidence({
        actor: secretary,
        reportId: report.id,
        originalName: 'pierādījums.pdf',
        file: await receiveToTemp(Readable.from([Buffer.from(bytes)]), 25 * 1024 * 1024),
      });
    const ok = await up((await createSignedPdf()).bytes);
    expect(await db().document.findUniqueOrThrow({ where: { id: ok.id }, select: { reportId: true, kind: true } })).toEqual({
      reportId: report.id,
      kind: 'EVIDENCE',
    });
    await expect(up(new TextEncoder().encode('<html>no</html>'))).rejects.toMatchObject({ messageKey: 'upload.not_pdf' });
    expect(await db().document.count({ where: { reportId: report.id } })).toBe(1);
    const other = actorOf(await createUser({ role: 'SECRETARY', municipalitySlug: 'riga' }));
    await expect(
      addReportEvidence({
        actor: other,
        reportId: report.id,
        originalName: 'x.pdf',
        file: await receiveToTemp(Readable.from([Buffer.from((await createSignedPdf()).bytes)]), 25 * 1024 * 1024),
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { openReportForEditing, saveTypedReportDraft, submitReport } from '@/lib/progress/reports';
import { ZReportTypedDraftSchema, type TReportTypedDraft } from '@/lib/schemas/progress';
import { actorOf, createUser, resetDatabase } from './db-utils';

function typed(version: number, indicators: Record<string, string>, title = 'Telpu remonts'): TReportTypedDraft {
  return ZReportTypedDraftSchema.parse({
    version,
    commitments: {
      resources: { status: 'IN_PROGRESS', narrative: 'Ierakstīts teksts', actions: [{ title, status: 'PLANNED', plannedOn: '01.09.2022', doneOn: '', budgetEur: '120 000,50' }] },
      staff: { status: 'ACHIEVED', narrative: '', actions: [] },
      cooperation: { status: 'NOT_STARTED', narrative: '', actions: [] },
    },
    indicators,
  });
}

describe('typed work is never lost (issue 13)', () => {
  beforeEach(resetDatabase);

  it('an invalid field is saved as typed with its error; submission is refused until it is fixed; then the rows hold the Latvian-typed numbers', async () => {
    const secretary = actorOf(await createUser({ role: 'SECRETARY', municipalitySlug: 'liepaja' }));
    const report = await openReportForEditing({ actor: secretary, municipalitySlug: 'liepaja', year: 2022 });
    const first = await saveTypedReportDraft({ actor: secretary, reportId: report.id, typed: typed(report.version, { service_staff_fte: '42,5', service_budget_eur: '1 234,5', avg_gross_monthly_pay_eur: 'daudz' }, '') });
    expect(first.fieldErrors).toEqual({ 'indicators.avg_gross_monthly_pay_eur': ['secretaryYear.numberFormat'], 'commitments.resources.actions.0.title': ['validation.required'] });
    const stored = await db().progressReport.findUniqueOrThrow({ where: { id: report.id }, select: { typedDraft: true, indicators: true, version: true } });
    // Every field kept exactly as typed, the invalid ones too; the rows are untouched until the draft is valid.
    expect(stored.typedDraft).toMatchObject({ indicators: { service_staff_fte: '42,5', service_budget_eur: '1 234,5', avg_gross_monthly_pay_eur: 'daudz' }, commitments: { resources: { narrative: 'Ierakstīts teksts' } } });
    expect(stored.indicators).toEqual([]);
    await expect(submitReport({ actor: secretary, reportId: report.id, version: stored.version })).rejects.toMatchObject({ code: 'UNPROCESSABLE', fieldErrors: { 'indicators.avg_gross_monthly_pay_eur': ['secretaryYear.numberFormat'] } });
    expect((await db().progressReport.findUniqueOrThrow({ where: { id: report.id } })).status).toBe('DRAFT');

    const fixed = await saveTypedReportDraft({ actor: secretary, reportId: report.id, typed: typed(stored.version, { service_staff_fte: '42,5', service_budget_eur: '1 234,5', avg_gross_monthly_pay_eur: '1 450' }) });
    expect(fixed.fieldErrors).toEqual({});
    const rows = await db().progressReport.findUniqueOrThrow({ where: { id: report.id }, select: { indicators: true, actions: true } });
    expect(Object.fromEntries(rows.indicators.map((i) => [i.key, Number(i.numberValue)]))).toEqual({ service_staff_fte: 42.5, service_budget_eur: 1234.5, avg_gross_monthly_pay_eur: 1450 });
    expect(Number(rows.actions[0]!.budgetEur)).toBe(120000.5);
    expect(rows.actions[0]!.plannedOn?.toISOString().slice(0, 10)).toBe('2022-09-01');
    await expect(submitReport({ actor: secretary, reportId: report.id, version: fixed.version })).resolves.toMatchObject({ status: 'SUBMITTED' });
    // The save of an invalid draft and of the valid one are both audited.
    expect(await db().auditEvent.count({ where: { subjectId: report.id, action: 'progress.save' } })).toBe(2);
  });
});

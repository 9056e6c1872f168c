import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { openReportForEditing, saveTypedReportDraft, submitReport } from '@/lib/progress/reports';
import { ZReportTypedDraftSchema, type TReportTypedDraft } from '@/lib/schemas/progress';
import { actorOf, createUser, resetDatabase } from './db-utils';

function typed(version: number, indicators: Record<string, string>, title = 'Telpu remonts'): TReportTypedDraft {
  return ZReportTypedDraftSchema.parse({
    version,
    commitments: {
      resources: {
        status: 'IN_PROGRESS',
        narrative: 'Ierakstīts teksts',
        actions: [{ title, status: 'PLANNED', plannedOn: '01.09.2022', doneOn: '', budgetEur: '120 000,50' }],
      },
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
    const first = await saveTypedReportDraft({
      actor: secretary,
      reportId: report.id,
      typed: typed(report.version, { service_staff_fte: '42,5', service_budget_eur: '1 234,5', avg_gross_monthly_pay_eur: 'daudz' }, ''),
    });
    expect(first.fieldErrors).toEqual({
      'indicators.avg_gross_monthly_pay_eur': ['secretaryYear.numberFormat'],
      'commitments.resources.actions.0.title': ['validation.required'],
    });
    const stored = await db().progressReport.findUniqueOrThrow({ where: { id: report.id }, select: { typedDraft: true, indicators: true, version: true } });
    // Every field kept exactly as typed, the invalid ones too; the rows are untouched until the draft is valid.
    expect(stored.typedDraft).toMatchObject({
      indicators: { service_staff_fte: '42,5', service_budget_eur: '1 234,5', avg_gross_monthly_pay_eur: 'daudz' },
      commitments: { resources: { narrative: 'Ierakstīts teksts' } },
    });
    expect(stored.indicators).toEqual([]);
    await expect(submitReport({ actor: secretary, reportId: report.id, version: stored.version })).rejects.toMatchObject({
      code: 'UNPROCESSABLE',
      fieldErrors: { 'indicators.avg_gross_monthly_pay_eur': ['secretaryYear.numberFormat'] },
    });
    expect((await db().progressReport.findUniqueOrThrow({ where: { id: report.id } })).status).toBe('DRAFT');

    const fixed = await saveTypedReportDraft({
      actor: secretary,
      reportId: report.id,
      typed: typed(stored.version, { service_staff_fte: '42,5', service_budget_eur: '1 234,5', avg_gross_monthly_pay_eur: '1 450' }),
    });
    expect(fixed.fieldErrors).toEqual({});
    const rows = await db().progressReport.findUniqueOrThrow({ where: { id: report.id }, select: { indicators: true, actions: true } });
    expect(Object.fromEntries(rows.indicators.map((i) => [i.key, Number(i.numberValue)]))).toEqual({
      service_staff_fte: 42.5,
      service_budget_eur: 1234.5,
      avg_gross_monthly_pay_eur: 1450,
    });
    expect(Number(rows.actions[0]!.budgetEur)).toBe(120000.5);
    expect(rows.actions[0]!.plannedOn?.toISOString().slice(0, 10)).toBe('2022-09-01');
    await expect(submitReport({ actor: secretary, reportId: report.id, version: fixed.version })).resolves.toMatchObject({ status: 'SUBMITTED' });
    // The save of an invalid draft and of the valid one are both audited.
    expect(await db().auditEvent.count({ where: { subjectId: report.id, action: 'progress.save' } })).toBe(2);
  });
});

describe('password reset by e-mail (issue 13)', () => {
  beforeEach(resetDatabase);

  const linkOf = async (email: string) => {
    const m = await db().outboxMessage.findFirstOrThrow({
      where: { toEmail: email, kind: 'password.reset' },
      orderBy: { createdAt: 'desc' },
      select: { text: true, subject: true, locale: true },
    });
    return { ...m, token: /\/reset-password\/([A-Za-z0-9_-]+)/.exec(m.text)![1]! };
  };

  it('a single-use link valid for an hour, only its hash stored; the same outcome for an unknown address; the session version goes up', async () => {
    const { requestPasswordReset, resetPassword } = await import('@/lib/auth/password-reset');
    const { verifyPassword } = await import('@/lib/auth/password');
    const user = await createUser({ role: 'SECRETARY', municipalitySlug: 'liepaja' });
    await db().user.update({ where: { id: user.id }, data: { locale: 'en' } });
    const now = new Date('2026-12-03T08:00:00Z');
    await expect(requestPasswordReset({ email: ` ${user.email.toUpperCase()} `, ip: '203.0.113.5', now })).resolves.toBeUndefined();
    await expect(requestPasswordReset({ email: 'nobody@example.test', ip: '203.0.113.5', now })).resolves.toBeUndefined();
    expect(await db().outboxMessage.count({ where: { kind: 'password.reset' } })).toBe(1);
    const mail = await linkOf(user.email);
    expect(mail.locale).toBe('en');
    expect(mail.subject).toBe('Password reset on the Memorands portal');
    const row = await db().passwordReset.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.tokenHash).not.toContain(mail.token);
    expect(row.expiresAt.getTime() - now.getTime()).toBe(60 * 60 * 1000);
    const before = (await db().user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion;

    // Expired links are refused.
    await expect(
      resetPassword({
        input: { token: mail.token, password: 'a new long password', passwordConfirm: 'a new long password' },
        now: new Date(now.getTime() + 61 * 60 * 1000),
      }),
    ).rejects.toMatchObject({ code: 'GONE' });
    await resetPassword({
      input: { token: mail.token, password: 'a new long password', passwordConfirm: 'a new long password' },
      now: new Date(now.getTime() + 10 * 60 * 1000),
    });
    const after = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true, passwordHash: true } });
    expect(after.sessionVersion).toBe(before + 1);
    expect(await verifyPassword('a new long password', after.passwordHash)).toBe(true);
    // The owner is told the password changed, in their language (a reset they did not make is then noticed).
    const notice = await db().outboxMessage.findMany({ where: { kind: 'password.changed' }, select: { toEmail: true, locale: true, subject: true } });
    expect(notice).toEqual([{ toEmail: user.email, locale: 'en', subject: 'Your password on the Memorands portal was changed' }]);
    // Reused: refused, password unchanged.
    await expect(
      resetPassword({ input: { token: mail.token, password: 'yet another password', passwordConfirm: 'yet another password' } }),
    ).rejects.toMatchObject({ code: 'GONE' });
    expect(await db().auditEvent.count({ where: { subjectId: user.id, action: { in: ['auth.password-reset-requested', 'auth.password-reset'] } } })).toBe(2);
  });

  it('is throttled per address: past the limit within the hour a request is refused, for a registered address or not', async () => {
    const { requestPasswordReset, RESET_ACCOUNT_LIMIT } = await import('@/lib/auth/password-reset');
    const user = await createUser({ role: 'STAFF' });
    for (const email of [user.email, 'nobody@example.test']) {
      for (let i = 0; i < RESET_ACCOUNT_LIMIT; i += 1) await requestPasswordReset({ email, ip: `203.0.113.${i + 10}` });
      await expect(requestPasswordReset({ email, ip: '203.0.113.99' })).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    }
    expect(await db().outboxMessage.count({ where: { kind: 'password.reset' } })).toBe(RESET_ACCOUNT_LIMIT);
  });
});

describe('staff hear of submissions (issue 13)', () => {
  beforeEach(resetDatabase);

  it('each time (their language), as a daily digest once a day, or not at all; resubmissions are named', async () => {
    const { saveReportDraft } = await import('@/lib/progress/reports');
    const { runStaffDigest, setSubmissionMailMode } = await import('@/lib/mail/staff');
    const { ZReportDraftSchema } = await import('@/lib/schemas/progress');
    const secretary = actorOf(await createUser({ role: 'SECRETARY', municipalitySlug: 'liepaja' }));
    const eventStaff = await createUser({ role: 'STAFF' });
    const digestStaff = await createUser({ role: 'STAFF' });
    const silentStaff = await createUser({ role: 'ADMIN' });
    await setSubmissionMailMode({ actor: actorOf(digestStaff), mode: 'DIGEST' });
    await setSubmissionMailMode({ actor: actorOf(silentStaff), mode: 'NONE' });
    await expect(setSubmissionMailMode({ actor: secretary, mode: 'NONE' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const report = await openReportForEditing({ actor: secretary, municipalitySlug: 'liepaja', year: 2022 });
    const blank = { status: 'IN_PROGRESS', narrative: '', actions: [] };
    const saved = await saveReportDraft({
      actor: secretary,
      reportId: report.id,
      input: ZReportDraftSchema.parse({ version: report.version, commitments: { resources: blank, staff: blank, cooperation: blank }, indicators: {} }),
    });
    const submitted = await submitReport({ actor: secretary, reportId: report.id, version: saved.version });
    const toStaff = () =>
      db().outboxMessage.findMany({
        where: { kind: { in: ['staff.submission', 'staff.digest'] } },
        orderBy: { createdAt: 'asc' },
        select: { kind: true, toEmail: true, subject: true, text: true },
      });
    let mails = await toStaff();
    expect(mails.map((m) => [m.kind, m.toEmail])).toEqual([['staff.submission', eventStaff.email]]);
    expect(mails[0]!.subject).toBe('Liepāja: 2022. gada progresa ziņojums');
    expect(mails[0]!.text).toContain('Veids: iesniegts pirmo reizi');
    expect(mails[0]!.text).toContain(`/lv/staff/reports/${report.id}`);
    // Returned and resubmitted: named as a resubmission.
    const { returnReport } = await import('@/lib/progress/reports');
    const returned = await returnReport({ actor: actorOf(eventStaff), reportId: report.id, version: submitted.version, comment: 'Lūdzu papildiniet.' });
    await submitReport({ actor: secretary, reportId: report.id, version: returned.version });
    mails = await toStaff();
    expect(mails.at(-1)!.text).toContain('Veids: iesniegts atkārtoti pēc labošanas');
    // The digest: once a day to those who chose it, listing the day's submissions.
    const now = new Date(Date.now() + 60_000);
    expect(await runStaffDigest({ now })).toEqual({ sent: 1, submissions: 1 });
    expect(await runStaffDigest({ now })).toEqual({ sent: 0, submissions: 1 });
    const digest = (await toStaff()).filter((m) => m.kind === 'staff.digest');
    expect(digest.map((m) => m.toEmail)).toEqual([digestStaff.email]);
    expect(digest[0]!.text).toContain('• Liepāja: 2022. gada progresa ziņojums');
    expect(await db().outboxMessage.count({ where: { toEmail: silentStaff.email } })).toBe(0);
  });
});

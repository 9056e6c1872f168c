import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { acceptReport, openReportForEditing, returnReport, saveReportDraft, submitReport } from '@/lib/progress/reports';
import { ZReportDraftSchema } from '@/lib/schemas/progress';
import { actorOf, createUser, resetDatabase } from './db-utils';
import { base, secretary } from './support/mail';

const section = { status: 'IN_PROGRESS', narrative: 'Supervīzija visiem sociālajiem darbiniekiem.', actions: [] };
const draft = (version: number) =>
  ZReportDraftSchema.parse({
    version,
    commitments: { resources: section, staff: section, cooperation: section },
    indicators: { social_work_specialists_fte: '30' },
  });

const outbox = (kind: string) =>
  db().outboxMessage.findMany({ where: { kind }, orderBy: { toEmail: 'asc' }, select: { toEmail: true, locale: true, subject: true, text: true } });

describe('progress report mail to the municipality’s secretaries', () => {
  beforeEach(resetDatabase);

  it('received, returned (with the associations’ comment) and accepted reach every active secretary in their language, as the accession flow does', async () => {
    const lvUser = await secretary('liepaja', 'lv');
    const enUser = await secretary('liepaja', 'en');
    await secretary('liepaja', 'lv', false);
    await secretary('riga', 'lv');
    const me = actorOf(lvUser);
    const staff = actorOf(await createUser({ role: 'STAFF' }));
    await db().user.update({ where: { id: staff.id }, data: { submissionMail: 'NONE' } });

    const report = await openReportForEditing({ actor: me, municipalitySlug: 'liepaja', year: 2022 });
    const saved = await saveReportDraft({ actor: me, reportId: report.id, input: draft(report.version) });
    const submitted = await submitReport({ actor: me, reportId: report.id, version: saved.version });
    const received = await outbox('report.submitted');
    expect(received.map((m) => [m.toEmail, m.locale])).toEqual(
      [
        [lvUser.email, 'lv'],
        [enUser.email, 'en'],
      ].sort((x, y) => x[0]!.localeCompare(y[0]!)),
    );
    expect(received.find((m) => m.locale === 'lv')!.subject).toBe('Liepāja: 2022. gada progresa ziņojums saņemts');
    expect(received.find((m) => m.locale === 'en')!.subject).toBe('Liepāja: the progress report for 2022 was received');
    expect(received[0]!.text).toContain(`${base}/${received[0]!.locale}/secretary/liepaja`);

    const returned = await returnReport({
      actor: staff,
      reportId: report.id,
      version: submitted.version,
      comment: 'Lūdzu, pievienojiet budžetu.\nUn slodzes.',
    });
    const back = await outbox('report.returned');
    expect(back).toHaveLength(2);
    expect(back.find((m) => m.locale === 'lv')!.text).toContain('Biedrības komentārs:\nLūdzu, pievienojiet budžetu.\nUn slodzes.');
    expect(back.find((m) => m.locale === 'lv')!.text).toContain('Pilnvaru laiks: 2021–2025');

    const resaved = await saveReportDraft({ actor: me, reportId: report.id, input: draft(returned.version) });
    const resubmitted = await submitReport({ actor: me, reportId: report.id, version: resaved.version });
    await acceptReport({ actor: staff, reportId: report.id, version: resubmitted.version });
    const accepted = await outbox('report.accepted');
    expect(accepted.map((m) => m.subject).sort()).toEqual([
      'Liepāja: 2022. gada progresa ziņojums pieņemts',
      'Liepāja: the progress report for 2022 was accepted',
    ]);
    expect(accepted.find((m) => m.locale === 'en')!.text).toContain(`${base}/en/municipalities/liepaja`);
    // Nobody outside the municipality, and no inactive secretary, heard of it.
    expect(await db().outboxMessage.count({ where: { kind: { startsWith: 'report.' } } })).toBe(2 + 2 + 2 + 2);
  });
});

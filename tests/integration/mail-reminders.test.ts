/** Report reminders by e-mail (split from mail.test.ts, same SMTP server setup). */

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { createAccession, createReport } from '@/lib/seed/factories';

import { deliverPending } from '@/lib/mail/deliver';
import { runReminders } from '@/lib/mail/reminders';

import { utcDay } from '@/lib/dates';

import { startSmtpServer, type TestSmtpServer } from '../support/smtp';
import { resetDatabase } from './db-utils';
import { base, secretary, toUser } from './support/mail';

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer({ user: 'portal', pass: 'sēkla:/@' });
});
afterAll(async () => {
  await smtp.close();
});
beforeEach(async () => {
  await resetDatabase();
  smtp.messages.length = 0;
});

describe('report reminders', () => {
  /**
   * The 2025–2029 term current, reporting set up; Cēsu and Valmieras novads joined by decisions of
   * 20 June 2025 (before the term's first period begins, so 2025 is owed), Cēsu novads
   * with a secretary in each language; as of `now` the 2025 report is overdue
   * (due 31 March 2026) and the 2026 report due in 10 days (31 March 2027).
   */
  const now = new Date('2027-03-21T06:00:00Z');
  async function setUp() {
    const term = await db().councilTerm.update({ where: { slug: '2025-2029' }, data: { openedAt: utcDay('2025-07-01') }, select: { id: true } });
    for (const slug of ['cesu-novads', 'valmieras-novads']) {
      await createAccession(db(), {
        municipalitySlug: slug,
        termId: term.id,
        status: 'VERIFIED',
        facts: 'none',
        data: { sessionDate: utcDay('2025-06-20'), verifiedAt: utcDay('2025-09-01') },
      });
    }
    // Valmiera has submitted its 2025 report: only the 2026 one is owed.
    const p2025 = await db().reportingPeriod.findUniqueOrThrow({ where: { termId_year: { termId: term.id, year: 2025 } }, select: { id: true } });
    await createReport(db(), {
      municipalitySlug: 'valmieras-novads',
      termSlug: '2025-2029',
      year: 2025,
      status: 'SUBMITTED',
      commitments: [],
      data: { submittedAt: utcDay('2026-03-01') },
    });
    return {
      lvUser: await secretary('cesu-novads', 'lv'),
      enUser: await secretary('cesu-novads', 'en'),
      valmieraUser: await secretary('valmieras-novads', 'lv'),
      p2025: p2025.id,
    };
  }

  it('running twice sends each reminder once, in the recipient’s language, with an audit event per run', async () => {
    const { lvUser, enUser, valmieraUser, p2025 } = await setUp();
    expect(await runReminders({ now })).toEqual({ due: 3, overdue: 2, skippedAsDuplicate: 0, renewalInvitations: 0 });
    expect(await runReminders({ now })).toEqual({ due: 0, overdue: 0, skippedAsDuplicate: 5, renewalInvitations: 0 });
    expect(await runReminders({ now: new Date(now.getTime() + 3 * 86_400_000) })).toEqual({ due: 0, overdue: 0, skippedAsDuplicate: 5, renewalInvitations: 0 });

    const rows = await db().outboxMessage.findMany({ select: { kind: true, toUserId: true, dedupeKey: true, status: true } });
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.status === 'PENDING')).toBe(true);
    const cesuId = lvUser.municipalityId!;
    expect(rows.find((r) => r.kind === 'report.overdue' && r.toUserId === lvUser.id)!.dedupeKey).toBe(`report.overdue:${p2025}:${cesuId}:${lvUser.id}`);
    expect(rows.filter((r) => r.toUserId === valmieraUser.id).map((r) => r.kind)).toEqual(['report.due']);

    const audits = await db().auditEvent.findMany({
      where: { action: 'mail.reminders' },
      orderBy: { id: 'asc' },
      select: { actorId: true, subjectType: true, after: true },
    });
    expect(audits).toEqual([
      { actorId: null, subjectType: 'OutboxMessage', after: { due: 3, overdue: 2, skippedAsDuplicate: 0, renewalInvitations: 0 } },
      { actorId: null, subjectType: 'OutboxMessage', after: { due: 0, overdue: 0, skippedAsDuplicate: 5, renewalInvitations: 0 } },
      { actorId: null, subjectType: 'OutboxMessage', after: { due: 0, overdue: 0, skippedAsDuplicate: 5, renewalInvitations: 0 } },
    ]);

    expect(await deliverPending({ smtpUrl: smtp.url })).toMatchObject({ sent: 5, failed: 0 });
    await runReminders({ now });
    expect(await deliverPending({ smtpUrl: smtp.url })).toMatchObject({ sent: 0 });
    const mails = await smtp.waitFor(5);
    expect(mails).toHaveLength(5);

    const lvMails = toUser(mails, lvUser.email).sort((x, y) => x.subject.localeCompare(y.subject));
    expect(lvMails.map((m) => m.subject)).toEqual([
      'Cēsu novads: 2025. gada progresa ziņojums nav iesniegts',
      'Cēsu novads: tuvojas 2026. gada progresa ziņojuma iesniegšanas termiņš',
    ]);
    expect(lvMails[0]!.text).toContain('Iesniegšanas termiņš: 2026. gada 31. marts');
    expect(lvMails[0]!.text).toContain(`${base}/lv/secretary/cesu-novads/reports/2025-2029/2025\n`);
    expect(lvMails[1]!.text).toContain('Iesniegšanas termiņš: 2027. gada 31. marts');
    expect(lvMails[1]!.text).toContain(`${base}/lv/secretary/cesu-novads/reports/2025-2029/2026\n`);

    const enMails = toUser(mails, enUser.email).sort((x, y) => x.subject.localeCompare(y.subject));
    expect(enMails.map((m) => m.subject)).toEqual([
      'Cēsu novads: the progress report for 2025 is overdue',
      'Cēsu novads: the progress report for 2026 is due soon',
    ]);
    expect(enMails[0]!.text).toContain('Due date: 31 March 2026');
    expect(enMails[1]!.text).toContain('Due date: 31 March 2027');
    expect(enMails[1]!.text).toContain(`${base}/en/secretary/cesu-novads/reports/2025-2029/2026\n`);
  });

  it('nothing is due beyond 14 days; on the due day it is still "due", the day after "overdue"', async () => {
    const { lvUser } = await setUp();
    await db().user.updateMany({ where: { id: { not: lvUser.id } }, data: { isActive: false } });
    // 15 days before 31 March 2027: only the overdue 2025 report.
    expect(await runReminders({ now: new Date('2027-03-16T08:00:00Z') })).toEqual({ due: 0, overdue: 1, skippedAsDuplicate: 0, renewalInvitations: 0 });
    // 31 March, 23:30 in Riga (20:30 UTC): still due, not overdue.
    expect(await runReminders({ now: new Date('2027-03-31T20:30:00Z') })).toEqual({ due: 1, overdue: 0, skippedAsDuplicate: 1, renewalInvitations: 0 });
    // 1 April, 00:30 in Riga (21:30 UTC on 31 March): overdue — a second, different reminder.
    expect(await runReminders({ now: new Date('2027-03-31T21:30:00Z') })).toEqual({ due: 0, overdue: 1, skippedAsDuplicate: 1, renewalInvitations: 0 });
    expect((await db().outboxMessage.findMany({ select: { kind: true } })).map((m) => m.kind).sort()).toEqual([
      'report.due',
      'report.overdue',
      'report.overdue',
    ]);
  });
});

import { Readable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { addDocument, findSecretaryAccession, recordDecision, returnAccession, submitAccession, verifyAccession } from '@/lib/accessions/workflow';
import { receiveToTemp } from '@/lib/storage';
import { enqueueMail, kickDelivery } from '@/lib/mail/outbox';
import { MAX_ATTEMPTS, deliverPending, startDelivery } from '@/lib/mail/deliver';
import { runReminders } from '@/lib/mail/reminders';
import { listOutbox } from '@/lib/mail/list';
import { utcDay } from '@/lib/dates';
import { createSignedPdf } from '../unit/documents/sign-helper';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../support/smtp';
import { actorOf, createUser, resetDatabase } from './db-utils';

const base = env.PUBLIC_BASE_URL.replace(/\/+$/, '');
const decision = {
  councilBody: 'Cēsu novada dome',
  sessionDate: '2021-08-19',
  sessionType: 'REGULAR' as const,
  decisionNumber: '325 (prot. Nr. 12, 4. §)',
  agendaItem: null,
  signatoryName: 'Jānis Rozenbergs',
  signatoryRole: 'domes priekšsēdētājs',
};

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

async function secretary(slug: string, locale: 'lv' | 'en', isActive = true) {
  const user = await createUser({ role: 'SECRETARY', municipalitySlug: slug, isActive });
  await db().user.update({ where: { id: user.id }, data: { locale } });
  return user;
}

const toUser = (mails: ReceivedMail[], email: string) => mails.filter((m) => m.rcptTo.includes(email));

async function submitCesu(actor: ReturnType<typeof actorOf>) {
  await recordDecision({ actor, municipalitySlug: 'cesu-novads', input: decision });
  const file = await receiveToTemp(Readable.from([Buffer.from((await createSignedPdf({ text: 'Cesu novada domes lemums' })).bytes)]), 25 * 1024 * 1024);
  await addDocument({ actor, municipalitySlug: 'cesu-novads', kind: 'DECISION', originalName: 'lēmums.pdf', file });
  await submitAccession({ actor, municipalitySlug: 'cesu-novads' });
  return (await findSecretaryAccession({ actor, municipalitySlug: 'cesu-novads' })).accession!;
}

describe('accession mail', () => {
  it('submitted, returned (with the reason) and verified reach the municipality’s active secretaries, each in their language', async () => {
    const lvUser = await secretary('cesu-novads', 'lv');
    const enUser = await secretary('cesu-novads', 'en');
    const inactive = await secretary('cesu-novads', 'lv', false);
    const other = await secretary('riga', 'lv');
    const staff = actorOf(await createUser({ role: 'STAFF' }));
    // Staff's own submission mail (issue 13) is tested in secretary-year.test.ts; here only the secretaries' mail counts.
    await db().user.update({ where: { id: staff.id }, data: { submissionMail: 'NONE' } });
    const me = actorOf(lvUser);

    let a = await submitCesu(me);
    // Enqueued in the transition's transaction; nothing sent without SMTP (the test process has none).
    const pending = await db().outboxMessage.findMany({
      orderBy: { toEmail: 'asc' },
      select: { kind: true, locale: true, toEmail: true, toUserId: true, status: true, municipalityId: true },
    });
    expect(pending.map((m) => [m.kind, m.locale, m.toEmail, m.status])).toEqual(
      [
        ['accession.submitted', 'lv', lvUser.email, 'PENDING'],
        ['accession.submitted', 'en', enUser.email, 'PENDING'],
      ].sort((x, y) => x[2]!.localeCompare(y[2]!)),
    );
    expect(pending.every((m) => m.municipalityId === lvUser.municipalityId)).toBe(true);

    await returnAccession({
      actor: staff,
      accessionId: a.id,
      input: { version: a.version, reason: 'Pievienojiet domes sēdes protokola izrakstu ar parakstu.' },
    });
    await submitAccession({ actor: me, municipalitySlug: 'cesu-novads' });
    a = (await findSecretaryAccession({ actor: me, municipalitySlug: 'cesu-novads' })).accession!;
    await verifyAccession({ actor: staff, accessionId: a.id, version: a.version });

    expect(await deliverPending({ smtpUrl: smtp.url })).toEqual({ sent: 8, failed: 0, held: 0 });
    const mails = await smtp.waitFor(8);
    expect(mails).toHaveLength(8);
    expect(toUser(mails, inactive.email)).toHaveLength(0);
    expect(toUser(mails, other.email)).toHaveLength(0);
    expect(mails.every((m) => m.authUser === 'portal' && m.headers.from === env.MAIL_FROM && m.headers['auto-submitted'] === 'auto-generated')).toBe(true);

    const lvMails = toUser(mails, lvUser.email);
    expect(lvMails.map((m) => m.subject)).toEqual([
      'Cēsu novads: iesniegums par pievienošanos memorandam saņemts',
      'Cēsu novads: iesniegums atgriezts labošanai',
      'Cēsu novads: iesniegums par pievienošanos memorandam saņemts',
      'Cēsu novads: dalība memorandā apstiprināta',
    ]);
    expect(lvMails.every((m) => m.headers['content-language'] === 'lv' && /^text\/plain; charset=utf-8/i.test(m.headers['content-type']!))).toBe(true);
    expect(lvMails[0]!.text).toContain('Labdien!\n\nIesniegums par pievienošanos memorandam ir saņemts.');
    expect(lvMails[0]!.text).toContain('Pašvaldība: Cēsu novads\nPilnvaru laiks: 2021–2025');
    expect(lvMails[0]!.text).toContain(`${base}/lv/secretary/cesu-novads\n`);
    expect(lvMails[1]!.text).toContain('Iemesls:\nPievienojiet domes sēdes protokola izrakstu ar parakstu.');
    expect(lvMails[3]!.text).toContain(`${base}/lv/municipalities/cesu-novads\n`);
    expect(lvMails[3]!.text).toContain('Portāls Memorands');

    const enMails = toUser(mails, enUser.email);
    expect(enMails.map((m) => m.subject)).toEqual([
      'Cēsu novads: submission to join the memorandum received',
      'Cēsu novads: submission returned for correction',
      'Cēsu novads: submission to join the memorandum received',
      'Cēsu novads: membership of the memorandum verified',
    ]);
    expect(enMails.every((m) => m.headers['content-language'] === 'en')).toBe(true);
    expect(enMails[0]!.text).toContain('Hello,\n\nThe submission to join the memorandum has been received.');
    expect(enMails[0]!.text).toContain(`${base}/en/secretary/cesu-novads\n`);
    expect(enMails[1]!.text).toContain('Reason:\nPievienojiet domes sēdes protokola izrakstu ar parakstu.');
    expect(enMails[3]!.text).toContain(`${base}/en/municipalities/cesu-novads\n`);

    const rows = await db().outboxMessage.findMany({ select: { status: true, sentAt: true, attempts: true } });
    expect(rows.every((r) => r.status === 'SENT' && r.sentAt && r.attempts === 1)).toBe(true);
    // Nothing is sent twice.
    expect(await deliverPending({ smtpUrl: smtp.url })).toEqual({ sent: 0, failed: 0, held: 0 });
    expect(smtp.messages).toHaveLength(8);
  });

  it('of two concurrent decisions only the winner’s mail exists; a rolled-back transaction leaves no outbox row', async () => {
    const user = await secretary('cesu-novads', 'lv');
    const [s1, s2] = [actorOf(await createUser({ role: 'STAFF' })), actorOf(await createUser({ role: 'ADMIN' }))];
    const a = await submitCesu(actorOf(user));
    const results = await Promise.allSettled([
      verifyAccession({ actor: s1, accessionId: a.id, version: a.version }),
      returnAccession({ actor: s2, accessionId: a.id, input: { version: a.version, reason: 'x' } }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const status = (await db().accession.findUniqueOrThrow({ where: { id: a.id }, select: { status: true } })).status;
    const kinds = (
      await db().outboxMessage.findMany({ where: { kind: { startsWith: 'accession.' } }, orderBy: { createdAt: 'asc' }, select: { kind: true } })
    ).map((m) => m.kind);
    expect(kinds).toEqual(['accession.submitted', status === 'VERIFIED' ? 'accession.verified' : 'accession.returned']);

    const before = await db().outboxMessage.count();
    await expect(
      db().$transaction(async (tx) => {
        await enqueueMail(tx, {
          kind: 'accession.verified',
          to: { email: user.email, userId: user.id, locale: 'lv' },
          vars: { municipality: 'Cēsu novads', path: '/municipalities/cesu-novads', term: '2021–2025' },
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await db().outboxMessage.count()).toBe(before);
  });

  it('a used dedupe key is skipped without aborting the surrounding transaction', async () => {
    const to = { email: 'someone@example.test', locale: 'en' };
    const vars = { municipality: 'Rīga', path: '/secretary/riga', year: '2026', dueOn: '2027-03-31' };
    const results = await db().$transaction(async (tx) => {
      const first = await enqueueMail(tx, { kind: 'report.due', to, vars, dedupeKey: 'k-1' });
      const second = await enqueueMail(tx, { kind: 'report.due', to, vars, dedupeKey: 'k-1' });
      const other = await enqueueMail(tx, { kind: 'report.due', to, vars, dedupeKey: 'k-2' });
      return [first, second, other, await tx.outboxMessage.count()];
    });
    expect(results).toEqual([true, false, true, 2]);
    expect(await db().outboxMessage.count()).toBe(2);
  });
});

describe('delivery', () => {
  async function enqueueSome(n: number, email = (i: number) => `person-${i}@example.test`) {
    await db().$transaction(async (tx) => {
      for (let i = 0; i < n; i += 1) {
        await enqueueMail(tx, {
          kind: 'accession.submitted',
          to: { email: email(i), locale: i % 2 ? 'en' : 'lv' },
          vars: { municipality: `Pašvaldība ${i}`, path: '/secretary/x', term: '2025–2029' },
        });
      }
    });
  }

  it('without SMTP messages stay PENDING for the outbox page; kickDelivery is a no-op', async () => {
    await enqueueSome(3);
    expect(await deliverPending({ smtpUrl: null })).toEqual({ sent: 0, failed: 0, held: 3 });
    if (!env.SMTP_URL) kickDelivery();
    await new Promise((r) => setTimeout(r, 100));
    expect(await db().outboxMessage.count({ where: { status: 'PENDING', attempts: 0 } })).toBe(3);
    expect(smtp.messages).toHaveLength(0);
    // Admins read them, newest first; others may not.
    const admin = actorOf(await createUser({ role: 'ADMIN' }));
    const page = await listOutbox({ actor: admin, page: 7 });
    expect(page).toMatchObject({ total: 3, page: 1, pages: 1 });
    expect(page.items[0]!.createdAt.getTime()).toBeGreaterThanOrEqual(page.items[2]!.createdAt.getTime());
    expect(page.items.map((m) => m.text).join('')).toContain('Pašvaldība: Pašvaldība 0');
    await expect(listOutbox({ actor: actorOf(await createUser({ role: 'STAFF' })), page: 1 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('concurrent delivery runs send each message exactly once', async () => {
    await enqueueSome(12);
    const runs = await Promise.all([1, 2, 3].map(() => deliverPending({ smtpUrl: smtp.url })));
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(12);
    await smtp.waitFor(12);
    await new Promise((r) => setTimeout(r, 100));
    expect(smtp.messages).toHaveLength(12);
    expect(new Set(smtp.messages.map((m) => m.headers['x-memorands-message-id'])).size).toBe(12);
    expect(await db().outboxMessage.count({ where: { status: 'SENT', attempts: 1 } })).toBe(12);
  });

  it('background delivery: one run at a time per process, a call during a run is folded into it', async () => {
    await enqueueSome(3);
    const first = startDelivery(smtp.url);
    const second = startDelivery(smtp.url);
    expect(second).toBe(first);
    await first;
    expect(smtp.messages).toHaveLength(3);
    expect(await db().outboxMessage.count({ where: { status: 'SENT' } })).toBe(3);
  });

  it('a refused message is marked FAILED with the error, retried on later runs (not within one), at most 5 times', async () => {
    const refusing = await startSmtpServer({ rejectRecipients: /@bounce\.test$/ });
    try {
      await enqueueSome(2, (i) => (i === 0 ? 'nobody@bounce.test' : 'somebody@example.test'));
      expect(await deliverPending({ smtpUrl: refusing.url })).toEqual({ sent: 1, failed: 1, held: 0 });
      const failed = await db().outboxMessage.findFirstOrThrow({ where: { toEmail: 'nobody@bounce.test' } });
      expect(failed).toMatchObject({ status: 'FAILED', attempts: 1, sentAt: null });
      expect(failed.lastError).toMatch(/550|does not exist/);
      for (let run = 2; run <= MAX_ATTEMPTS; run += 1) expect(await deliverPending({ smtpUrl: refusing.url })).toEqual({ sent: 0, failed: 1, held: 0 });
      expect(await deliverPending({ smtpUrl: refusing.url })).toEqual({ sent: 0, failed: 0, held: 0 });
      expect(await db().outboxMessage.findFirstOrThrow({ where: { toEmail: 'nobody@bounce.test' } })).toMatchObject({
        status: 'FAILED',
        attempts: MAX_ATTEMPTS,
      });
      expect(refusing.messages.map((m) => m.rcptTo)).toEqual([['somebody@example.test']]);
    } finally {
      await refusing.close();
    }
  });

  it('an unreachable server fails the messages without throwing', async () => {
    await enqueueSome(1);
    const closed = await startSmtpServer();
    await closed.close();
    expect(await deliverPending({ smtpUrl: closed.url })).toEqual({ sent: 0, failed: 1, held: 0 });
    expect((await db().outboxMessage.findFirstOrThrow()).lastError).toMatch(/ECONNREFUSED|connect/i);
  });
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
      const m = await db().municipality.findUniqueOrThrow({ where: { slug }, select: { id: true } });
      await db().accession.create({
        data: { municipalityId: m.id, termId: term.id, status: 'VERIFIED', sessionDate: utcDay('2025-06-20'), verifiedAt: utcDay('2025-09-01') },
      });
    }
    // Valmiera has submitted its 2025 report: only the 2026 one is owed.
    const valmiera = await db().municipality.findUniqueOrThrow({ where: { slug: 'valmieras-novads' }, select: { id: true } });
    const p2025 = await db().reportingPeriod.findUniqueOrThrow({ where: { termId_year: { termId: term.id, year: 2025 } }, select: { id: true } });
    await db().progressReport.create({ data: { municipalityId: valmiera.id, periodId: p2025.id, status: 'SUBMITTED', submittedAt: utcDay('2026-03-01') } });
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
    expect(lvMails[0]!.text).toContain(`${base}/lv/secretary/cesu-novads/reports/2025\n`);
    expect(lvMails[1]!.text).toContain('Iesniegšanas termiņš: 2027. gada 31. marts');
    expect(lvMails[1]!.text).toContain(`${base}/lv/secretary/cesu-novads/reports/2026\n`);

    const enMails = toUser(mails, enUser.email).sort((x, y) => x.subject.localeCompare(y.subject));
    expect(enMails.map((m) => m.subject)).toEqual([
      'Cēsu novads: the progress report for 2025 is overdue',
      'Cēsu novads: the progress report for 2026 is due soon',
    ]);
    expect(enMails[0]!.text).toContain('Due date: 31 March 2026');
    expect(enMails[1]!.text).toContain('Due date: 31 March 2027');
    expect(enMails[1]!.text).toContain(`${base}/en/secretary/cesu-novads/reports/2026\n`);
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

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { findSecretaryAccession, returnAccession, submitAccession, verifyAccession } from '@/lib/accessions/workflow';

import { enqueueMail, kickDelivery } from '@/lib/mail/outbox';
import { MAX_ATTEMPTS, deliverPending, startDelivery } from '@/lib/mail/deliver';

import { listOutbox } from '@/lib/mail/list';

import { startSmtpServer, type TestSmtpServer } from '../support/smtp';
import { actorOf, createUser, resetDatabase } from './db-utils';
import { base, secretary, toUser, submitCesu } from './support/mail';

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

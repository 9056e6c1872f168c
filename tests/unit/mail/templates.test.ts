import { describe, expect, it } from 'vitest';
import { env } from '@/lib/env';
import { MAIL_KINDS, type MailKind } from '@/lib/mail/outbox';
import { MAIL_VARS, mailLink, mailLocale, renderMail } from '@/lib/mail/templates';
import { lv } from '@/lib/i18n/messages/lv';
import { en } from '@/lib/i18n/messages/en';

const base = env.PUBLIC_BASE_URL.replace(/\/+$/, '');

const SAMPLE: Record<string, string> = {
  municipality: 'Cēsu novads',
  path: '/secretary/cesu-novads',
  expiresAt: '2026-03-31T09:30:00.000Z',
  term: '2025–2029',
  previousTerm: '2021–2025',
  reason: 'Pievienojiet domes sēdes protokola izrakstu.\nLēmumam jābūt parakstītam.',
  year: '2026',
  dueOn: '2027-03-31',
  what: '2026. gada progresa ziņojums',
  event: 'iesniegts pirmo reizi',
  count: '2',
  list: '• Cēsu novads: 2026. gada progresa ziņojums\n• Liepāja: lēmums',
};

const varsFor = (kind: MailKind) => Object.fromEntries(['municipality', 'path', ...MAIL_VARS[kind]].map((k) => [k, SAMPLE[k]!]));

describe('mail templates', () => {
  for (const kind of MAIL_KINDS) {
    for (const locale of ['lv', 'en'] as const) {
      it(`${kind} renders in ${locale} with every placeholder filled`, () => {
        const mail = renderMail(kind, locale, varsFor(kind));
        expect(mail.locale).toBe(locale);
        expect(mail.subject.length).toBeGreaterThan(10);
        expect(mail.subject).not.toMatch(/[\r\n]/);
        expect(`${mail.subject}\n${mail.text}`).not.toMatch(/\{\w+\}/);
        expect(mail.text).not.toMatch(/mail\.\w/); // no unresolved message key
        expect(mail.text).toContain(`${base}/${locale}${SAMPLE.path}`);
        if (kind !== 'password.reset' && kind !== 'password.changed') expect(mail.text).toContain('Cēsu novads');
        expect(mail.text).toMatch(/\n-- \n.*Memorands/);
        expect(mail.text.startsWith(locale === 'lv' ? 'Labdien!' : 'Hello,')).toBe(true);
      });
    }
  }

  it('every kind has its strings in both languages', () => {
    const sections = ['invitation', 'accessionSubmitted', 'accessionReturned', 'accessionVerified', 'reportDue', 'reportOverdue', 'termRenewal'] as const;
    for (const s of sections) {
      expect(Object.keys(en.mail[s]).sort()).toEqual(Object.keys(lv.mail[s]).sort());
      expect(lv.mail[s].subject).not.toBe(en.mail[s].subject);
    }
  });

  it('Latvian text uses proper diacritics and Latvian dates; English uses English dates', () => {
    const inv = renderMail('invitation', 'lv', varsFor('invitation'));
    expect(inv.subject).toBe('Uzaicinājums pievienoties portālam Memorands');
    expect(renderMail('invitation', 'en', varsFor('invitation')).subject).toBe('Invitation to the Memorands portal');
    const due = renderMail('report.due', 'lv', varsFor('report.due'));
    expect(due.subject).toBe('Cēsu novads: tuvojas 2026. gada progresa ziņojuma iesniegšanas termiņš');
    expect(due.text).toContain('Iesniegšanas termiņš: 2027. gada 31. marts');
    expect(due.text).toContain('Periods: 2026. gads');
    expect(renderMail('report.overdue', 'en', varsFor('report.overdue')).text).toContain('Due date: 31 March 2027');
    // The invitation's expiry is a moment, shown in Riga time (UTC+3 in summer).
    expect(inv.text).toMatch(/Saite derīga līdz: .*2026.*12:30/);
    expect(renderMail('invitation', 'en', varsFor('invitation')).text).toMatch(/Link valid until: 31 Mar 2026.*12:30/);
  });

  it('keeps the return reason as written (its own lines), and never re-reads placeholders inside values', () => {
    const mail = renderMail('accession.returned', 'lv', { ...varsFor('accession.returned'), reason: 'Trūkst {reason} lēmuma.\r\nOtrā rinda.' });
    expect(mail.text).toContain('Iemesls:\nTrūkst {reason} lēmuma.\nOtrā rinda.');
    expect(mail.subject).toBe('Cēsu novads: iesniegums atgriezts labošanai');
  });

  it('a staff invitation (no municipality) names none', () => {
    const mail = renderMail('invitation', 'lv', { ...varsFor('invitation'), municipality: '', path: '/invite/abc' });
    expect(mail.text).not.toContain('Pašvaldība:');
    expect(mail.text).toContain('biedrības pārbauda');
    expect(mail.text).toContain(`${base}/lv/invite/abc`);
  });

  it('any other language is Latvian; a missing var or a bad date throws', () => {
    expect(mailLocale('de')).toBe('lv');
    expect(mailLocale(null)).toBe('lv');
    expect(renderMail('accession.verified', 'ru', varsFor('accession.verified')).locale).toBe('lv');
    expect(() => renderMail('accession.returned', 'lv', { municipality: 'X', path: '/x', term: '2025–2029' })).toThrow(/reason/);
    expect(() => renderMail('report.due', 'lv', { ...varsFor('report.due'), dueOn: '31.03.2027' })).toThrow(/dueOn/);
    expect(() => renderMail('invitation', 'lv', { ...varsFor('invitation'), expiresAt: 'soon' })).toThrow(/expiresAt/);
  });

  it('subjects stay on one line whatever the municipality name holds', () => {
    const mail = renderMail('accession.verified', 'en', { ...varsFor('accession.verified'), municipality: 'Cēsu\r\nBcc: x@example.test novads' });
    expect(mail.subject).toBe('Cēsu Bcc: x@example.test novads: membership of the memorandum verified');
  });

  it('links are absolute and carry the locale', () => {
    expect(mailLink('en', '/municipalities/riga')).toBe(`${base}/en/municipalities/riga`);
    expect(mailLink('lv', 'secretary/riga')).toBe(`${base}/lv/secretary/riga`);
  });
});

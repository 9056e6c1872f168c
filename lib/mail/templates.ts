import { env } from '@/lib/env';
import { formatDate, formatDateTime, lookup, type Locale } from '@/lib/i18n';
import type { MailKind, MailVars } from './outbox';

/**
 * Plain-text e-mail templates: every kind in Latvian and English. The words
 * live in lib/i18n/messages/ns/mail.ts; this module lays them out (greeting,
 * what happened, the facts as "Label: value" lines, one absolute link, a
 * footer naming the portal) and formats dates in the recipient's language.
 */

export type RenderedMail = { locale: Locale; subject: string; text: string };

/** The language a recipient gets mail in: 'en' when they chose English, otherwise Latvian. */
export function mailLocale(value: string | null | undefined): Locale {
  return value === 'en' ? 'en' : 'lv';
}

/** The vars each kind needs besides `municipality` and `path` (see the contract in ./outbox). */
export const MAIL_VARS: Record<MailKind, readonly string[]> = {
  invitation: ['expiresAt'],
  'accession.submitted': ['term'],
  'accession.returned': ['term', 'reason'],
  'accession.verified': ['term'],
  'report.due': ['year', 'dueOn'],
  'report.overdue': ['year', 'dueOn'],
  'term.renewal': ['term', 'previousTerm'],
  'password.reset': ['expiresAt'],
  'password.changed': [],
  'report.submitted': ['year', 'term'],
  'report.returned': ['year', 'term', 'reason'],
  'report.accepted': ['year', 'term'],
  'staff.submission': ['what', 'event'],
  'staff.digest': ['count', 'list'],
};

/** The message-catalogue section of each kind (mail.<section>.subject, …) and of its label on the outbox page. */
export const MAIL_KIND_KEY: Record<MailKind, string> = {
  invitation: 'invitation',
  'accession.submitted': 'accessionSubmitted',
  'accession.returned': 'accessionReturned',
  'accession.verified': 'accessionVerified',
  'report.due': 'reportDue',
  'report.overdue': 'reportOverdue',
  'term.renewal': 'termRenewal',
  'password.reset': 'passwordReset',
  'password.changed': 'passwordChanged',
  'report.submitted': 'reportSubmitted',
  'report.returned': 'reportReturned',
  'report.accepted': 'reportAccepted',
  'staff.submission': 'staffSubmission',
  'staff.digest': 'staffDigest',
};

/** The portal's base address, without a trailing slash. */
export function portalBaseUrl(): string {
  return env.PUBLIC_BASE_URL.replace(/\/+$/, '');
}

/** An absolute link to a portal page in the recipient's language: `${PUBLIC_BASE_URL}/${locale}${path}`. */
export function mailLink(locale: Locale, path: string): string {
  return `${portalBaseUrl()}/${locale}${path.startsWith('/') ? path : `/${path}`}`;
}

type Fact = 'municipality' | 'term' | 'previousTerm' | 'year' | 'dueOn' | 'expiresAt' | 'what' | 'event';

/** What each kind says, in order; every key is under mail.<section>. */
const LAYOUT: Record<MailKind, { facts: Fact[]; next?: boolean; reason?: boolean; note?: boolean; list?: boolean }> = {
  invitation: { facts: ['municipality', 'expiresAt'], note: true },
  'accession.submitted': { facts: ['municipality', 'term'], next: true },
  'accession.returned': { facts: ['municipality', 'term'], reason: true },
  'accession.verified': { facts: ['municipality', 'term'], next: true },
  'report.due': { facts: ['municipality', 'year', 'dueOn'], note: true },
  'report.overdue': { facts: ['municipality', 'year', 'dueOn'], note: true },
  'term.renewal': { facts: ['municipality', 'term', 'previousTerm'] },
  'password.reset': { facts: ['expiresAt'], note: true },
  'password.changed': { facts: [], note: true },
  'report.submitted': { facts: ['municipality', 'year', 'term'], next: true },
  'report.returned': { facts: ['municipality', 'year', 'term'], reason: true },
  'report.accepted': { facts: ['municipality', 'year', 'term'], next: true },
  'staff.submission': { facts: ['municipality', 'what', 'event'], note: true },
  'staff.digest': { facts: [], list: true, note: true },
};

function instant(kind: MailKind, value: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error(`mail ${kind}: expiresAt is not a date: ${value}`);
  return date;
}

function calendarDay(kind: MailKind, value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new Error(`mail ${kind}: dueOn must be YYYY-MM-DD, got ${value}`);
  return value;
}

/** A value on one line (subjects and fact lines). */
const oneLine = (value: string) => value.replace(/\s+/g, ' ').trim();

/**
 * Renders one message in the recipient's language ('lv' | 'en'; anything
 * else is Latvian). A missing var is a programming error and throws, so the
 * change that tried to send it rolls back instead of mailing "{reason}".
 */
export function renderMail(kind: MailKind, locale: string | null | undefined, vars: MailVars): RenderedMail {
  const lang = mailLocale(locale);
  const layout = LAYOUT[kind];
  if (!layout) throw new Error(`unknown mail kind: ${String(kind)}`);
  for (const name of ['municipality', 'path', ...MAIL_VARS[kind]]) {
    if (typeof vars[name] !== 'string') throw new Error(`mail ${kind}: missing var "${name}"`);
  }
  const section = MAIL_KIND_KEY[kind];
  const t = (key: string, v?: Record<string, string>) => lookup(lang, `mail.${key}`, v);

  const shown: Record<Fact, string> = {
    municipality: oneLine(vars.municipality ?? ''),
    term: oneLine(vars.term ?? ''),
    previousTerm: oneLine(vars.previousTerm ?? ''),
    year: oneLine(vars.year ?? ''),
    dueOn: vars.dueOn === undefined ? '' : formatDate(lang, calendarDay(kind, vars.dueOn)),
    expiresAt: vars.expiresAt === undefined ? '' : formatDateTime(lang, instant(kind, vars.expiresAt)),
    what: oneLine(vars.what ?? ''),
    event: oneLine(vars.event ?? ''),
  };
  // A staff invitation names no municipality.
  const facts = layout.facts.filter((f) => shown[f] !== '').map((f) => t(`fact.${f}`, { value: shown[f] }));
  const intro = kind === 'invitation' && shown.municipality === '' ? t('invitation.introStaff') : t(`${section}.intro`);

  const blocks: string[] = [t('greeting'), intro, facts.join('\n')];
  if (layout.list) blocks.push((vars.list ?? '').replace(/\r\n?/g, '\n').trim());
  if (layout.reason) blocks.push(`${t(`${section}.reason`)}\n${(vars.reason ?? '').replace(/\r\n?/g, '\n').trim()}`);
  if (layout.next) blocks.push(t(`${section}.next`));
  blocks.push(`${t(`${section}.action`)}\n${mailLink(lang, vars.path!)}`);
  if (layout.note) blocks.push(t(`${section}.note`));
  // "-- " (with the space) is the plain-text signature separator mail clients recognise.
  blocks.push(`-- \n${t('footer')}\n${portalBaseUrl()}/${lang}\n${t('automatic')}`);

  const subject = oneLine(
    t(`${section}.subject`, { municipality: shown.municipality, term: shown.term, year: shown.year, what: shown.what, count: oneLine(vars.count ?? '') }),
  );
  return { locale: lang, subject, text: `${blocks.filter((b) => b !== '').join('\n\n')}\n` };
}

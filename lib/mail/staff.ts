import 'server-only';
import { db, type Tx } from '@/lib/db/client';
import { mutate } from '@/lib/mutations';
import { rolesWith, type Actor } from '@/lib/authz';
import { lookup } from '@/lib/i18n';
import { rigaIsoDay } from '@/lib/dates';
import { enqueueMail } from './outbox';
import { mailLocale } from './templates';

export const SUBMISSION_MAIL_MODES = ['EVENT', 'DIGEST', 'NONE'] as const;
export type SubmissionMailMode = (typeof SUBMISSION_MAIL_MODES)[number];

export type Submission = { kind: 'report'; year: number } | { kind: 'accession'; term: string };

function whatOf(locale: string, s: Submission): string {
  const lang = mailLocale(locale);
  return s.kind === 'report'
    ? lookup(lang, 'secretaryYear.mailWhatReport', { year: s.year })
    : lookup(lang, 'secretaryYear.mailWhatAccession', { term: s.term });
}

/**
 * Tells every active staff user who chose "each time" (submissionMail EVENT)
 * of a new submission or a resubmission, each in their language, inside the
 * submitting transaction (a rolled-back submission mails nothing). Users who
 * chose the daily digest get it from runStaffDigest.
 */
export async function notifyStaffOfSubmission(
  tx: Tx,
  input: { municipalityId: string; municipality: string; path: string; submission: Submission; resubmission: boolean },
): Promise<number> {
  const staff = await tx.user.findMany({
    where: { role: { in: [...rolesWith('progress.review')] }, isActive: true, submissionMail: 'EVENT' },
    select: { id: true, email: true, locale: true },
    orderBy: { createdAt: 'asc' },
  });
  for (const u of staff) {
    const lang = mailLocale(u.locale);
    await enqueueMail(tx, {
      kind: 'staff.submission',
      to: { email: u.email, userId: u.id, locale: u.locale },
      municipalityId: input.municipalityId,
      vars: {
        municipality: input.municipality,
        path: input.path,
        what: whatOf(u.locale, input.submission),
        event: lookup(lang, input.resubmission ? 'secretaryYear.mailResubmission' : 'secretaryYear.mailFirstSubmission'),
      },
    });
  }
  return staff.length;
}

/**
 * The daily digest (npm run reminders): to each active staff user who chose
 * it, one message listing the reports and decisions submitted in the 24 hours
 * before `now`, none when there were none. Once per staff user and Riga day
 * (dedupe key), however often it runs. Audited.
 */
export async function runStaffDigest({ now = new Date() }: { now?: Date } = {}): Promise<{ sent: number; submissions: number }> {
  const since = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  const [reports, accessions, staff] = await Promise.all([
    db().progressReport.findMany({
      where: { submittedAt: { gt: since, lte: now } },
      orderBy: { submittedAt: 'asc' },
      select: { submittedAt: true, municipality: { select: { nameLv: true } }, period: { select: { year: true } } },
    }),
    db().accession.findMany({
      where: { submittedAt: { gt: since, lte: now } },
      orderBy: { submittedAt: 'asc' },
      select: { submittedAt: true, municipality: { select: { nameLv: true } }, term: { select: { startYear: true, endYear: true } } },
    }),
    db().user.findMany({
      where: { role: { in: [...rolesWith('progress.review')] }, isActive: true, submissionMail: 'DIGEST' },
      select: { id: true, email: true, locale: true },
    }),
  ]);
  const items: { name: string; submission: Submission }[] = [
    ...accessions.map((a) => ({ name: a.municipality.nameLv, submission: { kind: 'accession' as const, term: `${a.term.startYear}–${a.term.endYear}` } })),
    ...reports.map((r) => ({ name: r.municipality.nameLv, submission: { kind: 'report' as const, year: r.period.year } })),
  ];
  if (items.length === 0) return { sent: 0, submissions: 0 };
  const day = rigaIsoDay(now);
  return mutate({ actor: null, permission: 'system' }, async ({ audit, mail }) => {
    let sent = 0;
    for (const u of staff) {
      const list = items.map((i) => `• ${i.name}: ${whatOf(u.locale, i.submission)}`).join('\n');
      if (
        await mail((tx) =>
          enqueueMail(tx, {
            kind: 'staff.digest',
            to: { email: u.email, userId: u.id, locale: u.locale },
            dedupeKey: `staff.digest:${day}:${u.id}`,
            vars: { municipality: '', path: '/staff', count: String(items.length), list },
          }),
        )
      )
        sent += 1;
    }
    await audit({ action: 'mail.staff-digest', subjectType: 'OutboxMessage', after: { day, sent, submissions: items.length } });
    return { sent, submissions: items.length };
  });
}

/** The staff user's own choice of submission e-mail (staff only; audited). */
export async function setSubmissionMailMode({ actor, mode }: { actor: Actor | null; mode: SubmissionMailMode }): Promise<{ mode: SubmissionMailMode }> {
  return mutate({ actor, permission: 'staff.view' }, async ({ tx, actor: who, audit }) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: who.id }, select: { submissionMail: true } });
    await tx.user.update({ where: { id: who.id }, data: { submissionMail: mode } });
    await audit({
      action: 'user.submission-mail',
      subjectType: 'User',
      subjectId: who.id,
      before: { submissionMail: before.submissionMail },
      after: { submissionMail: mode },
    });
    return { mode };
  });
}

/** The staff user's current choice (EVENT when the account is not staff). */
export async function findSubmissionMailMode(userId: string): Promise<SubmissionMailMode> {
  const u = await db().user.findUnique({ where: { id: userId }, select: { submissionMail: true } });
  return (SUBMISSION_MAIL_MODES as readonly string[]).includes(u?.submissionMail ?? '') ? (u!.submissionMail as SubmissionMailMode) : 'EVENT';
}

import 'server-only';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { requirePermission, type Actor } from '@/lib/authz';
import { mutate } from '@/lib/mutations';
import { Prisma } from '@/lib/generated/prisma/client';
import type { TLegalNorm, TPeriod } from '@/lib/schemas/reporting';
import { utcDay } from '@/lib/dates';

import { SPECIALIST_NORM_KEY } from './norms';

/** Reporting periods of a term with their due dates (staff). */
export async function listPeriods({ actor, termSlug }: { actor: Actor | null; termSlug: string }) {
  requirePermission(actor, 'reporting.manage');
  return db().reportingPeriod.findMany({
    where: { term: { slug: termSlug } },
    orderBy: { year: 'asc' },
    select: { id: true, year: true, startsOn: true, endsOn: true, dueOn: true },
  });
}

/** Staff define a period of a term (a calendar year inside the term) or change its due date; audited. */
export async function upsertPeriod({ actor, termSlug, input }: { actor: Actor | null; termSlug: string; input: TPeriod }) {
  requirePermission(actor, 'reporting.manage');
  const term = await db().councilTerm.findUnique({ where: { slug: termSlug }, select: { id: true, startsOn: true, endsOn: true } });
  if (!term) throw new AppError('NOT_FOUND');
  if (input.year < term.startsOn.getUTCFullYear() || input.year > term.endsOn.getUTCFullYear()) {
    throw new AppError('UNPROCESSABLE', 'errors.formInvalid', { fieldErrors: { year: ['reporting.yearOutsideTerm'] } });
  }
  const startsOn = new Date(Math.max(utcDay(`${input.year}-01-01`).getTime(), term.startsOn.getTime()));
  const endsOn = new Date(Math.min(utcDay(`${input.year}-12-31`).getTime(), term.endsOn.getTime()));
  if (utcDay(input.dueOn) < endsOn) throw new AppError('UNPROCESSABLE', 'errors.formInvalid', { fieldErrors: { dueOn: ['reporting.dueBeforeEnd'] } });
  return mutate({ actor, permission: 'reporting.manage' }, async ({ tx, audit, invalidate }) => {
    const before = await tx.reportingPeriod.findUnique({ where: { termId_year: { termId: term.id, year: input.year } }, select: { dueOn: true } });
    const period = await tx.reportingPeriod.upsert({
      where: { termId_year: { termId: term.id, year: input.year } },
      create: { termId: term.id, year: input.year, startsOn, endsOn, dueOn: utcDay(input.dueOn) },
      update: { dueOn: utcDay(input.dueOn) },
      select: { id: true, year: true, dueOn: true },
    });
    invalidate('public');
    await audit({
      action: 'reporting.period',
      subjectType: 'ReportingPeriod',
      subjectId: period.id,
      before: before ? { dueOn: before.dueOn.toISOString().slice(0, 10) } : null,
      after: { year: input.year, dueOn: input.dueOn },
    });
    return period;
  });
}

/** The recorded versions of the social work specialist norm (dated data with citations). */
export async function listNorms() {
  return db().legalNorm.findMany({
    where: { key: SPECIALIST_NORM_KEY },
    orderBy: { validFrom: 'desc' },
    select: { id: true, validFrom: true, validTo: true, value: true, unit: true, citation: true, sourceUrl: true },
  });
}

/** Staff record the legal minimum in force from a date, with its citation; the previous version ends the day before. Audited. */
export async function recordNorm({ actor, input }: { actor: Actor | null; input: TLegalNorm }) {
  const from = utcDay(input.validFrom);
  return mutate({ actor, permission: 'reporting.manage' }, async ({ tx, audit, invalidate }) => {
    const previous = await tx.legalNorm.findFirst({
      where: { key: SPECIALIST_NORM_KEY, validFrom: { lt: from }, validTo: null },
      orderBy: { validFrom: 'desc' },
      select: { id: true },
    });
    if (previous) await tx.legalNorm.update({ where: { id: previous.id }, data: { validTo: new Date(from.getTime() - 86_400_000) } });
    const norm = await tx.legalNorm.upsert({
      where: { key_validFrom: { key: SPECIALIST_NORM_KEY, validFrom: from } },
      create: {
        key: SPECIALIST_NORM_KEY,
        validFrom: from,
        value: new Prisma.Decimal(input.value),
        unit: 'FTE per 1 000 residents',
        citation: input.citation,
        sourceUrl: input.sourceUrl,
      },
      update: { value: new Prisma.Decimal(input.value), citation: input.citation, sourceUrl: input.sourceUrl },
      select: { id: true },
    });
    invalidate('public');
    await audit({ action: 'reporting.norm', subjectType: 'LegalNorm', subjectId: norm.id, after: { ...input } });
    return norm;
  });
}

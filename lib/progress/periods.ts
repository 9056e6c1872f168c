import type { Db, Tx } from '@/lib/db/client';
import { utcDay } from '@/lib/dates';

/**
 * Default reporting periods of a term: each calendar year it touches, due
 * 31 March of the following year. Idempotent.
 */
export async function ensureDefaultPeriods(db: Db | Tx, termSlug: string): Promise<void> {
  const term = await db.councilTerm.findUnique({ where: { slug: termSlug }, select: { id: true, startsOn: true, endsOn: true } });
  if (!term) throw new Error(`no council term ${termSlug}`);
  for (let year = term.startsOn.getUTCFullYear(); year <= term.endsOn.getUTCFullYear(); year += 1) {
    const startsOn = new Date(Math.max(utcDay(`${year}-01-01`).getTime(), term.startsOn.getTime()));
    const endsOn = new Date(Math.min(utcDay(`${year}-12-31`).getTime(), term.endsOn.getTime()));
    await db.reportingPeriod.upsert({
      where: { termId_year: { termId: term.id, year } },
      create: { termId: term.id, year, startsOn, endsOn, dueOn: utcDay(`${year + 1}-03-31`) },
      update: {},
    });
  }
}

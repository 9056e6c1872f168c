import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { seedReference } from '@/lib/seed/reference';
import { findCurrentTerm, listTerms, findMunicipalityPublic, termMunicipalityWhere } from '@/lib/municipalities/queries';
import { findMemorandum } from '@/lib/memorandum/queries';
import { resetDatabase } from './db-utils';

describe('reference seed', () => {
  beforeAll(resetDatabase);

  it('is idempotent', async () => {
    const count = async () => ({
      m: await db().municipality.count(),
      c: await db().commitment.count(),
      t: await db().councilTerm.count(),
      a: await db().accession.count(),
      e: await db().accessionEvent.count(),
    });
    const before = await count();
    await seedReference(db());
    expect(await count()).toEqual(before);
    // No history event for the sourced accessions: the seed run is not an event (their page shows the session and the publication).
    expect(before).toEqual({ m: 43, c: 3, t: 2, a: 2, e: 0 });
    const sourced = await db().accession.findMany({
      select: { verifiedAt: true, citation: { select: { key: true, title: true, publisher: true, language: true } } },
    });
    expect(sourced.map((a) => a.citation?.key).sort()).toEqual(['jekabpils-news-2021', 'liepaja-2021-271-9']);
    expect(sourced.every((a) => a.verifiedAt === null && a.citation!.language === 'lv')).toBe(true);
    const terms = await db().councilTerm.findMany({ orderBy: { startsOn: 'asc' }, select: { electionDay: true, citation: { select: { url: true } } } });
    expect(terms.map((t) => [t.electionDay?.toISOString().slice(0, 10), Boolean(t.citation?.url)])).toEqual([
      ['2021-06-05', true],
      ['2025-06-07', true],
    ]);
  });

  it('gives 43 municipalities in 2021–2025 and 42 in 2025–2029 (Varakļānu merged into Madonas)', async () => {
    const [t1, t2] = await listTerms();
    const ofTerm = (t: NonNullable<typeof t1>) => db().municipality.findMany({ where: termMunicipalityWhere(t), select: { slug: true } });
    expect((await ofTerm(t1!)).length).toBe(43);
    const second = await ofTerm(t2!);
    expect(second.length).toBe(42);
    expect(second.some((m) => m.slug === 'varaklanu-novads')).toBe(false);
    const varaklani = await findMunicipalityPublic('varaklanu-novads');
    expect(varaklani?.successor?.slug).toBe('madonas-novads');
  });

  it('records the two sourced accessions with their facts; nothing invented', async () => {
    const term = await findCurrentTerm();
    expect(term?.slug).toBe('2021-2025');
    const liepaja = await findMunicipalityPublic('liepaja');
    const a = liepaja!.accessions[0]!;
    expect(a).toMatchObject({ status: 'VERIFIED', decisionNumber: '271/9', sessionYearInferred: false, sessionType: 'UNSTATED' });
    expect(a.sessionDate?.toISOString().slice(0, 10)).toBe('2021-07-22');
    expect(a.source).toMatch(/271\/9/);
    const jekabpils = await findMunicipalityPublic('jekabpils-novads');
    const b = jekabpils!.accessions[0]!;
    expect(b).toMatchObject({
      status: 'VERIFIED',
      decisionNumber: null,
      sessionType: 'EXTRAORDINARY',
      sessionYearInferred: true,
      signatoryName: 'Aivars Vanags',
    });
    expect(b.sessionDate?.toISOString().slice(0, 10)).toBe('2021-06-15');
    expect(b.sourceNote).toContain('without a year');
    expect(b.sourceNote).not.toMatch(/Show it as/);
    // Population, ATVK and official area have no cited source: they stay empty.
    expect(await db().municipality.count({ where: { OR: [{ population: { not: null } }, { atvkCode: { not: null } }, { areaKm2: { not: null } }] } })).toBe(0);
  });

  it('has the memorandum in both languages with the three commitments in order', async () => {
    const memo = await findMemorandum();
    expect(memo?.commitments.map((c) => c.key)).toEqual(['resources', 'staff', 'cooperation']);
    expect(memo?.textLv).toContain('Parakstot šo memorandumu');
    expect(memo?.textEn).toContain('By signing this memorandum');
    expect(memo?.issuers).toHaveLength(2);
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { freezeClockForTests } from '@/lib/clock';
import { importAtvkClassifier, importPopulationTable } from '@/lib/official-data/import';
import { findMunicipalityPublic } from '@/lib/municipalities/queries';
import { listOpenMunicipalities } from '@/lib/opendata/queries';
import { actorOf, createUser, resetDatabase } from './db-utils';

/**
 * Deliver 6 of issue 12: staff import the CSB population table and the ATVK
 * classifier; a file with an unknown or a missing unit changes nothing.
 * The fixtures are hand-written in the official layouts (their README says
 * where each layout was confirmed; the numbers and codes are invented).
 */
const FIXTURES = path.join(__dirname, '..', 'fixtures', 'official-data');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
const IRS051 = {
  fileName: 'IRS051_20261203-101500.csv',
  tableCode: 'IRS051',
  retrievedOn: '2026-12-03',
  url: 'https://data.stat.gov.lv/pxweb/lv/OSP_PUB/START__POP__IR__IRS/IRS051/',
};
const ATVK = { fileName: 'atu_nuts_codes.csv', tableCode: 'ATVK', retrievedOn: '2026-12-03', url: 'https://data.gov.lv/dati/lv/dataset/atvk' };

async function staff() {
  return actorOf(await createUser({ role: 'STAFF' }));
}

/** Everything an import could touch, to show a refused file changed nothing. */
async function snapshot() {
  const [figures, citations, audits, municipalities] = await Promise.all([
    db().populationFigure.count(),
    db().citation.count(),
    db().auditEvent.count(),
    db().municipality.findMany({
      select: { slug: true, population: true, populationYear: true, populationSource: true, atvkCode: true },
      orderBy: { slug: 'asc' },
    }),
  ]);
  return { figures, citations, audits, municipalities };
}

/** The refusal's messages (fieldErrors.file), as encoded keys with their parameters. */
async function refusal(promise: Promise<unknown>): Promise<string[]> {
  const error = (await promise.then(
    () => null,
    (e: unknown) => e,
  )) as { code?: string; fieldErrors?: Record<string, string[]> } | null;
  expect(error?.code).toBe('UNPROCESSABLE');
  return (error?.fieldErrors?.file ?? []).map((m) => decodeURIComponent(m.replace(/\+/g, ' ')));
}

describe('population and codes from the official tables', () => {
  beforeEach(async () => {
    await resetDatabase();
    freezeClockForTests('2026-12-03');
  });

  it('imports a good population table: every unit of each year, cited, with Madonas novads by its dated labels', async () => {
    const before = await findMunicipalityPublic('riga');
    expect(before!.population).toBeNull();
    const result = await importPopulationTable({ actor: await staff(), text: fixture('IRS051_20261203-101500.csv'), source: IRS051 });
    // 43 units existed in 2025 (Varakļānu novads until 30 June), 42 in 2026.
    expect(result).toMatchObject({ tableCode: 'IRS051', years: [2025, 2026], figures: 85 });
    const figure = async (slug: string, year: number) =>
      await db().populationFigure.findFirst({ where: { municipality: { slug }, year }, select: { value: true, citationId: true } });
    expect(await figure('riga', 2026)).toEqual({ value: 10551, citationId: result.citationId });
    // On 1 January 2025 Madonas novads was the unit before the merger: the unqualified label; from 2026 the one "(no 01.07.2025.)".
    expect((await figure('madonas-novads', 2025))!.value).toBe(10251);
    expect((await figure('madonas-novads', 2026))!.value).toBe(21162);
    expect((await figure('varaklanu-novads', 2025))!.value).toBe(10411);
    expect(await figure('varaklanu-novads', 2026)).toBeNull();
    // Sub-units, totals and regions are not municipalities.
    expect(await db().populationFigure.count({ where: { value: { in: [5001, 801, 900000, 1000, 2000, 12] } } })).toBe(0);

    const citation = await db().citation.findUniqueOrThrow({ where: { id: result.citationId } });
    expect(citation).toMatchObject({ publisher: 'Centrālā statistikas pārvalde', url: IRS051.url, language: 'lv' });
    expect(citation.title).toContain('(IRS051)');
    expect(citation.retrievedOn!.toISOString().slice(0, 10)).toBe('2026-12-03');
    expect(citation.note).toContain('2025, 2026');
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: 'officialData.population' } });
    expect(audit).toMatchObject({ subjectType: 'Citation', subjectId: result.citationId, actorRole: 'STAFF' });

    const riga = await findMunicipalityPublic('riga');
    expect(riga).toMatchObject({ population: 10551, populationYear: 2026 });
    expect(riga!.populationCitation).toMatchObject({ url: IRS051.url, publisher: 'Centrālā statistikas pārvalde', retrievedOn: '2026-12-03' });
    const open = await listOpenMunicipalities({ term: '2025-2029' });
    expect(open.rows.find((r) => r.item.slug === 'riga')!.item).toMatchObject({
      population: 10551,
      population_year: 2026,
      population_source: 'CSP IRS051 (2026)',
    });

    // Importing the same file again changes nothing but the audit trail.
    const again = await importPopulationTable({ actor: await staff(), text: fixture('IRS051_20261203-101500.csv'), source: IRS051 });
    expect(again.citationId).toBe(result.citationId);
    expect(await db().populationFigure.count()).toBe(85);
  });

  it('refuses a population table with a unit the registry does not know, naming it, and changes nothing', async () => {
    const before = await snapshot();
    const messages = await refusal(importPopulationTable({ actor: await staff(), text: fixture('IRS051-unknown-unit.csv'), source: IRS051 }));
    expect(messages).toEqual([expect.stringMatching(/^officialData\.unknownUnits\|count=1&names=Jaunpils novads$/)]);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a population table that lacks a registry unit, naming it for each year, and changes nothing', async () => {
    const before = await snapshot();
    const messages = await refusal(importPopulationTable({ actor: await staff(), text: fixture('IRS051-missing-unit.csv'), source: IRS051 }));
    expect(messages).toEqual([
      'officialData.missingUnits|year=2025&count=1&names=Ventspils novads',
      'officialData.missingUnits|year=2026&count=1&names=Ventspils novads',
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a name without its diacritics, an English export and a secretary, changing nothing', async () => {
    const before = await snapshot();
    const plain = fixture('IRS051_20261203-101500.csv').replace('"Rēzeknes novads"', '"Rezeknes novads"');
    const messages = await refusal(importPopulationTable({ actor: await staff(), text: plain, source: IRS051 }));
    expect(messages).toContain('officialData.unknownUnits|count=1&names=Rezeknes novads');
    expect(messages).toContain('officialData.missingUnits|year=2025&count=1&names=Rēzeknes novads');
    expect(await refusal(importPopulationTable({ actor: await staff(), text: fixture('IRS051-english.csv'), source: IRS051 }))).toEqual([
      'officialData.notLatvian',
    ]);
    const secretary = actorOf(await createUser({ role: 'SECRETARY', municipalitySlug: 'riga' }));
    await expect(importPopulationTable({ actor: secretary, text: fixture('IRS051_20261203-101500.csv'), source: IRS051 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await snapshot()).toEqual(before);
  });

  it('imports the ATVK classifier: every unit gets its code, cited; a merged unit its newest version', async () => {
    const result = await importAtvkClassifier({ actor: await staff(), text: fixture('atu_nuts_codes.csv'), source: ATVK });
    expect(result.codes).toBe(43);
    const code = async (slug: string) => await db().municipality.findUniqueOrThrow({ where: { slug }, select: { atvkCode: true, atvkCitationId: true } });
    expect(await code('madonas-novads')).toEqual({ atvkCode: '9400251', atvkCitationId: result.citationId });
    expect((await code('varaklanu-novads')).atvkCode).toBe('9400411');
    expect(await db().auditEvent.count({ where: { action: 'officialData.atvk' } })).toBe(1);
    expect((await findMunicipalityPublic('riga'))!.atvkCitation).toMatchObject({ url: ATVK.url, retrievedOn: '2026-12-03' });
  });

  it('refuses an ATVK file with an unknown unit in force or without a registry unit, naming them, and changes nothing', async () => {
    const before = await snapshot();
    expect(await refusal(importAtvkClassifier({ actor: await staff(), text: fixture('atu_nuts_codes-unknown-unit.csv'), source: ATVK }))).toEqual([
      'officialData.unknownUnits|count=1&names=Jaunā novads (9499991)',
    ]);
    expect(await refusal(importAtvkClassifier({ actor: await staff(), text: fixture('atu_nuts_codes-missing-unit.csv'), source: ATVK }))).toEqual([
      'officialData.missingAtvk|count=1&names=Ventspils novads',
    ]);
    expect(await snapshot()).toEqual(before);
  });
});

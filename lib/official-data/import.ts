import 'server-only';
import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { db, type Tx } from '@/lib/db/client';
import { mutate } from '@/lib/mutations';
import { AppError } from '@/lib/errors';
import { requirePermission, type Actor } from '@/lib/authz';
import { rigaIsoDay, utcDay } from '@/lib/dates';
import { now as clockNow } from '@/lib/clock';
import { MAX_OFFICIAL_TABLE_BYTES, type TOfficialSource } from '@/lib/schemas/official-data';
import type { ReceivedFile } from '@/lib/storage';
import { matchPopulation, parsePopulationCsv, TableRefused, type Problem, type RegistryUnit } from './pxweb';
import { matchAtvk, parseAtvkCsv } from './atvk';

export const CSP_PUBLISHER = 'Centrālā statistikas pārvalde';

/** The refusal as the portal's 422: every problem (unknown and missing units by name) a message under `file`. */
function refuse(problems: Problem[]): never {
  throw new AppError('UNPROCESSABLE', 'officialData.refused', {
    fieldErrors: { file: problems.map((p) => (p.params ? `${p.key}|${new URLSearchParams(p.params).toString()}` : p.key)) },
  });
}

/** Runs a parser or matcher, turning its TableRefused into the 422. */
function orRefuse<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof TableRefused) refuse(error.problems);
    throw error;
  }
}

async function registryUnits(tx: Tx): Promise<RegistryUnit[]> {
  const rows = await tx.municipality.findMany({ select: { id: true, nameLv: true, validFrom: true, validTo: true }, orderBy: { nameLv: 'asc' } });
  return rows.map((r) => ({
    id: r.id,
    nameLv: r.nameLv,
    validFrom: r.validFrom.toISOString().slice(0, 10),
    validTo: r.validTo?.toISOString().slice(0, 10) ?? null,
  }));
}

async function upsertCitation(tx: Tx, key: string, data: { title: string; url: string; retrievedOn: string; note: string }) {
  const fields = { title: data.title, publisher: CSP_PUBLISHER, url: data.url, language: 'lv', retrievedOn: utcDay(data.retrievedOn), note: data.note };
  return tx.citation.upsert({ where: { key }, create: { key, ...fields }, update: fields, select: { id: true } });
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export type PopulationImportResult = { citationId: string; tableCode: string; years: number[]; figures: number };

/**
 * Imports a population table exported from data.stat.gov.lv (PxWeb CSV,
 * Latvian): every registry unit that existed in each year of the table gets
 * its figure for that year, cited (table code, year, address, retrieval
 * date). All or nothing: a file with an unknown or a missing unit, or in
 * another layout, is refused with the units named and changes nothing.
 * One change through the mutation pipeline (lib/mutations): its audit event and the public caches' invalidation.
 */
export async function importPopulationTable({
  actor,
  text,
  source,
}: {
  actor: Actor | null;
  text: string;
  source: TOfficialSource;
}): Promise<PopulationImportResult> {
  requirePermission(actor, 'officialData.import');
  const table = orRefuse(() => parsePopulationCsv(text));
  return mutate({ actor, permission: 'officialData.import', timeout: 60_000 }, async (change) => {
    const { tx } = change;
    const units = await registryUnits(tx);
    const matches = orRefuse(() => matchPopulation(table, units));
    const years = table.years;
    const key = `csp-${source.tableCode}-${years.join('-')}-${source.retrievedOn}`.toLowerCase();
    const title = `${table.title ?? source.tableCode} (${source.tableCode})`;
    const citation = await upsertCitation(tx, key, {
      title,
      url: source.url,
      retrievedOn: source.retrievedOn,
      note: `Imported from ${source.fileName} (sha256 ${sha256(text)}); years ${years.join(', ')}.`,
    });
    for (const m of matches) {
      const label = `CSP ${source.tableCode}, ${m.year}: ${source.url} (${source.retrievedOn})`;
      await tx.populationFigure.upsert({
        where: { municipalityId_year: { municipalityId: m.unitId, year: m.year } },
        create: { municipalityId: m.unitId, year: m.year, value: m.value, source: label, citationId: citation.id },
        update: { value: m.value, source: label, citationId: citation.id },
      });
    }
    // The unit's headline figure: the latest year of the file, unless a later year was imported before.
    const latest = new Map<string, (typeof matches)[number]>();
    for (const m of matches) if ((latest.get(m.unitId)?.year ?? -1) < m.year) latest.set(m.unitId, m);
    for (const m of latest.values()) {
      await tx.municipality.updateMany({
        where: { id: m.unitId, OR: [{ populationYear: null }, { populationYear: { lte: m.year } }] },
        data: { population: m.value, populationYear: m.year, populationSource: `CSP ${source.tableCode} (${m.year})`, populationCitationId: citation.id },
      });
    }
    change.invalidate('public');
    await change.audit({
      action: 'officialData.population',
      subjectType: 'Citation',
      subjectId: citation.id,
      after: { tableCode: source.tableCode, years, figures: matches.length, url: source.url, retrievedOn: source.retrievedOn, fileName: source.fileName },
    });
    return { citationId: citation.id, tableCode: source.tableCode, years, figures: matches.length };
  });
}

export type AtvkImportResult = { citationId: string; codes: number };

/**
 * Imports the ATVK classifier (data.gov.lv dataset `atvk`, CSV): every
 * registry unit gets its seven-digit code, cited. All or nothing: a unit of
 * the registry without a code, a unit in force that the registry does not
 * know, or another layout is refused with the units named, changing
 * nothing. One change through the mutation pipeline, with its audit event and cache invalidation.
 */
export async function importAtvkClassifier({ actor, text, source }: { actor: Actor | null; text: string; source: TOfficialSource }): Promise<AtvkImportResult> {
  requirePermission(actor, 'officialData.import');
  const entries = orRefuse(() => parseAtvkCsv(text));
  return mutate({ actor, permission: 'officialData.import', timeout: 60_000 }, async (change) => {
    const { tx } = change;
    const units = await registryUnits(tx);
    const matches = orRefuse(() => matchAtvk(entries, units, rigaIsoDay(clockNow())));
    const citation = await upsertCitation(tx, `atvk-${source.tableCode}-${source.retrievedOn}`.toLowerCase(), {
      title: `Administratīvo teritoriju un teritoriālo vienību klasifikators (ATVK), ${source.tableCode}`,
      url: source.url,
      retrievedOn: source.retrievedOn,
      note: `Imported from ${source.fileName} (sha256 ${sha256(text)}).`,
    });
    // Note: codes are unique; clear them first so that a code moving between units in a newer file cannot collide.
    await tx.municipality.updateMany({ where: { id: { in: matches.map((m) => m.unitId) } }, data: { atvkCode: null } });
    for (const m of matches) await tx.municipality.update({ where: { id: m.unitId }, data: { atvkCode: m.code, atvkCitationId: citation.id } });
    change.invalidate('public');
    await change.audit({
      action: 'officialData.atvk',
      subjectType: 'Citation',
      subjectId: citation.id,
      after: { codes: matches.length, url: source.url, retrievedOn: source.retrievedOn, fileName: source.fileName },
    });
    return { citationId: citation.id, codes: matches.length };
  });
}

/** The text of an uploaded table (UTF-8), read from its temporary file, which is removed; a file over the limit is a 413. */
export async function readUploadedTable(file: ReceivedFile): Promise<string> {
  try {
    if (file.size > MAX_OFFICIAL_TABLE_BYTES) throw new AppError('TOO_LARGE', 'upload.too_large');
    if (file.size === 0) throw new AppError('UNPROCESSABLE', 'upload.empty');
    return (await readFile(file.tempPath)).toString('utf8');
  } finally {
    await rm(file.tempPath, { force: true });
  }
}

/** What the registry holds from the official tables now (staff): how many current units have a figure and a code, and the imported sources. */
export async function officialDataState({ actor }: { actor: Actor | null }) {
  requirePermission(actor, 'officialData.import');
  const today = utcDay(rigaIsoDay(clockNow()));
  const current = { validFrom: { lte: today }, OR: [{ validTo: null }, { validTo: { gte: today } }] };
  const [total, population, atvk, sources] = await Promise.all([
    db().municipality.count({ where: current }),
    db().municipality.count({ where: { ...current, population: { not: null } } }),
    db().municipality.count({ where: { ...current, atvkCode: { not: null } } }),
    db().citation.findMany({
      where: { OR: [{ populationOf: { some: {} } }, { atvkOf: { some: {} } }, { populationFigures: { some: {} } }] },
      orderBy: { createdAt: 'desc' },
      take: 20,
      select: { id: true, title: true, url: true, retrievedOn: true, language: true },
    }),
  ]);
  return { total, population, atvk, sources };
}

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { ensureDefaultPeriods } from '@/lib/progress/periods';
import { utcDay } from '@/lib/dates';

/**
 * Reference data from prisma/data (copied from the project's shared data,
 * provenance in prisma/data/README.md). Idempotent: running it again updates
 * the same rows and never duplicates or invents anything.
 */
const DATA_DIR = path.resolve(process.cwd(), 'prisma/data');

type MunicipalityRecord = {
  slug: string; name_lv: string; official_name_lv: string; type: 'state_city' | 'municipality'; iso_3166_2: string;
  atvk: string | null; population: number | null; population_year: number | null; population_source: string | null;
  area_km2_official: number | null; area_km2_from_geometry: number | null; status_note: string | null;
};
type Feature = { properties: { slug: string }; geometry: Prisma.InputJsonValue };
type SeedRecords = {
  memorandum: {
    title_lv: string; title_en: string; text_source: string;
    issuers: { name_lv: string; name_en: string; signed_by: string; role_lv: string; role_en: string }[];
    commitments: { key: string; short_lv: string; short_en: string; text_lv: string; text_en: string }[];
  };
  accessions: {
    municipality_lv: string; body_lv: string; decision_date: string; date_note?: string; decision_number: string | null;
    session_type: string; signed_by?: string; signatory_role_lv?: string; note?: string; source: string;
  }[];
};

async function readJson<T>(name: string): Promise<T> {
  return JSON.parse(await readFile(path.join(DATA_DIR, name), 'utf8')) as T;
}

/** The 2021 reform took effect on 1 July 2021; term boundaries use 1 July. */
export const TERMS = [
  { slug: '2021-2025', startYear: 2021, endYear: 2025, startsOn: '2021-07-01', endsOn: '2025-06-30', opened: true },
  { slug: '2025-2029', startYear: 2025, endYear: 2029, startsOn: '2025-07-01', endsOn: '2029-06-30', opened: false },
] as const;
const TERM_NOTE = 'Term boundaries are set at 1 July (the date the 2021 administrative-territorial reform took effect); councils take office after the June local elections.';
const REFORM_DATE = '2021-07-01';
/** Varakļānu novads was merged into Madonas novads after the 2025 local elections. */
const MERGERS: Record<string, { into: string; validTo: string }> = {
  'varaklanu-novads': { into: 'madonas-novads', validTo: '2025-06-30' },
};


async function seedMunicipalities(db: Db): Promise<void> {
  const { items } = await readJson<{ items: MunicipalityRecord[] }>('municipalities.json');
  const geo = await readJson<{ features: Feature[] }>('municipalities.geojson');
  const boundaries = new Map(geo.features.map((f) => [f.properties.slug, f.geometry]));
  for (const m of items) {
    const data = {
      atvkCode: m.atvk,
      iso3166_2: m.iso_3166_2,
      nameLv: m.name_lv,
      officialNameLv: m.official_name_lv,
      type: m.type === 'state_city' ? ('STATE_CITY' as const) : ('MUNICIPALITY' as const),
      population: m.population,
      populationYear: m.population_year,
      populationSource: m.population_source,
      areaKm2: m.area_km2_official,
      areaKm2Geometry: m.area_km2_from_geometry,
      boundary: boundaries.get(m.slug),
      validFrom: utcDay(REFORM_DATE),
      validTo: MERGERS[m.slug] ? utcDay(MERGERS[m.slug]!.validTo) : null,
      statusNote: m.status_note,
    };
    await db.municipality.upsert({ where: { slug: m.slug }, create: { slug: m.slug, ...data }, update: data });
  }
  for (const [slug, merger] of Object.entries(MERGERS)) {
    const successor = await db.municipality.findUnique({ where: { slug: merger.into }, select: { id: true } });
    if (successor) await db.municipality.update({ where: { slug }, data: { successorId: successor.id } });
  }
}

async function seedMemorandum(db: Db, records: SeedRecords): Promise<void> {
  const [textLv, textEn] = await Promise.all([
    readFile(path.join(DATA_DIR, 'memorandum.lv.md'), 'utf8'),
    readFile(path.join(DATA_DIR, 'memorandum.en.md'), 'utf8'),
  ]);
  const m = records.memorandum;
  const data = {
    titleLv: m.title_lv,
    titleEn: m.title_en,
    textLv,
    textEn,
    sourceNote: m.text_source,
    issuers: m.issuers.map((i) => ({ nameLv: i.name_lv, nameEn: i.name_en, signedBy: i.signed_by, roleLv: i.role_lv, roleEn: i.role_en })),
  };
  const memo = await db.memorandum.upsert({ where: { version: 1 }, create: { version: 1, ...data }, update: data });
  for (const [index, c] of m.commitments.entries()) {
    const cData = { position: index + 1, shortLv: c.short_lv, shortEn: c.short_en, textLv: c.text_lv, textEn: c.text_en };
    await db.commitment.upsert({
      where: { memorandumId_key: { memorandumId: memo.id, key: c.key } },
      create: { memorandumId: memo.id, key: c.key, ...cData },
      update: cData,
    });
  }
}

async function seedTerms(db: Db): Promise<void> {
  for (const t of TERMS) {
    const data = { startYear: t.startYear, endYear: t.endYear, startsOn: utcDay(t.startsOn), endsOn: utcDay(t.endsOn), note: TERM_NOTE };
    const existing = await db.councilTerm.findUnique({ where: { slug: t.slug }, select: { id: true } });
    if (existing) await db.councilTerm.update({ where: { slug: t.slug }, data });
    else await db.councilTerm.create({ data: { slug: t.slug, ...data, openedAt: t.opened ? utcDay(t.startsOn) : null } });
  }
}

function slugOf(nameLv: string): string {
  return nameLv.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

async function seedAccessions(db: Db, records: SeedRecords): Promise<void> {
  const term = await db.councilTerm.findUniqueOrThrow({ where: { slug: '2021-2025' }, select: { id: true } });
  for (const a of records.accessions) {
    const municipality = await db.municipality.findUniqueOrThrow({ where: { slug: slugOf(a.municipality_lv) }, select: { id: true } });
    const data = {
      status: 'VERIFIED' as const,
      councilBody: a.body_lv,
      sessionDate: utcDay(a.decision_date),
      sessionYearInferred: Boolean(a.date_note),
      sessionType: a.session_type === 'extraordinary' ? ('EXTRAORDINARY' as const) : a.session_type === 'regular' ? ('REGULAR' as const) : ('UNSTATED' as const),
      decisionNumber: a.decision_number,
      signatoryName: a.signed_by ?? null,
      signatoryRole: a.signatory_role_lv ?? null,
      source: a.source,
      // The records' notes also carry instructions to us ("Show it as …"); only the facts are shown.
      sourceNote: [a.note, a.date_note].filter(Boolean).join(' ').replace(/\s*Show it as stated[^.]*\./g, '').trim() || null,
    };
    const key = { municipalityId_termId: { municipalityId: municipality.id, termId: term.id } };
    const existing = await db.accession.findUnique({ where: key, select: { id: true } });
    if (existing) {
      await db.accession.update({ where: key, data });
    } else {
      await db.accession.create({
        data: {
          municipalityId: municipality.id, termId: term.id, ...data,
          events: { create: [{ type: 'VERIFIED', reason: `Recorded from the source document: ${a.source}` }] },
        },
      });
    }
  }
}

/** Seeds all reference data; safe to run on every start. */
export async function seedReference(db: Db): Promise<void> {
  const records = await readJson<SeedRecords>('seed-records.json');
  await seedMunicipalities(db);
  await seedMemorandum(db, records);
  await seedTerms(db);
  await seedAccessions(db, records);
  for (const t of TERMS) await ensureDefaultPeriods(db, t.slug);
}

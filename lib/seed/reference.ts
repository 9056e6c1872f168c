import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { ensureDefaultPeriods } from '@/lib/progress/periods';
import { utcDay } from '@/lib/dates';
import { featuresAsOf, geometryAreaKm2, readMunicipalityFeatures } from './boundaries';
import { commitmentSentences } from '@/lib/memorandum/text';
import { createAccession } from './factories';

/**
 * Reference data from prisma/data (copied from the project's shared data,
 * provenance in prisma/data/README.md). Idempotent: running it again updates
 * the same rows and never duplicates or invents anything.
 */
const DATA_DIR = path.resolve(process.cwd(), 'prisma/data');

type MunicipalityRecord = {
  slug: string;
  name_lv: string;
  official_name_lv: string;
  type: 'state_city' | 'municipality';
  iso_3166_2: string;
  atvk: string | null;
  population: number | null;
  population_year: number | null;
  population_source: string | null;
  area_km2_official: number | null;
  area_km2_from_geometry: number | null;
  status_note: string | null;
};
type Feature = { properties: { slug: string }; geometry: Prisma.InputJsonValue };
type SeedRecords = {
  memorandum: {
    title_lv: string;
    title_en: string;
    text_source: string;
    issuers: { name_lv: string; name_en: string; signed_by: string; role_lv: string; role_en: string }[];
    commitments: { key: string; short_lv: string; short_en: string }[];
  };
  accessions: {
    municipality_lv: string;
    body_lv: string;
    decision_date: string;
    date_note?: string;
    decision_number: string | null;
    session_type: string;
    signed_by?: string;
    signatory_role_lv?: string;
    note?: string;
    source: string;
    citation: string;
  }[];
};

async function readJson<T>(name: string): Promise<T> {
  return JSON.parse(await readFile(path.join(DATA_DIR, name), 'utf8')) as T;
}

type CitationRecord = {
  key: string;
  title: string;
  publisher: string;
  published_on: string | null;
  url: string | null;
  document_ref?: string | null;
  language: 'lv' | 'en';
  retrieved_on: string | null;
  note: string | null;
};
type TermRecord = {
  slug: string;
  start_year: number;
  end_year: number;
  election_day: string | null;
  starts_on: string;
  ends_on: string;
  citation: string | null;
  reporting_set_up: boolean;
  note: string;
};
type TermsFile = { citations: CitationRecord[]; terms: TermRecord[]; mergers: { from: string; into: string; valid_to: string; citation: string }[] };

/** Council terms as data with their sources (prisma/data/terms.json): the current term follows the calendar (lib/terms/calendar). */
export async function loadTermRecords(): Promise<TermsFile> {
  return readJson<TermsFile>('terms.json');
}
const REFORM_DATE = '2021-07-01';

async function seedCitations(db: Db, file: TermsFile): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const c of file.citations) {
    const data = {
      title: c.title,
      publisher: c.publisher,
      publishedOn: c.published_on ? utcDay(c.published_on) : null,
      url: c.url,
      documentRef: c.document_ref ?? null,
      language: c.language,
      retrievedOn: c.retrieved_on ? utcDay(c.retrieved_on) : null,
      note: c.note,
    };
    const row = await db.citation.upsert({ where: { key: c.key }, create: { key: c.key, ...data }, update: data, select: { id: true } });
    ids.set(c.key, row.id);
  }
  return ids;
}

/** Mergers as data (prisma/data/terms.json): Varakļānu novads into Madonas novads after the 2025 local elections. */
function mergersOf(file: TermsFile): Record<string, { into: string; validTo: string; citation: string }> {
  return Object.fromEntries(file.mergers.map((m) => [m.from, { into: m.into, validTo: m.valid_to, citation: m.citation }]));
}

async function seedMunicipalities(db: Db, file: TermsFile): Promise<void> {
  const MERGERS = mergersOf(file);
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
    const citation = await db.citation.findUnique({ where: { key: merger.citation }, select: { id: true } });
    if (successor) await db.municipality.update({ where: { slug }, data: { successorId: successor.id, changeCitationId: citation?.id ?? null } });
  }
}

async function seedMemorandum(db: Db, records: SeedRecords): Promise<void> {
  const [textLv, textEn] = await Promise.all([
    readFile(path.join(DATA_DIR, 'memorandum.lv.md'), 'utf8'),
    readFile(path.join(DATA_DIR, 'memorandum.en.md'), 'utf8'),
  ]);
  const m = records.memorandum;
  // Each commitment's sentence is the text's list item at its position (lib/memorandum/text, ADR 0190): one per commitment.
  for (const [lang, text] of [
    ['lv', textLv],
    ['en', textEn],
  ] as const) {
    const listed = commitmentSentences(text).length;
    if (listed !== m.commitments.length) throw new Error(`memorandum.${lang}.md lists ${listed} commitments, seed-records.json has ${m.commitments.length}`);
  }
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
    const cData = { position: index + 1, shortLv: c.short_lv, shortEn: c.short_en };
    await db.commitment.upsert({
      where: { memorandumId_key: { memorandumId: memo.id, key: c.key } },
      create: { memorandumId: memo.id, key: c.key, ...cData },
      update: cData,
    });
  }
}

async function seedTerms(db: Db, file: TermsFile, citations: Map<string, string>): Promise<void> {
  for (const t of file.terms) {
    const data = {
      startYear: t.start_year,
      endYear: t.end_year,
      startsOn: utcDay(t.starts_on),
      endsOn: utcDay(t.ends_on),
      electionDay: t.election_day ? utcDay(t.election_day) : null,
      citationId: t.citation ? (citations.get(t.citation) ?? null) : null,
      note: t.note,
    };
    const existing = await db.councilTerm.findUnique({ where: { slug: t.slug }, select: { id: true } });
    if (existing) await db.councilTerm.update({ where: { slug: t.slug }, data });
    // Reporting for 2021–2025 was set up before this portal tracked it; its day is the term's start (a convention, not an event shown publicly).
    else await db.councilTerm.create({ data: { slug: t.slug, ...data, openedAt: t.reporting_set_up ? utcDay(t.starts_on) : null } });
  }
}

function slugOf(nameLv: string): string {
  return nameLv
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * The accessions stated in published sources. They are VERIFIED for the
 * portal's purposes (the municipality joined, reporting is owed) but not
 * verified by staff against a document: verifiedAt stays null and the
 * citation is set, which the public reads as "recorded from a published
 * source" (lib/accessions/provenance). Their history has no loading event:
 * the page shows the council session and the publication with their own dates.
 */
async function seedAccessions(db: Db, records: SeedRecords, citations: Map<string, string>): Promise<void> {
  const term = await db.councilTerm.findUniqueOrThrow({ where: { slug: '2021-2025' }, select: { id: true } });
  for (const a of records.accessions) {
    const municipality = await db.municipality.findUniqueOrThrow({ where: { slug: slugOf(a.municipality_lv) }, select: { id: true } });
    const data = {
      councilBody: a.body_lv,
      sessionDate: utcDay(a.decision_date),
      sessionYearInferred: Boolean(a.date_note),
      sessionType:
        a.session_type === 'extraordinary' ? ('EXTRAORDINARY' as const) : a.session_type === 'regular' ? ('REGULAR' as const) : ('UNSTATED' as const),
      decisionNumber: a.decision_number,
      signatoryName: a.signed_by ?? null,
      signatoryRole: a.signatory_role_lv ?? null,
      source: a.source,
      citationId: citations.get(a.citation) ?? null,
      // The records' notes also carry instructions to us ("Show it as …"); only the facts are shown.
      sourceNote:
        [a.note, a.date_note]
          .filter(Boolean)
          .join(' ')
          .replace(/\s*Show it as stated[^.]*\./g, '')
          .trim() || null,
    };
    const key = { municipalityId_termId: { municipalityId: municipality.id, termId: term.id } };
    const existing = await db.accession.findUnique({ where: key, select: { id: true } });
    // Every shown fact comes from the record (facts: 'none': no factory defaults).
    if (existing) await db.accession.update({ where: key, data: { status: 'VERIFIED', ...data } });
    else await createAccession(db, { municipalityId: municipality.id, termId: term.id, status: 'VERIFIED', facts: 'none', data });
  }
}

/** Seeds all reference data; safe to run on every start. */
export async function seedReference(db: Db): Promise<void> {
  const records = await readJson<SeedRecords>('seed-records.json');
  const terms = await loadTermRecords();
  const citations = await seedCitations(db, terms);
  await seedMunicipalities(db, terms);
  await seedMemorandum(db, records);
  await seedTerms(db, terms, citations);
  await seedAccessions(db, records, citations);
  for (const t of terms.terms) await ensureDefaultPeriods(db, t.slug);
  await seedTermBoundaries(db, terms);
}

/**
 * Each term's boundaries (MunicipalityBoundary), from the one geometry file
 * and the mergers: in a term that starts after a merger the successor gets
 * the union of both boundaries (lib/seed/boundaries, polyclip-ts). Recomputed
 * on every seed, so a corrected source file or merger updates every term.
 */
async function seedTermBoundaries(db: Db, file: TermsFile): Promise<void> {
  const features = readMunicipalityFeatures(path.join(DATA_DIR, 'municipalities.geojson'));
  const mergers = file.mergers.map((m) => ({ from: m.from, into: m.into, validTo: m.valid_to, citation: m.citation }));
  const ids = new Map((await db.municipality.findMany({ select: { id: true, slug: true } })).map((m) => [m.slug, m.id]));
  for (const t of file.terms) {
    const term = await db.councilTerm.findUniqueOrThrow({ where: { slug: t.slug }, select: { id: true } });
    for (const f of featuresAsOf(features, mergers, t.starts_on)) {
      const municipalityId = ids.get(f.properties.slug);
      if (!municipalityId) continue;
      const absorbed = mergers.filter((m) => m.into === f.properties.slug && m.validTo < t.starts_on).map((m) => m.from);
      const data = {
        geometry: f.geometry as unknown as Prisma.InputJsonValue,
        areaKm2: Math.round(geometryAreaKm2(f.geometry) * 10) / 10,
        derivation: absorbed.length ? `union of ${[f.properties.slug, ...absorbed].join(' and ')} (polyclip-ts), computed when the data was loaded` : null,
      };
      await db.municipalityBoundary.upsert({
        where: { municipalityId_termId: { municipalityId, termId: term.id } },
        create: { municipalityId, termId: term.id, ...data },
        update: data,
      });
    }
  }
}

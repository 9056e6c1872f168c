import { isBlankRow, parseDelimited } from './csv';
import { TableRefused, type Problem, type RegistryUnit } from './pxweb';

/**
 * The ATVK classifier (Administratīvo teritoriju un teritoriālo vienību
 * klasifikators) as the CSB publishes it on data.gov.lv (dataset `atvk`,
 * resource `atu_nuts_codes.csv`). The layout, confirmed from programs that
 * read the real file (tests/fixtures/official-data/README.md): UTF-8, comma
 * separated, one header row
 * `Level,Code,Code_version,Name,Code_parent,Validity_period_begin,Validity_period_end,Predecessors,Successors`,
 * dates as YYYY-MM-DD, an empty end for a unit in force. Level 3 holds the
 * state cities and municipalities (novadi); 0 the country, 1 regions, 4
 * towns and parishes.
 */
export type AtvkEntry = { level: number; code: string; name: string; begin: string; end: string | null };

const REQUIRED = ['Level', 'Code', 'Name', 'Validity_period_begin', 'Validity_period_end'] as const;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the classifier; throws {@link TableRefused} naming what is wrong with its layout. */
export function parseAtvkCsv(text: string): AtvkEntry[] {
  if (text.includes('\uFFFD')) throw new TableRefused([{ key: 'officialData.notUtf8' }]);
  const records = parseDelimited(text, ',').filter((r) => !isBlankRow(r));
  const header = (records[0] ?? []).map((h) => h.trim());
  const at = Object.fromEntries(REQUIRED.map((c) => [c, header.findIndex((h) => h.toLowerCase() === c.toLowerCase())])) as Record<
    (typeof REQUIRED)[number],
    number
  >;
  const absent = REQUIRED.filter((c) => at[c] < 0);
  if (absent.length > 0) throw new TableRefused([{ key: 'officialData.atvkColumns', params: { columns: absent.join(', ') } }]);
  const problems: Problem[] = [];
  const entries: AtvkEntry[] = [];
  for (const r of records.slice(1)) {
    const cell = (c: (typeof REQUIRED)[number]) => (r[at[c]] ?? '').trim();
    const level = Number(cell('Level'));
    const begin = cell('Validity_period_begin');
    const end = cell('Validity_period_end') || null;
    if (!Number.isInteger(level) || !ISO_DAY.test(begin) || (end !== null && !ISO_DAY.test(end))) {
      problems.push({ key: 'officialData.badRow', params: { row: r.join(',').slice(0, 80) } });
      continue;
    }
    entries.push({ level, code: cell('Code'), name: cell('Name').normalize('NFC').replace(/\s+/g, ' '), begin, end });
  }
  if (problems.length > 0) throw new TableRefused(problems.slice(0, 10));
  return entries;
}

export type AtvkMatch = { unitId: string; code: string; name: string };

/**
 * The ATVK code of every registry unit: the level-3 entry of the same name
 * (exactly, diacritics included) in force during the unit's existence, the
 * latest version when there are several (Madonas novads from 2025). Refuses
 * when a registry unit has no entry (missing), when a level-3 unit in force
 * on `today` is not in the registry (unknown), or when a code is not the
 * seven digits of the classifier.
 */
export function matchAtvk(entries: readonly AtvkEntry[], units: readonly RegistryUnit[], today: string): AtvkMatch[] {
  const level3 = entries.filter((e) => e.level === 3);
  const problems: Problem[] = [];
  const out: AtvkMatch[] = [];
  const missing: string[] = [];
  for (const u of units) {
    const candidates = level3
      .filter((e) => e.name === u.nameLv.normalize('NFC') && e.begin <= (u.validTo ?? '9999-12-31') && (e.end === null || e.end > u.validFrom))
      .sort((a, b) => a.begin.localeCompare(b.begin));
    const chosen = candidates.at(-1);
    if (!chosen) missing.push(u.nameLv);
    else out.push({ unitId: u.id, code: chosen.code, name: chosen.name });
  }
  const names = new Set(units.map((u) => u.nameLv.normalize('NFC')));
  const unknown = [
    ...new Set(level3.filter((e) => e.begin <= today && (e.end === null || e.end > today) && !names.has(e.name)).map((e) => `${e.name} (${e.code})`)),
  ];
  if (unknown.length > 0) problems.push({ key: 'officialData.unknownUnits', params: { count: String(unknown.length), names: unknown.join(', ') } });
  if (missing.length > 0) problems.push({ key: 'officialData.missingAtvk', params: { count: String(missing.length), names: missing.join(', ') } });
  const badCodes = out.filter((m) => !/^\d{7}$/.test(m.code)).map((m) => `${m.name} (${m.code})`);
  if (badCodes.length > 0) problems.push({ key: 'officialData.badCode', params: { names: badCodes.join(', ') } });
  const byCode = new Map<string, string[]>();
  for (const m of out) byCode.set(m.code, [...(byCode.get(m.code) ?? []), m.name]);
  const shared = [...byCode.values()].filter((v) => v.length > 1).map((v) => v.join(' / '));
  if (shared.length > 0) problems.push({ key: 'officialData.ambiguousUnits', params: { names: shared.join(', ') } });
  if (problems.length > 0) throw new TableRefused(problems);
  return out;
}

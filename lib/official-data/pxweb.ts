import { isBlankRow, parseDelimited } from './csv';
import { isAggregate, isSubUnit, parseUnitLabel, type UnitLabel } from './labels';

/**
 * A population table exported from the official statistics portal
 * (data.stat.gov.lv, PxWeb) as CSV "with heading", in Latvian. The layout,
 * confirmed in real exports (tests/fixtures/official-data/README.md):
 * line 1 the table's title in quotes, a blank line, a header row, then one
 * row per unit; comma (or semicolon) separated, text quoted, numbers bare;
 * "..", "-" or "…" where a figure is not available. The header names the
 * unit column "Teritoriālā vienība", an optional indicator column
 * "Rādītāji"/"Rādītājs", and one column per year (its header ends in the
 * year, e.g. "2025"). The file name PxWeb gives is `<TABLE>_<YYYYMMDD-HHMMSS>.csv`.
 */
export type PopulationTable = {
  title: string | null;
  years: number[];
  rows: { label: UnitLabel; values: Map<number, number | null> }[];
};

/** A reason to refuse the file: a message key with its parameters (lib/i18n: officialData.*). */
export type Problem = { key: string; params?: Record<string, string> };

export class TableRefused extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => p.key).join(', '));
  }
}

const UNIT_COLUMN = 'Teritoriālā vienība';
const UNIT_COLUMN_EN = 'Territorial unit';
const INDICATOR_COLUMNS = new Set(['Rādītāji', 'Rādītājs']);
const NOT_AVAILABLE = new Set(['', '..', '...', '…', '-', '–', ':']);

/** Table code and export time from PxWeb's default file name (`IRS051_20261203-101500.csv`), when it has that shape. */
export function parsePxwebFileName(fileName: string): { tableCode: string; exportedOn: string } | null {
  const m = /^([A-Z]{2,5}\d{2,4})_(\d{4})(\d{2})(\d{2})-\d{6}\.csv$/i.exec(fileName.trim());
  return m ? { tableCode: m[1]!.toUpperCase(), exportedOn: `${m[2]}-${m[3]}-${m[4]}` } : null;
}

/** Reads the CSV; throws {@link TableRefused} naming what is wrong with its layout. */
export function parsePopulationCsv(text: string): PopulationTable {
  if (text.includes('\uFFFD')) throw new TableRefused([{ key: 'officialData.notUtf8' }]);
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  // The header is the first line with a cell that is exactly the unit column (the title line may mention it too).
  const cellsOf = (line: string, d: string) => (parseDelimited(line, d)[0] ?? []).map((c) => c.normalize('NFC').trim());
  let headerLine = -1;
  let delimiter = ',';
  let english = false;
  for (let i = 0; i < lines.length && headerLine < 0; i++) {
    for (const d of [',', ';', '\t']) {
      const cells = cellsOf(lines[i]!, d);
      if (cells.includes(UNIT_COLUMN) || cells.includes(UNIT_COLUMN_EN)) {
        headerLine = i;
        delimiter = d;
        english = !cells.includes(UNIT_COLUMN);
        break;
      }
    }
  }
  if (headerLine < 0) throw new TableRefused([{ key: 'officialData.noUnitColumn' }]);
  if (english) throw new TableRefused([{ key: 'officialData.notLatvian' }]);
  const before = parseDelimited(lines.slice(0, headerLine).join('\n'), delimiter).filter((r) => !isBlankRow(r));
  const title = before.length > 0 ? before[0]!.join(delimiter).trim() || null : null;
  const records = parseDelimited(lines.slice(headerLine).join('\n'), delimiter).filter((r) => !isBlankRow(r));
  const header = records[0]!.map((h) => h.normalize('NFC').trim());
  const unitAt = header.indexOf(UNIT_COLUMN);
  const yearAt = new Map<number, number>();
  const problems: Problem[] = [];
  const indicatorAt: number[] = [];
  header.forEach((h, i) => {
    if (i === unitAt) return;
    if (INDICATOR_COLUMNS.has(h)) return void indicatorAt.push(i);
    const year = /(?:^|\s)(\d{4})$/.exec(h);
    if (!year) return void problems.push({ key: 'officialData.unexpectedColumn', params: { column: h } });
    const y = Number(year[1]);
    if (yearAt.has(y)) problems.push({ key: 'officialData.duplicateYear', params: { year: String(y) } });
    yearAt.set(y, i);
  });
  if (yearAt.size === 0) problems.push({ key: 'officialData.noYearColumn' });
  const body = records.slice(1);
  for (const i of indicatorAt) {
    const values = new Set(body.map((r) => (r[i] ?? '').trim()));
    if (values.size > 1) problems.push({ key: 'officialData.severalIndicators', params: { values: [...values].join('; ') } });
  }
  const rows: PopulationTable['rows'] = [];
  for (const r of body) {
    if (r.length !== header.length) {
      problems.push({ key: 'officialData.badRow', params: { row: r.join(delimiter).slice(0, 80) } });
      continue;
    }
    const label = parseUnitLabel(r[unitAt]!);
    const values = new Map<number, number | null>();
    for (const [year, at] of yearAt) {
      const cell = r[at]!.trim();
      const digits = cell.replace(/[\s\u00a0\u202f]/g, '');
      if (NOT_AVAILABLE.has(digits)) values.set(year, null);
      else if (/^\d+$/.test(digits)) values.set(year, Number(digits));
      else problems.push({ key: 'officialData.notANumber', params: { unit: label.raw, value: cell.slice(0, 20), year: String(year) } });
    }
    rows.push({ label, values });
  }
  if (problems.length > 0) throw new TableRefused(problems);
  return { title, years: [...yearAt.keys()].sort(), rows };
}

export type RegistryUnit = { id: string; nameLv: string; validFrom: string; validTo: string | null };
export type PopulationMatch = { year: number; unitId: string; value: number; label: string };

/**
 * Maps the table's rows to the registry for every year of the table.
 * A figure at the beginning of year Y belongs to the unit as it was on
 * 1 January Y: a label "(no D)" with D after that day is the figure
 * recalculated for a later territory and is left aside, as is "(līdz D)"
 * with D on or before it. Totals, statistical regions and sub-units
 * (indented rows, parishes) are left aside. Refuses (TableRefused) when a
 * top-level unit is not in the registry (unknown), when a registry unit that
 * existed in year Y has no figure for Y (missing), or when two rows give a
 * unit a figure for the same year (ambiguous). Names compare exactly
 * (Unicode NFC): "Rezekne" is not "Rēzekne".
 */
export function matchPopulation(table: PopulationTable, units: readonly RegistryUnit[]): PopulationMatch[] {
  const byName = new Map<string, RegistryUnit>();
  for (const u of units) byName.set(u.nameLv.normalize('NFC'), u);
  const unknown = new Set<string>();
  const ambiguous = new Set<string>();
  const missing: Problem[] = [];
  const out: PopulationMatch[] = [];
  for (const year of table.years) {
    const refDay = `${year}-01-01`;
    const found = new Map<string, PopulationMatch>();
    for (const { label, values } of table.rows) {
      if (isAggregate(label.name) || isSubUnit(label)) continue;
      const unit = byName.get(label.name);
      if (!unit) {
        unknown.add(label.raw);
        continue;
      }
      const value = values.get(year);
      if (value === null || value === undefined) continue;
      if (label.from && label.from > refDay) continue;
      if (label.until && label.until <= refDay) continue;
      const existed = unit.validFrom <= `${year}-12-31` && (unit.validTo === null || unit.validTo >= refDay);
      if (!existed) {
        unknown.add(`${label.raw} (${year})`);
        continue;
      }
      const previous = found.get(unit.id);
      if (previous) {
        ambiguous.add(`${previous.label} / ${label.raw} (${year})`);
        continue;
      }
      found.set(unit.id, { year, unitId: unit.id, value, label: label.raw });
    }
    const absent = units.filter((u) => u.validFrom <= `${year}-12-31` && (u.validTo === null || u.validTo >= refDay) && !found.has(u.id)).map((u) => u.nameLv);
    if (absent.length > 0)
      missing.push({ key: 'officialData.missingUnits', params: { year: String(year), count: String(absent.length), names: absent.join(', ') } });
    out.push(...found.values());
  }
  const problems: Problem[] = [];
  if (unknown.size > 0) problems.push({ key: 'officialData.unknownUnits', params: { count: String(unknown.size), names: [...unknown].join(', ') } });
  problems.push(...missing);
  if (ambiguous.size > 0) problems.push({ key: 'officialData.ambiguousUnits', params: { names: [...ambiguous].join(', ') } });
  if (problems.length > 0) throw new TableRefused(problems);
  return out;
}

/**
 * Labels of territorial units as the Central Statistical Bureau (CSP) writes
 * them in its PxWeb tables (confirmed in real exports, see
 * tests/fixtures/official-data/README.md): sub-units are indented with
 * leading dots ("..Rūjiena", "..Silmalas pagasts"), and a unit whose
 * territory changed carries a dated qualifier ("Madonas novads (no
 * 01.07.2025.)" = as formed from that day; "(līdz …)" = until that day).
 */
export type UnitLabel = {
  /** The label as in the file (trimmed). */
  raw: string;
  /** The name without dots and qualifier, NFC, single spaces: compared with the registry as is (diacritics count). */
  name: string;
  /** Leading dots ÷ 2: 0 for a top-level row. */
  depth: number;
  qualifier: string | null;
  /** 'YYYY-MM-DD' of "(no DD.MM.YYYY.)". */
  from: string | null;
  /** 'YYYY-MM-DD' of "(līdz DD.MM.YYYY.)". */
  until: string | null;
};

const DATE = /(\d{2})\.(\d{2})\.(\d{4})\.?/;
const iso = (m: RegExpMatchArray) => `${m[3]}-${m[2]}-${m[1]}`;

export function parseUnitLabel(label: string): UnitLabel {
  const raw = label.normalize('NFC').trim();
  const dots = /^\.+/.exec(raw)?.[0].length ?? 0;
  let name = raw.slice(dots).trim();
  let qualifier: string | null = null;
  const q = /\s*\(([^()]*)\)$/.exec(name);
  if (q) {
    qualifier = q[1]!.trim();
    name = name.slice(0, q.index).trim();
  }
  name = name.replace(/\s+/g, ' ');
  const from = qualifier ? new RegExp(`^no ${DATE.source}$`).exec(qualifier) : null;
  const until = qualifier ? new RegExp(`^līdz ${DATE.source}$`).exec(qualifier) : null;
  return { raw, name, depth: Math.ceil(dots / 2), qualifier, from: from ? iso(from) : null, until: until ? iso(until) : null };
}

/** Totals and statistical groupings that are not units of the registry: the country, statistical regions, "unknown unit". */
export function isAggregate(name: string): boolean {
  return name === 'Latvija' || name === 'Nezināma teritoriālā vienība' || /\sreģions$/.test(name);
}

/** Parts of a municipality (parishes, towns): indented rows, or a parish name. */
export function isSubUnit(label: UnitLabel): boolean {
  return label.depth > 0 || /\spagasts$/.test(label.name);
}

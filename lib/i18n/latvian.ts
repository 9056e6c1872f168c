/**
 * Latvian that reads right (issue 12): the few declensions the portal needs,
 * in one place, for pages, e-mails and PDFs.
 *
 * - municipality names and council bodies in the genitive ("Liepājas
 *   valstspilsētas domes", "Madonas novada domes", "Daugavpils");
 * - dates with the month in the case the sentence needs ("2025. gada
 *   20. marta lēmums", "kopš 2021. gada 1. jūlija", "līdz 2025. gada 30. jūnijam");
 * - number agreement ("Atrasta 1", "Atrasta 21", "Atrastas 11").
 *
 * Tested on all 43 names of the 2021 division (tests/unit/i18n/latvian.test.ts).
 */

export type LvCase = 'nominative' | 'genitive' | 'dative' | 'locative';

const MONTHS: Record<LvCase, readonly string[]> = {
  nominative: ['janvāris', 'februāris', 'marts', 'aprīlis', 'maijs', 'jūnijs', 'jūlijs', 'augusts', 'septembris', 'oktobris', 'novembris', 'decembris'],
  genitive: ['janvāra', 'februāra', 'marta', 'aprīļa', 'maija', 'jūnija', 'jūlija', 'augusta', 'septembra', 'oktobra', 'novembra', 'decembra'],
  dative: ['janvārim', 'februārim', 'martam', 'aprīlim', 'maijam', 'jūnijam', 'jūlijam', 'augustam', 'septembrim', 'oktobrim', 'novembrim', 'decembrim'],
  locative: ['janvārī', 'februārī', 'martā', 'aprīlī', 'maijā', 'jūnijā', 'jūlijā', 'augustā', 'septembrī', 'oktobrī', 'novembrī', 'decembrī'],
};

/** A calendar date (a DATE column read as UTC midnight, or 'YYYY-MM-DD') in Latvian: "2025. gada 20. marts" / "… marta" / "… martam" / "… martā". */
export function lvDate(value: Date | string, grammaticalCase: LvCase = 'nominative'): string {
  const iso = typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${y}. gada ${d}. ${MONTHS[grammaticalCase][m - 1]}`;
}

/** The genitive of one word of a municipality name or council body (the words those names are made of). */
function genitiveWord(word: string): string {
  if (word === 'novads') return 'novada';
  if (word === 'dome') return 'domes';
  if (/pils$/.test(word)) return word; // Daugavpils, Ventspils, Jēkabpils: 6th declension, genitive = nominative
  if (/(a|e)$/.test(word)) return `${word}s`; // Rīga → Rīgas, Rēzekne → Rēzeknes, valstspilsēta → valstspilsētas
  return word; // already genitive (Liepājas, Madonas) or not declinable here
}

/**
 * The genitive of a municipality name or of a council body: only the head
 * noun (the last word) declines; the words before it are already genitive
 * ("Madonas novads" → "Madonas novada", "Liepājas valstspilsētas pašvaldības
 * dome" → "… domes", "Rīga" → "Rīgas").
 */
export function lvGenitive(name: string): string {
  const words = name.trim().split(/\s+/);
  const last = words.pop();
  return last === undefined ? name : [...words, genitiveWord(last)].join(' ');
}

/** "<official name in the genitive> domes": the council of a municipality ("Liepājas valstspilsētas domes", "Madonas novada domes"). */
export function lvCouncilGenitive(officialNameLv: string): string {
  return `${lvGenitive(officialNameLv)} domes`;
}

/** Latvian number agreement: 1, 21, 31 … (but not 11, 111) take the singular. */
export function lvIsSingular(n: number): boolean {
  const abs = Math.abs(Math.trunc(n));
  return abs % 10 === 1 && abs % 100 !== 11;
}

/** A date for a sentence in `locale`: Latvian in the given case (lvDate), English as formatDate does. */
export function formatDateIn(
  locale: 'lv' | 'en',
  value: Date | string | null | undefined,
  grammaticalCase: LvCase,
  fallback: (v: Date | string | null | undefined) => string,
): string {
  if (locale === 'lv' && value) return lvDate(value, grammaticalCase);
  return fallback(value);
}

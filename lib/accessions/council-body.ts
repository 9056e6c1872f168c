/**
 * The usual name of a municipality's council, derived from its official
 * name, to prefill the decision form (the secretary can change it):
 * "Liepājas valstspilsēta" → "Liepājas valstspilsētas pašvaldības dome" (as
 * Liepāja's decision No. 271/9 names it), "Jēkabpils novads" → "Jēkabpils
 * novada dome" (as Jēkabpils novads' decision names it). An official name of
 * another shape gives null: the field then stays empty rather than guessed.
 */
export function councilBodyOf(officialNameLv: string | null | undefined): string | null {
  const name = officialNameLv?.trim();
  if (!name) return null;
  if (/ valstspilsēta$/.test(name)) return name.replace(/ valstspilsēta$/, ' valstspilsētas pašvaldības dome');
  if (/ novads$/.test(name)) return name.replace(/ novads$/, ' novada dome');
  return null;
}

import type { Locale, Translate } from '@/lib/i18n';

/**
 * A reporting period as people name it (ADR 0215): its year, the months
 * when the period covers only part of the year (a term begins and ends on
 * 1 July), and its council term, because a year split by elections has a
 * period in each term ("2025. gada ziņojums (janv.–jūn., sasaukums
 * 2021–2025)" and "(jūl.–dec., sasaukums 2025–2029)").
 */
export type PeriodRef = { year: number; startsOn: Date; endsOn: Date; termSlug: string };

const MONTHS = new Map<Locale, Intl.DateTimeFormat>();
function month(locale: Locale, day: Date): string {
  let f = MONTHS.get(locale);
  if (!f) MONTHS.set(locale, (f = new Intl.DateTimeFormat(locale === 'lv' ? 'lv-LV' : 'en-GB', { month: 'short', timeZone: 'UTC' })));
  return f.format(day);
}

/** Whether the period covers its whole calendar year. */
export function isWholeYear(p: Pick<PeriodRef, 'startsOn' | 'endsOn'>): boolean {
  return p.startsOn.getUTCMonth() === 0 && p.startsOn.getUTCDate() === 1 && p.endsOn.getUTCMonth() === 11 && p.endsOn.getUTCDate() === 31;
}

/** The words after the year: the months of a part year and the term, e.g. "janv.–jūn., sasaukums 2021–2025" / "Jan–Jun, term 2021–2025". */
export function periodQualifier(locale: Locale, t: Translate, p: PeriodRef): string {
  const term = p.termSlug.replace('-', '–');
  return isWholeYear(p)
    ? t('reports.qualifierTerm', { term })
    : t('reports.qualifierMonths', { months: `${month(locale, p.startsOn)}–${month(locale, p.endsOn)}`, term });
}

/** "2025. gada ziņojums (janv.–jūn., sasaukums 2021–2025)" / "Report for 2025 (Jan–Jun, term 2021–2025)". */
export function reportLabel(locale: Locale, t: Translate, p: PeriodRef): string {
  return t('reports.reportFor', { year: p.year, qualifier: periodQualifier(locale, t, p) });
}

/** "Liepāja: 2025. gada progresa ziņojums (janv.–jūn., sasaukums 2021–2025)". */
export function reportTitle(locale: Locale, t: Translate, name: string, p: PeriodRef): string {
  return t('reports.editorTitle', { name, year: p.year, qualifier: periodQualifier(locale, t, p) });
}

/** The report's own address (ADR 0215): term and year, e.g. /lv/secretary/liepaja/reports/2021-2025/2025. */
export function reportPath(locale: string, slug: string, p: Pick<PeriodRef, 'termSlug' | 'year'>): string {
  return `/${locale}/secretary/${slug}/reports/${p.termSlug}/${p.year}`;
}

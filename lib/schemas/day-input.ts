import { z } from 'zod';
import { msg, zDay } from './common';

/**
 * A calendar day as people type it: the ISO form the field asks for
 * (GGGG-MM-DD, '2024-03-31') or the Latvian written form ('31.03.2024',
 * '31.03.2024.', '1.3.2024'). Normalised to 'YYYY-MM-DD' before the one
 * calendar-day check (zDay); anything else is one error, 'validation.date'.
 */
export function normaliseDayInput(text: string): string {
  const t = text.trim();
  const lv = /^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\.?$/.exec(t);
  return lv ? `${lv[3]}-${lv[2]!.padStart(2, '0')}-${lv[1]!.padStart(2, '0')}` : t;
}

export const zTypedDay = z
  .string({ error: msg('validation.date') })
  .transform(normaliseDayInput)
  .pipe(zDay);

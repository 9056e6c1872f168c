import { formatMoney, formatNumber, lookup, type Locale } from '@/lib/i18n';
import { indicatorByKey } from './indicators';

export type IndicatorRow = { key: string; numberValue: { toString(): string } | null; boolValue: boolean | null; textValue: string | null };

/** An indicator value for people: money in EUR, numbers in the locale, yes/no, or "unknown" for a blank (never zero). */
export function formatIndicatorValue(locale: Locale, key: string, rows: IndicatorRow[]): string {
  const def = indicatorByKey.get(key);
  const row = rows.find((i) => i.key === key);
  const unknown = lookup(locale, 'common.unknown');
  if (!def || !row) return unknown;
  if (def.kind === 'boolean') return row.boolValue === null ? unknown : lookup(locale, row.boolValue ? 'common.yes' : 'common.no');
  if (def.kind === 'text') return row.textValue ?? unknown;
  const n = row.numberValue === null ? null : Number(row.numberValue.toString());
  return def.kind === 'money' ? formatMoney(locale, n) : formatNumber(locale, n, 2);
}

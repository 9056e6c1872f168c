import { formatMoney, formatNumber, lookup, type Locale } from '@/lib/i18n';
import { indicatorByKey } from './indicators';

export type IndicatorRow = { key: string; numberValue: { toString(): string } | null; boolValue: boolean | null; textValue: string | null };

/** What a report says (each commitment's status and narrative, the actions, the indicators): what components/progress/report-view.tsx shows. */
export type ReportViewData = {
  commitments: { commitmentKey: string; status: 'NOT_STARTED' | 'IN_PROGRESS' | 'ACHIEVED'; narrative: string | null }[];
  actions: {
    commitmentKey: string;
    title: string;
    status: 'PLANNED' | 'IN_PROGRESS' | 'DONE' | 'CANCELLED';
    plannedOn: Date | null;
    doneOn: Date | null;
    budgetEur: { toString(): string } | null;
  }[];
  indicators: IndicatorRow[];
};

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

/** The change of a numeric indicator since the previous period, or null when either value is unknown. */
export function indicatorChange(key: string, rows: IndicatorRow[], previous: IndicatorRow[] | undefined): number | null {
  const def = indicatorByKey.get(key);
  if (!def || !previous || def.kind === 'boolean' || def.kind === 'text') return null;
  const now = rows.find((r) => r.key === key)?.numberValue;
  const before = previous.find((r) => r.key === key)?.numberValue;
  if (now === null || now === undefined || before === null || before === undefined) return null;
  return Number(now.toString()) - Number(before.toString());
}

import type { Locale } from '@/lib/i18n';
import { translateKey } from '@/lib/i18n/request';
import { formatMoneyInput, formatNumberInput } from '@/lib/schemas/number';
import { COMMITMENT_KEYS, indicatorByKey } from '@/lib/progress/indicators';
import { checkTypedDraft, type findLatestReport } from '@/lib/progress/reports';
import type { EditorState } from '@/components/progress/editor-types';

type Report = NonNullable<Awaited<ReturnType<typeof findLatestReport>>['report']>;

/**
 * The editor's starting state: the draft as typed when there is one (it may hold invalid fields, with their errors in
 * the user's language), else the saved rows in the locale's number format.
 */
export function editorStartOf(report: Report, locale: Locale): { initial: EditorState; initialErrors: Record<string, string[]> } {
  const typed = report.typedDraft as EditorState | null | undefined;
  if (typed) {
    const errors = checkTypedDraft(typed).fieldErrors;
    return { initial: typed, initialErrors: Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, v.map((m) => translateKey(locale, m))])) };
  }
  return { initial: savedStateOf(report, locale), initialErrors: {} };
}

function savedStateOf(report: Report, locale: Locale): EditorState {
  return {
    commitments: Object.fromEntries(
      COMMITMENT_KEYS.map((k) => {
        const c = report.commitments.find((x) => x.commitmentKey === k);
        return [
          k,
          {
            status: c?.status ?? 'NOT_STARTED',
            narrative: c?.narrative ?? '',
            actions: report.actions
              .filter((a) => a.commitmentKey === k)
              .map((a) => ({
                title: a.title,
                status: a.status,
                plannedOn: a.plannedOn?.toISOString().slice(0, 10) ?? '',
                doneOn: a.doneOn?.toISOString().slice(0, 10) ?? '',
                budgetEur: formatMoneyInput(a.budgetEur?.toString(), locale),
              })),
          },
        ];
      }),
    ) as EditorState['commitments'],
    indicators: Object.fromEntries(
      report.indicators.map((i) => [
        i.key,
        i.boolValue !== null
          ? i.boolValue
            ? 'yes'
            : 'no'
          : i.numberValue !== null
            ? (indicatorByKey.get(i.key)?.kind === 'money' ? formatMoneyInput : formatNumberInput)(i.numberValue.toString(), locale)
            : (i.textValue ?? ''),
      ]),
    ),
  };
}

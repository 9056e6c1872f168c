import { formatDateTime, type Locale, type Translate } from '@/lib/i18n';

const EVENT_KEY = {
  RECORDED: 'status.DRAFT',
  SUBMITTED: 'status.SUBMITTED',
  RETURNED: 'status.RETURNED',
  VERIFIED: 'status.VERIFIED',
  WITHDRAWN: 'status.WITHDRAWN',
} as const;

export type HistoryEvent = { type: keyof typeof EVENT_KEY; at: Date; reason: string | null };

/** An accession's events, oldest first, with their reasons where the caller may show them. */
export function AccessionHistory({
  events,
  locale,
  t,
  testId,
  className,
}: {
  events: HistoryEvent[];
  locale: Locale;
  t: Translate;
  testId?: string;
  className?: string;
}) {
  return (
    <ol className={className ?? 'list-inside list-disc'} data-testid={testId}>
      {events.map((e, i) => (
        <li key={i}>
          {formatDateTime(locale, e.at)} — {t(EVENT_KEY[e.type])}
          {e.reason ? `: ${e.reason}` : ''}
        </li>
      ))}
    </ol>
  );
}

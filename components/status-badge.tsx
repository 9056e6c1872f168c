import type { Translate } from '@/lib/i18n';

export type PublicStatus = 'VERIFIED' | 'SUBMITTED' | 'WITHDRAWN' | 'NONE' | 'RETURNED' | 'DRAFT' | 'PREVIOUS';

const STYLE: Record<PublicStatus, { cls: string; mark: string }> = {
  VERIFIED: { cls: 'bg-ok-bg text-ok', mark: '✓' },
  SUBMITTED: { cls: 'bg-wait-bg text-wait', mark: '…' },
  RETURNED: { cls: 'bg-bad-bg text-bad', mark: '↩' },
  DRAFT: { cls: 'bg-off-bg text-off', mark: '✎' },
  WITHDRAWN: { cls: 'bg-bad-bg text-bad', mark: '✕' },
  PREVIOUS: { cls: 'bg-prev-bg text-prev', mark: '↻' },
  NONE: { cls: 'bg-off-bg text-off', mark: '–' },
};

/** Accession status as a text label with a symbol: never colour alone. */
export function StatusBadge({ status, t }: { status: PublicStatus; t: Translate }) {
  const s = STYLE[status];
  return (
    <span className={`inline-flex items-center gap-1 rounded px-2 py-0.5 text-sm font-medium ${s.cls}`} data-status={status}>
      <span aria-hidden="true">{s.mark}</span>
      {t(`status.${status}`)}
    </span>
  );
}

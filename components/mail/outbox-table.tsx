import { formatDateTime, formatNumber, type Locale, type MessageKey, type Translate } from '@/lib/i18n';
import { MAX_ATTEMPTS } from '@/lib/mail/deliver';
import { MAIL_KIND_KEY } from '@/lib/mail/templates';
import type { MailKind } from '@/lib/mail/outbox';
import type { listOutbox } from '@/lib/mail/list';

type OutboxItem = Awaited<ReturnType<typeof listOutbox>>['items'][number];

/** Status as text with a symbol, never colour alone. */
const STATUS_STYLE = {
  PENDING: { cls: 'bg-wait-bg text-wait', mark: '…' },
  SENT: { cls: 'bg-ok-bg text-ok', mark: '✓' },
  FAILED: { cls: 'bg-bad-bg text-bad', mark: '✕' },
} as const;

/** One page of the outbox: each message in the language it was written in, its text behind a disclosure, its delivery state. */
export function OutboxTable({
  items,
  page,
  pageSize,
  total,
  locale,
  t,
}: {
  items: OutboxItem[];
  page: number;
  pageSize: number;
  total: number;
  locale: Locale;
  t: Translate;
}) {
  const kindLabel = (kind: string) => (kind in MAIL_KIND_KEY ? t(`mail.outbox.kind.${MAIL_KIND_KEY[kind as MailKind]}` as MessageKey) : kind);
  const languageLabel = (code: string) => (code === 'lv' || code === 'en' ? t(`mail.outbox.language.${code}`) : code);
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={t('mail.outbox.title')}>
      <table className="data" data-testid="outbox">
        <caption className="mb-2 text-left">
          {t('mail.outbox.caption', {
            from: formatNumber(locale, (page - 1) * pageSize + 1),
            to: formatNumber(locale, (page - 1) * pageSize + items.length),
            total: formatNumber(locale, total),
          })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('mail.outbox.colCreated')}</th>
            <th scope="col">{t('mail.outbox.colTo')}</th>
            <th scope="col">{t('mail.outbox.colLanguage')}</th>
            <th scope="col">{t('mail.outbox.colKind')}</th>
            <th scope="col">{t('mail.outbox.colSubject')}</th>
            <th scope="col">{t('mail.outbox.colStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((m) => {
            const style = STATUS_STYLE[m.status];
            return (
              <tr key={m.id} data-kind={m.kind} data-status={m.status}>
                <th scope="row" className="whitespace-nowrap font-normal">
                  <time dateTime={m.createdAt.toISOString()}>{formatDateTime(locale, m.createdAt)}</time>
                </th>
                <td className="wrap-anywhere">{m.toEmail}</td>
                <td>{languageLabel(m.locale)}</td>
                <td>{kindLabel(m.kind)}</td>
                <td className="min-w-64">
                  <details lang={m.locale}>
                    <summary className="cursor-pointer">{m.subject}</summary>
                    <pre className="mt-2 whitespace-pre-wrap wrap-anywhere rounded bg-gray-50 p-3 text-sm">{m.text}</pre>
                  </details>
                </td>
                <td className="space-y-1">
                  <span className={`inline-flex items-center gap-1 rounded px-2 py-0.5 text-sm font-medium ${style.cls}`}>
                    <span aria-hidden="true">{style.mark}</span>
                    {t(`mail.outbox.status.${m.status}`)}
                  </span>
                  {m.status === 'SENT' && m.sentAt && <p className="text-sm">{t('mail.outbox.sentAt', { date: formatDateTime(locale, m.sentAt) })}</p>}
                  {m.attempts > 0 && m.status !== 'SENT' && <p className="text-sm">{t('mail.outbox.attempts', { n: m.attempts })}</p>}
                  {m.lastError && m.status !== 'SENT' && <p className="text-sm wrap-anywhere">{t('mail.outbox.error', { error: m.lastError })}</p>}
                  {m.status === 'FAILED' && m.attempts < MAX_ATTEMPTS && <p className="text-sm">{t('mail.outbox.willRetry')}</p>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

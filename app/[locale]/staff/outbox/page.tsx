import Link from 'next/link';
import { pageLocale, privatePageMetadata } from '@/lib/i18n/page';
import { formatDateTime, formatNumber, type MessageKey } from '@/lib/i18n';
import { requirePagePermission, requirePageUser } from '@/lib/auth/guard';
import { StaffNav } from '@/components/staff-nav';
import { listOutbox } from '@/lib/mail/list';
import { smtpConfigured } from '@/lib/mail/transport';
import { MAX_ATTEMPTS } from '@/lib/mail/deliver';
import { MAIL_KIND_KEY } from '@/lib/mail/templates';
import type { MailKind } from '@/lib/mail/outbox';

export const dynamic = 'force-dynamic';
export const generateMetadata = privatePageMetadata('mail.outbox.title');

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ page?: string | string[] }> };

/** Status as text with a symbol, never colour alone. */
const STATUS_STYLE = {
  PENDING: { cls: 'bg-wait-bg text-wait', mark: '…' },
  SENT: { cls: 'bg-ok-bg text-ok', mark: '✓' },
  FAILED: { cls: 'bg-bad-bg text-bad', mark: '✕' },
} as const;

export default async function OutboxPage({ params, searchParams }: Props) {
  const { locale, t } = await pageLocale(params);
  const raw = (await searchParams).page;
  const requested = Number.parseInt((Array.isArray(raw) ? raw[0] : raw) ?? '1', 10);
  const user = await requirePageUser(locale, `/${locale}/staff/outbox${Number.isNaN(requested) ? '' : `?page=${requested}`}`);
  requirePagePermission(user, 'outbox.view');
  const { items, total, page, pages, pageSize } = await listOutbox({ actor: user, page: Number.isNaN(requested) ? 1 : requested });
  const kindLabel = (kind: string) => (kind in MAIL_KIND_KEY ? t(`mail.outbox.kind.${MAIL_KIND_KEY[kind as MailKind]}` as MessageKey) : kind);
  const languageLabel = (code: string) => (code === 'lv' || code === 'en' ? t(`mail.outbox.language.${code}`) : code);
  const pageHref = (n: number) => `/${locale}/staff/outbox${n > 1 ? `?page=${n}` : ''}`;

  return (
    <div className="space-y-8">
      <StaffNav locale={locale} user={user} current="outbox" t={t} />
      <h1 className="text-3xl font-bold">{t('mail.outbox.title')}</h1>
      {!smtpConfigured() && (
        <p className="rounded border-l-4 border-wait bg-wait-bg p-3 font-medium" data-testid="smtp-off">
          <span aria-hidden="true">ℹ </span>{t('mail.outbox.smtpOff')}
        </p>
      )}
      <p>{t('mail.outbox.lead')}</p>
      {items.length === 0 ? <p>{t('mail.outbox.empty')}</p> : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('mail.outbox.title')}>
        <table className="data" data-testid="outbox">
          <caption className="mb-2 text-left">
            {t('mail.outbox.caption', { from: formatNumber(locale, (page - 1) * pageSize + 1), to: formatNumber(locale, (page - 1) * pageSize + items.length), total: formatNumber(locale, total) })}
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
                  <th scope="row" className="whitespace-nowrap font-normal"><time dateTime={m.createdAt.toISOString()}>{formatDateTime(locale, m.createdAt)}</time></th>
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
      )}
      {pages > 1 && (
        <nav aria-label={t('mail.outbox.pagination')}>
          <ul className="flex flex-wrap items-center gap-x-6 gap-y-2">
            {page > 1 && <li><Link href={pageHref(page - 1)} rel="prev"><span aria-hidden="true">← </span>{t('mail.outbox.previous')}</Link></li>}
            <li aria-current="page">{t('mail.outbox.pageOf', { page, pages })}</li>
            {page < pages && <li><Link href={pageHref(page + 1)} rel="next">{t('mail.outbox.next')}<span aria-hidden="true"> →</span></Link></li>}
          </ul>
        </nav>
      )}
    </div>
  );
}

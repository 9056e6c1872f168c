import { pageLocale, privatePageMetadata } from '@/lib/i18n/page';
import { requirePagePermission, requirePageUser } from '@/lib/auth/guard';
import { StaffNav } from '@/components/staff-nav';
import { listOutbox } from '@/lib/mail/list';
import { smtpConfigured } from '@/lib/mail/transport';
import { OutboxTable } from '@/components/mail/outbox-table';
import { Pagination } from '@/components/pagination';

export const dynamic = 'force-dynamic';
export const generateMetadata = privatePageMetadata('mail.outbox.title');

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ page?: string | string[] }> };

export default async function OutboxPage({ params, searchParams }: Props) {
  const { locale, t } = await pageLocale(params);
  const raw = (await searchParams).page;
  const requested = Number.parseInt((Array.isArray(raw) ? raw[0] : raw) ?? '1', 10);
  const user = await requirePageUser(locale, `/${locale}/staff/outbox${Number.isNaN(requested) ? '' : `?page=${requested}`}`);
  requirePagePermission(user, 'outbox.view');
  const { items, total, page, pageSize } = await listOutbox({ actor: user, page: Number.isNaN(requested) ? 1 : requested });
  const pageHref = (n: number) => `/${locale}/staff/outbox${n > 1 ? `?page=${n}` : ''}`;

  return (
    <div className="space-y-8">
      <StaffNav locale={locale} user={user} current="outbox" t={t} />
      <h1 className="text-3xl font-bold">{t('mail.outbox.title')}</h1>
      {!smtpConfigured() && (
        <p className="rounded border-l-4 border-wait bg-wait-bg p-3 font-medium" data-testid="smtp-off">
          <span aria-hidden="true">ℹ </span>
          {t('mail.outbox.smtpOff')}
        </p>
      )}
      <p>{t('mail.outbox.lead')}</p>
      {items.length === 0 ? <p>{t('mail.outbox.empty')}</p> : <OutboxTable items={items} page={page} pageSize={pageSize} total={total} locale={locale} t={t} />}
      <Pagination
        page={page}
        pageSize={pageSize}
        count={total}
        href={pageHref}
        label={t('mail.outbox.pagination')}
        t={t}
        locale={locale}
        testId="outbox-pagination"
      />
    </div>
  );
}

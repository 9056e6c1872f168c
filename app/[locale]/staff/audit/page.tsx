import { pageLocale, privatePageMetadata } from '@/lib/i18n/page';
import { formatNumber } from '@/lib/i18n';
import { translateKey } from '@/lib/i18n/request';
import { requirePagePermission, requirePageUser } from '@/lib/auth/guard';
import { listAuditActions, listAuditActors, listAuditEvents, listAuditMunicipalities } from '@/lib/audit/query';
import { ZAuditFilterSchema, type TAuditFilter } from '@/lib/schemas/users';
import { StaffNav } from '@/components/staff-nav';
import { AuditFilters } from '@/components/audit/audit-filters';
import { AuditTable } from '@/components/audit/audit-table';
import { Pagination } from '@/components/pagination';

export const dynamic = 'force-dynamic';
export const generateMetadata = privatePageMetadata('users.auditTitle');

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const FILTER_KEYS = ['actorId', 'actorEmail', 'action', 'municipalitySlug', 'from', 'to'] as const;

export default async function AuditPage({ params, searchParams }: Props) {
  const { locale, t } = await pageLocale(params);
  const user = await requirePageUser(locale, `/${locale}/staff/audit`);
  requirePagePermission(user, 'audit.view');
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, first(v)]));
  const parsed = ZAuditFilterSchema.safeParse(raw);
  const errors = parsed.success
    ? []
    : parsed.error.issues
        .filter((i, n, all) => all.findIndex((j) => j.path[0] === i.path[0]) === n)
        .map((i) => ({ field: String(i.path[0] ?? ''), message: translateKey(locale, i.message) }));
  const [actors, actions, municipalities, result] = await Promise.all([
    listAuditActors({ actor: user }),
    listAuditActions({ actor: user }),
    listAuditMunicipalities({ actor: user }),
    parsed.success ? listAuditEvents({ actor: user, filters: parsed.data }) : Promise.resolve(null),
  ]);
  const href = (filters: TAuditFilter) => (page: number) => {
    const search = new URLSearchParams();
    for (const key of FILTER_KEYS) if (filters[key]) search.set(key, filters[key]);
    if (page > 1) search.set('page', String(page));
    const text = search.toString();
    return `/${locale}/staff/audit${text ? `?${text}` : ''}`;
  };
  const actionOptions = raw.action && !actions.includes(raw.action) && parsed.success ? [...actions, raw.action] : actions;
  return (
    <div className="space-y-8">
      <StaffNav locale={locale} user={user} current="audit" t={t} />
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">{t('users.auditTitle')}</h1>
        <p className="max-w-3xl">{t('users.auditLead')}</p>
      </div>
      <AuditFilters locale={locale} raw={raw} errors={errors} actors={actors} actions={actionOptions} municipalities={municipalities} t={t} />
      {result && parsed.success ? (
        <section aria-labelledby="audit-results" className="space-y-3">
          <h2 id="audit-results" className="text-2xl font-semibold">
            {t('users.auditResultsHeading')}
          </h2>
          <p data-testid="audit-count">{t('users.auditCount', { count: formatNumber(locale, result.total) })}</p>
          {result.rows.length === 0 ? <p>{t('users.auditNone')}</p> : <AuditTable rows={result.rows} locale={locale} t={t} />}
          <Pagination
            page={result.page}
            pageSize={result.pageSize}
            count={result.total}
            href={href(parsed.data)}
            label={t('users.pagination')}
            t={t}
            locale={locale}
            testId="audit-pagination"
          />
        </section>
      ) : null}
    </div>
  );
}

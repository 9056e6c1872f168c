import Link from 'next/link';
import { pageLocale, privatePageMetadata } from '@/lib/i18n/page';
import { formatDateTime, formatNumber, type Locale, type Translate } from '@/lib/i18n';
import { translateKey } from '@/lib/i18n/request';
import { requirePagePermission, requirePageUser } from '@/lib/auth/guard';
import { listAuditActions, listAuditActors, listAuditEvents, listAuditMunicipalities, type AuditRow } from '@/lib/audit/query';
import { ZAuditFilterSchema, type TAuditFilter } from '@/lib/schemas/users';
import { StaffNav } from '@/components/staff-nav';

export const dynamic = 'force-dynamic';
export const generateMetadata = privatePageMetadata('users.auditTitle');

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const FILTER_LABEL = { actorId: 'users.auditActor', actorEmail: 'users.auditActor', action: 'users.auditAction', municipalitySlug: 'users.auditMunicipality', from: 'users.auditFrom', to: 'users.auditTo' } as const;
const FILTER_KEYS = ['actorId', 'actorEmail', 'action', 'municipalitySlug', 'from', 'to'] as const;
const inputClass = 'rounded border border-gray-500 px-3 py-2';

export default async function AuditPage({ params, searchParams }: Props) {
  const { locale, t } = await pageLocale(params);
  const user = await requirePageUser(locale, `/${locale}/staff/audit`);
  requirePagePermission(user, 'audit.view');
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, first(v)]));
  const parsed = ZAuditFilterSchema.safeParse(raw);
  const errors = parsed.success ? [] : parsed.error.issues
    .filter((i, n, all) => all.findIndex((j) => j.path[0] === i.path[0]) === n)
    .map((i) => ({ field: String(i.path[0] ?? ''), message: translateKey(locale, i.message) }));
  const [actors, actions, municipalities, result] = await Promise.all([
    listAuditActors({ actor: user }),
    listAuditActions({ actor: user }),
    listAuditMunicipalities({ actor: user }),
    parsed.success ? listAuditEvents({ actor: user, filters: parsed.data }) : Promise.resolve(null),
  ]);
  const href = (filters: TAuditFilter, page: number) => {
    const search = new URLSearchParams();
    for (const key of FILTER_KEYS) if (filters[key]) search.set(key, filters[key]);
    if (page > 1) search.set('page', String(page));
    const text = search.toString();
    return `/${locale}/staff/audit${text ? `?${text}` : ''}`;
  };
  const bad = (field: string) => (errors.some((e) => e.field === field) ? true : undefined);
  const actionOptions = raw.action && !actions.includes(raw.action) && parsed.success ? [...actions, raw.action] : actions;
  return (
    <div className="space-y-8">
      <StaffNav locale={locale} user={user} current="audit" t={t} />
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">{t('users.auditTitle')}</h1>
        <p className="max-w-3xl">{t('users.auditLead')}</p>
      </div>

      <section aria-labelledby="audit-filters" className="space-y-3">
        <h2 id="audit-filters" className="text-2xl font-semibold">{t('users.auditFiltersHeading')}</h2>
        <form method="get" action={`/${locale}/staff/audit`} className="flex flex-wrap items-end gap-4" data-testid="audit-filters">
          <div className="space-y-1">
            <label htmlFor="af-actor" className="block font-medium">{t('users.auditActor')}</label>
            <select id="af-actor" name="actorId" defaultValue={raw.actorId ?? ''} aria-invalid={bad('actorId')} className={`${inputClass} max-w-xs`}>
              <option value="">{t('users.auditAnyActor')}</option>
              {actors.map((a) => <option key={a.id} value={a.id}>{a.name} — {a.email}{a.isActive ? '' : ` (${t('users.inactive')})`}</option>)}
            </select>
          </div>
          <div className="space-y-1">
            <label htmlFor="af-action" className="block font-medium">{t('users.auditAction')}</label>
            <select id="af-action" name="action" defaultValue={raw.action ?? ''} aria-invalid={bad('action')} className={inputClass}>
              <option value="">{t('users.auditAnyAction')}</option>
              {actionOptions.map((a) => <option key={a} value={a}>{a}</option>)}
            </select>
          </div>
          <div className="space-y-1">
            <label htmlFor="af-municipality" className="block font-medium">{t('users.auditMunicipality')}</label>
            <select id="af-municipality" name="municipalitySlug" defaultValue={raw.municipalitySlug ?? ''} aria-invalid={bad('municipalitySlug')} className={`${inputClass} max-w-xs`}>
              <option value="">{t('users.anyMunicipality')}</option>
              {municipalities.map((m) => <option key={m.slug} value={m.slug}>{m.nameLv}</option>)}
            </select>
          </div>
          <div className="space-y-1">
            <label htmlFor="af-from" className="block font-medium">{t('users.auditFrom')}</label>
            <input id="af-from" name="from" type="date" defaultValue={raw.from ?? ''} aria-invalid={bad('from')} className={inputClass} />
          </div>
          <div className="space-y-1">
            <label htmlFor="af-to" className="block font-medium">{t('users.auditTo')}</label>
            <input id="af-to" name="to" type="date" defaultValue={raw.to ?? ''} aria-invalid={bad('to')} className={inputClass} />
          </div>
          <button type="submit" className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark">{t('users.filter')}</button>
          <Link href={`/${locale}/staff/audit`} className="py-2">{t('users.clearFilters')}</Link>
        </form>
        {errors.length ? (
          <div role="alert" className="rounded border border-bad bg-bad-bg p-3 text-bad" data-testid="filter-error">
            <p>{t('users.filtersInvalid')}</p>
            <ul className="list-inside list-disc">
              {errors.map((e, i) => <li key={`${e.field}-${i}`}>{e.field in FILTER_LABEL ? t(FILTER_LABEL[e.field as keyof typeof FILTER_LABEL]) : e.field}: {e.message}</li>)}
            </ul>
          </div>
        ) : null}
      </section>

      {result && parsed.success ? (
        <section aria-labelledby="audit-results" className="space-y-3">
          <h2 id="audit-results" className="text-2xl font-semibold">{t('users.auditResultsHeading')}</h2>
          <p data-testid="audit-count">{t('users.auditCount', { count: formatNumber(locale, result.total) })}</p>
          {result.rows.length === 0 ? <p>{t('users.auditNone')}</p> : (
            <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="audit-results">
              <table className="data" data-testid="audit-events">
                <thead>
                  <tr>
                    <th scope="col">{t('users.colTime')}</th>
                    <th scope="col">{t('users.colActor')}</th>
                    <th scope="col">{t('users.colAction')}</th>
                    <th scope="col">{t('users.colMunicipality')}</th>
                    <th scope="col">{t('users.colSubject')}</th>
                    <th scope="col">{t('users.colDetails')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.rows.map((row) => <AuditTableRow key={row.id} row={row} locale={locale} t={t} />)}
                </tbody>
              </table>
            </div>
          )}
          {result.pageCount > 1 ? (
            <nav aria-label={t('users.pagination')} className="flex flex-wrap items-center gap-4" data-testid="audit-pagination">
              {result.page > 1 ? <Link href={href(parsed.data, result.page - 1)} rel="prev">← {t('users.previous')}</Link> : null}
              <span aria-current="page">{t('users.pageOf', { page: result.page, pages: result.pageCount })}</span>
              {result.page < result.pageCount ? <Link href={href(parsed.data, result.page + 1)} rel="next">{t('users.next')} →</Link> : null}
            </nav>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

function AuditTableRow({ row, locale, t }: { row: AuditRow; locale: Locale; t: Translate }) {
  const hasDetails = row.before !== null || row.after !== null;
  return (
    <tr data-testid="audit-row" data-action={row.action}>
      <td><time dateTime={row.at.toISOString()}>{formatDateTime(locale, row.at)}</time></td>
      <td>
        {row.actor ? (
          <>
            <span className="block">{row.actor.name}</span>
            <span className="block text-sm">{row.actor.email}</span>
            <span className="block text-sm text-muted">{row.actorRole ? t('users.auditRoleAtTime', { role: t(`roles.${row.actorRole}`) }) : t(`roles.${row.actor.role}`)}</span>
          </>
        ) : <span className="text-muted">{t('users.auditNoActor')}</span>}
      </td>
      <td><code>{row.action}</code></td>
      <td>{row.municipality?.nameLv ?? ''}</td>
      <td><code className="break-all text-sm">{row.subjectType}{row.subjectId ? ` ${row.subjectId}` : ''}</code></td>
      <td>
        {hasDetails ? (
          <details>
            <summary className="cursor-pointer">{t('users.showDetails')}<span className="sr-only">: {row.action}, {formatDateTime(locale, row.at)}</span></summary>
            {row.before !== null ? (<><p className="mt-2 font-medium">{t('users.before')}</p><pre className="max-w-md overflow-x-auto whitespace-pre-wrap break-all text-sm">{JSON.stringify(row.before, null, 2)}</pre></>) : null}
            {row.after !== null ? (<><p className="mt-2 font-medium">{t('users.after')}</p><pre className="max-w-md overflow-x-auto whitespace-pre-wrap break-all text-sm">{JSON.stringify(row.after, null, 2)}</pre></>) : null}
          </details>
        ) : null}
      </td>
    </tr>
  );
}

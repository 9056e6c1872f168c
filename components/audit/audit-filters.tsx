import Link from 'next/link';
import type { Translate } from '@/lib/i18n';

const FILTER_LABEL = {
  actorId: 'users.auditActor',
  actorEmail: 'users.auditActor',
  action: 'users.auditAction',
  municipalitySlug: 'users.auditMunicipality',
  from: 'users.auditFrom',
  to: 'users.auditTo',
} as const;
const inputClass = 'rounded border border-gray-500 px-3 py-2';

type Actor = { id: string; name: string; email: string; isActive: boolean };
export type FilterError = { field: string; message: string };

/** The audit log's filter form (a plain GET form) and, when the filters do not parse, the errors naming each field. */
export function AuditFilters({
  locale,
  raw,
  errors,
  actors,
  actions,
  municipalities,
  t,
}: {
  locale: string;
  raw: Record<string, string | undefined>;
  errors: FilterError[];
  actors: Actor[];
  actions: string[];
  municipalities: { slug: string; nameLv: string }[];
  t: Translate;
}) {
  const bad = (field: string) => (errors.some((e) => e.field === field) ? true : undefined);
  return (
    <section aria-labelledby="audit-filters" className="space-y-3">
      <h2 id="audit-filters" className="text-2xl font-semibold">
        {t('users.auditFiltersHeading')}
      </h2>
      <form method="get" action={`/${locale}/staff/audit`} className="flex flex-wrap items-end gap-4" data-testid="audit-filters">
        <div className="space-y-1">
          <label htmlFor="af-actor" className="block font-medium">
            {t('users.auditActor')}
          </label>
          <select id="af-actor" name="actorId" defaultValue={raw.actorId ?? ''} aria-invalid={bad('actorId')} className={`${inputClass} max-w-xs`}>
            <option value="">{t('users.auditAnyActor')}</option>
            {actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} — {a.email}
                {a.isActive ? '' : ` (${t('users.inactive')})`}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="af-action" className="block font-medium">
            {t('users.auditAction')}
          </label>
          <select id="af-action" name="action" defaultValue={raw.action ?? ''} aria-invalid={bad('action')} className={inputClass}>
            <option value="">{t('users.auditAnyAction')}</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="af-municipality" className="block font-medium">
            {t('users.auditMunicipality')}
          </label>
          <select
            id="af-municipality"
            name="municipalitySlug"
            defaultValue={raw.municipalitySlug ?? ''}
            aria-invalid={bad('municipalitySlug')}
            className={`${inputClass} max-w-xs`}
          >
            <option value="">{t('users.anyMunicipality')}</option>
            {municipalities.map((m) => (
              <option key={m.slug} value={m.slug}>
                {m.nameLv}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="af-from" className="block font-medium">
            {t('users.auditFrom')}
          </label>
          <input id="af-from" name="from" type="date" defaultValue={raw.from ?? ''} aria-invalid={bad('from')} className={inputClass} />
        </div>
        <div className="space-y-1">
          <label htmlFor="af-to" className="block font-medium">
            {t('users.auditTo')}
          </label>
          <input id="af-to" name="to" type="date" defaultValue={raw.to ?? ''} aria-invalid={bad('to')} className={inputClass} />
        </div>
        <button type="submit" className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark">
          {t('users.filter')}
        </button>
        <Link href={`/${locale}/staff/audit`} className="py-2">
          {t('users.clearFilters')}
        </Link>
      </form>
      {errors.length ? (
        <div role="alert" className="rounded border border-bad bg-bad-bg p-3 text-bad" data-testid="filter-error">
          <p>{t('users.filtersInvalid')}</p>
          <ul className="list-inside list-disc">
            {errors.map((e, i) => (
              <li key={`${e.field}-${i}`}>
                {e.field in FILTER_LABEL ? t(FILTER_LABEL[e.field as keyof typeof FILTER_LABEL]) : e.field}: {e.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

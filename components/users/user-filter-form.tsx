import type { Locale, Translate } from '@/lib/i18n';
import { ROLES } from '@/lib/authz';
import { USER_ACTIVITY } from '@/lib/schemas/users';
import { FilterButtons, FilterErrors, FilterField, filterBinding, type FilterError } from '@/components/ui/filter-fields';

/** The GET form that filters the account list (no JavaScript needed), and the errors of filters that did not parse. */
export function UserFilterForm({
  locale,
  t,
  raw,
  municipalities,
  errors,
}: {
  locale: Locale;
  t: Translate;
  raw: Record<string, string | undefined>;
  municipalities: { slug: string; nameLv: string }[];
  errors: FilterError[];
}) {
  const labels = { role: t('users.role'), municipality: t('users.filterMunicipality'), active: t('users.activity'), q: t('users.search') };
  const field = filterBinding(raw, errors, labels);
  return (
    <>
      <form method="get" action={`/${locale}/staff/users`} className="flex flex-wrap items-end gap-4" aria-labelledby="user-filters">
        <h3 id="user-filters" className="sr-only">
          {t('users.filtersHeading')}
        </h3>
        <FilterField id="uf-q" {...field('q')} type="search" maxLength={100} />
        <FilterField id="uf-role" {...field('role')} any={t('users.anyRole')} options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
        <FilterField
          id="uf-active"
          {...field('active')}
          any={t('users.anyActivity')}
          options={USER_ACTIVITY.map((a) => ({ value: a, label: t(`users.${a}`) }))}
        />
        <FilterField
          id="uf-municipality"
          {...field('municipality')}
          any={t('users.anyMunicipality')}
          options={municipalities.map((m) => ({ value: m.slug, label: m.nameLv }))}
        />
        <FilterButtons href={`/${locale}/staff/users`} t={t} />
      </form>
      <FilterErrors errors={errors} labels={labels} t={t} />
    </>
  );
}

import type { Locale, Translate } from '@/lib/i18n';
import { ROLES } from '@/lib/authz';
import { USER_ACTIVITY } from '@/lib/schemas/users';
import { FilterButtons, FilterErrors, FilterField, invalidFor, type FilterError } from '@/components/ui/filter-fields';

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
  const bad = invalidFor(errors);
  const labels = { role: t('users.role'), municipality: t('users.filterMunicipality'), active: t('users.activity'), q: t('users.search') };
  return (
    <>
      <form method="get" action={`/${locale}/staff/users`} className="flex flex-wrap items-end gap-4" aria-labelledby="user-filters">
        <h3 id="user-filters" className="sr-only">
          {t('users.filtersHeading')}
        </h3>
        <FilterField id="uf-q" name="q" type="search" label={labels.q} defaultValue={raw.q ?? ''} maxLength={100} invalid={bad('q')} />
        <FilterField
          id="uf-role"
          name="role"
          label={labels.role}
          defaultValue={raw.role ?? ''}
          invalid={bad('role')}
          any={t('users.anyRole')}
          options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        />
        <FilterField
          id="uf-active"
          name="active"
          label={labels.active}
          defaultValue={raw.active ?? ''}
          invalid={bad('active')}
          any={t('users.anyActivity')}
          options={USER_ACTIVITY.map((a) => ({ value: a, label: t(`users.${a}`) }))}
        />
        <FilterField
          id="uf-municipality"
          name="municipality"
          label={labels.municipality}
          defaultValue={raw.municipality ?? ''}
          invalid={bad('municipality')}
          any={t('users.anyMunicipality')}
          options={municipalities.map((m) => ({ value: m.slug, label: m.nameLv }))}
        />
        <FilterButtons href={`/${locale}/staff/users`} t={t} />
      </form>
      <FilterErrors errors={errors} labels={labels} t={t} />
    </>
  );
}

import type { Translate } from '@/lib/i18n';
import { FilterButtons, FilterErrors, FilterField, filterBinding, type FilterError } from '@/components/ui/filter-fields';
import { Section } from '@/components/ui/section';

type Actor = { id: string; name: string; email: string; isActive: boolean };

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
  const labels = {
    actorId: t('users.auditActor'),
    actorEmail: t('users.auditActor'),
    action: t('users.auditAction'),
    municipalitySlug: t('users.auditMunicipality'),
    from: t('users.auditFrom'),
    to: t('users.auditTo'),
  };
  const field = filterBinding(raw, errors, labels);
  return (
    <Section id="audit-filters" heading={t('users.auditFiltersHeading')} className="space-y-3">
      <form method="get" action={`/${locale}/staff/audit`} className="flex flex-wrap items-end gap-4" data-testid="audit-filters">
        <FilterField
          id="af-actor"
          {...field('actorId')}
          wide
          any={t('users.auditAnyActor')}
          options={actors.map((a) => ({
            value: a.id,
            label: (
              <>
                {a.name} — {a.email}
                {a.isActive ? '' : ` (${t('users.inactive')})`}
              </>
            ),
          }))}
        />
        <FilterField id="af-action" {...field('action')} any={t('users.auditAnyAction')} options={actions.map((a) => ({ value: a, label: a }))} />
        <FilterField
          id="af-municipality"
          {...field('municipalitySlug')}
          wide
          any={t('users.anyMunicipality')}
          options={municipalities.map((m) => ({ value: m.slug, label: m.nameLv }))}
        />
        <FilterField id="af-from" {...field('from')} type="date" />
        <FilterField id="af-to" {...field('to')} type="date" />
        <FilterButtons href={`/${locale}/staff/audit`} t={t} />
      </form>
      <FilterErrors errors={errors} labels={labels} t={t} />
    </Section>
  );
}

import Link from 'next/link';
import type { Translate } from '@/lib/i18n';

export { FilterField } from './filter-field';

export type FilterError = { field: string; message: string };

/**
 * Binds the fields of a filter form to the submitted values and their errors: `field(name)` gives a field's name,
 * label, value as submitted, and `invalid` when an error names it.
 */
export function filterBinding<N extends string>(raw: Record<string, string | undefined>, errors: { field: string }[], labels: Record<N, string>) {
  return (name: N) => ({
    name,
    label: labels[name],
    defaultValue: raw[name] ?? '',
    invalid: errors.some((e) => e.field === name) ? (true as const) : undefined,
  });
}

/** The submit button and the "clear filters" link that end a filter form. */
export function FilterButtons({ href, t }: { href: string; t: Translate }) {
  return (
    <>
      <button type="submit" className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark">
        {t('users.filter')}
      </button>
      <Link href={href} className="py-2">
        {t('users.clearFilters')}
      </Link>
    </>
  );
}

/** The alert that lists the filters that did not parse, each under its field's label. */
export function FilterErrors({ errors, labels, t }: { errors: FilterError[]; labels: Record<string, string>; t: Translate }) {
  if (!errors.length) return null;
  return (
    <div role="alert" className="rounded border border-bad bg-bad-bg p-3 text-bad" data-testid="filter-error">
      <p>{t('users.filtersInvalid')}</p>
      <ul className="list-inside list-disc">
        {errors.map((e, i) => (
          <li key={`${e.field}-${i}`}>
            {Object.hasOwn(labels, e.field) ? labels[e.field] : e.field}: {e.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * A sortable column header: a plain link that sorts by `column` (ascending, or flips the direction when it is the
 * active column), `aria-sort` on the active one and a text-free arrow beside the label. The default sort, by name
 * ascending, is left out of the link's query.
 */
export function SortHeader<C extends string>({
  column,
  label,
  sortLabel,
  sort,
  dir,
  href,
}: {
  column: C;
  label: string;
  /** The link's accessible name ("Sort by …"). */
  sortLabel: string;
  sort: C;
  dir: 'asc' | 'desc';
  href: (patch: { sort: C | undefined; dir: 'desc' | undefined }) => string;
}) {
  const active = sort === column;
  const next = active && dir === 'asc' ? 'desc' : 'asc';
  return (
    <th scope="col" aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}>
      <a href={href({ sort: column === 'name' ? undefined : column, dir: next === 'asc' ? undefined : next })} aria-label={sortLabel}>
        {label} <span aria-hidden="true">{active ? (dir === 'asc' ? '▲' : '▼') : '↕'}</span>
      </a>
    </th>
  );
}

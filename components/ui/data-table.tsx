import type { ReactNode } from 'react';

/**
 * A data table in its own focusable, labelled scroll container (wide tables scroll there, not the page): the header
 * row from `columns`, the body rows as children. Name the region by a heading (`labelledBy`) or a text (`label`).
 * A narrow table may go without the container (`scroll={false}`). Header cells that are more than a label (sortable
 * headers, a column shown only sometimes) come whole as `headerCells` instead of `columns`.
 */
export function DataTable({
  labelledBy,
  label,
  testId,
  caption,
  columns = [],
  headerCells,
  children,
  scroll = true,
}: {
  labelledBy?: string;
  label?: string;
  testId?: string;
  caption?: string;
  columns?: ReactNode[];
  headerCells?: ReactNode;
  children: ReactNode;
  scroll?: boolean;
}) {
  const table = (
    <table className="data" data-testid={testId}>
      {caption ? <caption className="sr-only">{caption}</caption> : null}
      <thead>
        <tr>
          {headerCells ??
            columns.map((c, i) => (
              <th key={i} scope="col">
                {c}
              </th>
            ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
  if (!scroll) return table;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={labelledBy} aria-label={label}>
      {table}
    </div>
  );
}

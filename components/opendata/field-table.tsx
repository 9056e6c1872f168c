import type { Translate } from '@/lib/i18n';
import { typeLabel, type JsonSchema } from '@/lib/opendata/fields';

/** The fields of one open-data table: name, JSON type and what it means, in the page's language. */
export function FieldTable({
  id,
  caption,
  fields,
  t,
  describe,
}: {
  id: string;
  caption: string;
  fields: readonly { name: string; schema: JsonSchema }[];
  t: Translate;
  describe: (name: string) => string;
}) {
  return (
    <div className="mb-8 overflow-x-auto" role="region" aria-labelledby={id} tabIndex={0}>
      <table className="data" data-testid={id}>
        <caption id={id} className="mb-2 text-left text-lg font-semibold">
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('opendata.colField')}</th>
            <th scope="col">{t('opendata.colType')}</th>
            <th scope="col">{t('opendata.colDescription')}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => (
            <tr key={f.name}>
              <th scope="row" className="font-normal">
                <code translate="no">{f.name}</code>
              </th>
              <td>
                <code translate="no">{typeLabel(f.schema)}</code>
              </td>
              <td>{describe(f.name)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

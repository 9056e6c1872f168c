import { DataTable } from '@/components/ui/data-table';
import type { MessageKey, Translate } from '@/lib/i18n';
import { DATA_ENDPOINTS, FORMAT_LABEL, resourceLabelKey } from '@/lib/opendata/endpoints';

/** Every open-data address with what it holds and its format. */
export function EndpointTable({ t }: { t: Translate }) {
  return (
    <div className="overflow-x-auto">
      <DataTable scroll={false} testId="endpoint-table" columns={[t('opendata.colData'), t('opendata.colFormat'), t('opendata.colAddress')]}>
        {DATA_ENDPOINTS.map((e) => (
          <tr key={e.path}>
            <th scope="row" className="font-normal">
              {t(resourceLabelKey(e) as MessageKey)}
            </th>
            <td>
              {FORMAT_LABEL[e.format]} <span className="text-sm text-muted">({e.mediaType})</span>
            </td>
            <td>
              <a href={e.path}>
                <code translate="no">{e.path}</code>
              </a>
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}

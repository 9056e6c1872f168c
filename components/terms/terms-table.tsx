import { formatDate, formatDateTime, type Locale, type Translate } from '@/lib/i18n';
import type { listTermsForStaff } from '@/lib/terms/open';
import { DataTable } from '@/components/ui/data-table';

type Term = Awaited<ReturnType<typeof listTermsForStaff>>[number];

/** The council terms for staff: election day with its source, dates, whether opened, municipalities and joins. */
export function TermsTable({ terms, locale, t }: { terms: Term[]; locale: Locale; t: Translate }) {
  return (
    <DataTable
      label={t('terms.title')}
      testId="terms-table"
      columns={[t('terms.colTerm'), t('terms.colElection'), t('terms.colDates'), t('terms.colState'), t('terms.colMunicipalities'), t('terms.colJoined')]}
    >
      {terms.map((x) => (
        <tr key={x.slug} data-term={x.slug}>
          <th scope="row" className="font-normal">
            {x.label}
            {x.isCurrent ? ` (${t('terms.current')})` : ''}
          </th>
          <td>
            {formatDate(locale, x.electionDay)}
            {x.citation ? (
              <span className="block text-sm">
                {x.citation.url ? (
                  <a href={x.citation.url} hrefLang={x.citation.language}>
                    {x.citation.title}
                  </a>
                ) : (
                  x.citation.title
                )}{' '}
                ({x.citation.publisher})
              </span>
            ) : null}
          </td>
          <td>
            {formatDate(locale, x.startsOn)} – {formatDate(locale, x.endsOn)}
          </td>
          <td>{x.openedAt ? t('terms.opened', { date: formatDateTime(locale, x.openedAt) }) : t('terms.notOpened')}</td>
          <td>{x.municipalities}</td>
          <td>{x.joined}</td>
        </tr>
      ))}
    </DataTable>
  );
}

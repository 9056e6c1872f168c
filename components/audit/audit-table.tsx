import { DataTable } from '@/components/ui/data-table';
import { formatDateTime, type Locale, type Translate } from '@/lib/i18n';
import type { AuditRow } from '@/lib/audit/query';

/** One page of audit events, in a scrolling region of its own; each event's before/after state behind a disclosure. */
export function AuditTable({ rows, locale, t }: { rows: AuditRow[]; locale: Locale; t: Translate }) {
  return (
    <DataTable
      labelledBy="audit-results"
      testId="audit-events"
      columns={[t('users.colTime'), t('users.colActor'), t('users.colAction'), t('users.colMunicipality'), t('users.colSubject'), t('users.colDetails')]}
    >
      {rows.map((row) => (
        <AuditTableRow key={row.id} row={row} locale={locale} t={t} />
      ))}
    </DataTable>
  );
}

function AuditTableRow({ row, locale, t }: { row: AuditRow; locale: Locale; t: Translate }) {
  const hasDetails = row.before !== null || row.after !== null;
  return (
    <tr data-testid="audit-row" data-action={row.action}>
      <td>
        <time dateTime={row.at.toISOString()}>{formatDateTime(locale, row.at)}</time>
      </td>
      <td>
        {row.actor ? (
          <>
            <span className="block">{row.actor.name}</span>
            <span className="block text-sm">{row.actor.email}</span>
            <span className="block text-sm text-muted">
              {row.actorRole ? t('users.auditRoleAtTime', { role: t(`roles.${row.actorRole}`) }) : t(`roles.${row.actor.role}`)}
            </span>
          </>
        ) : (
          <span className="text-muted">{t('users.auditNoActor')}</span>
        )}
      </td>
      <td>
        <code>{row.action}</code>
      </td>
      <td>{row.municipality?.nameLv ?? ''}</td>
      <td>
        <code className="break-all text-sm">
          {row.subjectType}
          {row.subjectId ? ` ${row.subjectId}` : ''}
        </code>
      </td>
      <td>
        {hasDetails ? (
          <details>
            <summary className="cursor-pointer">
              {t('users.showDetails')}
              <span className="sr-only">
                : {row.action}, {formatDateTime(locale, row.at)}
              </span>
            </summary>
            {row.before !== null ? (
              <>
                <p className="mt-2 font-medium">{t('users.before')}</p>
                <pre className="max-w-md overflow-x-auto whitespace-pre-wrap break-all text-sm">{JSON.stringify(row.before, null, 2)}</pre>
              </>
            ) : null}
            {row.after !== null ? (
              <>
                <p className="mt-2 font-medium">{t('users.after')}</p>
                <pre className="max-w-md overflow-x-auto whitespace-pre-wrap break-all text-sm">{JSON.stringify(row.after, null, 2)}</pre>
              </>
            ) : null}
          </details>
        ) : null}
      </td>
    </tr>
  );
}

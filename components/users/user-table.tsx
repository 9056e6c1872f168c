import { formatDateTime, type Locale, type Translate } from '@/lib/i18n';
import { isMunicipalRole, type Actor } from '@/lib/authz';
import { canManageUser, type listMoveTargets, type listUsers } from '@/lib/users/manage';
import { DataTable } from '@/components/ui/data-table';
import { UserStatusAction } from '@/components/users/user-status-action';
import { MoveSecretaryForm } from '@/components/users/move-secretary-form';

type UserRow = Awaited<ReturnType<typeof listUsers>>['users'][number];

/** The account list: name, e-mail, role, municipality, active or since when not, last sign-in, and the actions the viewer may take. */
export function UserTable({
  users,
  viewer,
  mayMove,
  moveTargets,
  locale,
  t,
}: {
  users: UserRow[];
  viewer: Actor;
  mayMove: boolean;
  moveTargets: Awaited<ReturnType<typeof listMoveTargets>>;
  locale: Locale;
  t: Translate;
}) {
  return (
    <DataTable
      labelledBy="accounts"
      testId="users"
      columns={[
        t('users.colName'),
        t('users.colEmail'),
        t('users.colRole'),
        t('users.colMunicipality'),
        t('users.colStatus'),
        t('users.colLastSignIn'),
        t('users.colActions'),
      ]}
    >
      {users.map((u) => (
        <tr key={u.id} data-testid="user-row" data-email={u.email} data-active={u.isActive ? 'true' : 'false'}>
          <th scope="row" className="font-normal">
            {u.name}
          </th>
          <td>{u.email}</td>
          <td>{t(`roles.${u.role}`)}</td>
          <td>{u.municipality?.nameLv ?? ''}</td>
          <td>
            {u.isActive ? (
              <span className="inline-flex items-center gap-1 rounded bg-ok-bg px-2 py-0.5 text-sm font-medium text-ok">
                <span aria-hidden="true">✓</span>
                {t('users.active')}
              </span>
            ) : (
              <span className="inline-flex items-center gap-1 rounded bg-off-bg px-2 py-0.5 text-sm font-medium text-off">
                <span aria-hidden="true">✕</span>
                {u.deactivatedAt ? t('users.inactiveSince', { at: formatDateTime(locale, u.deactivatedAt) }) : t('users.inactive')}
              </span>
            )}
          </td>
          <td>{u.lastSignInAt ? formatDateTime(locale, u.lastSignInAt) : t('users.never')}</td>
          <td className="space-y-3">
            {u.id === viewer.id ? <p>{t('users.you')}</p> : null}
            {canManageUser(viewer, u) ? (
              <UserStatusAction
                locale={locale}
                userId={u.id}
                email={u.email}
                version={u.sessionVersion}
                isActive={u.isActive}
                labels={{
                  deactivate: t('users.deactivate'),
                  confirm: t('users.deactivateConfirm', { email: u.email }),
                  yes: t('users.deactivateYes'),
                  cancel: t('users.cancel'),
                  reactivate: t('users.reactivate'),
                  deactivated: t('users.deactivated'),
                  reactivated: t('users.reactivated'),
                }}
              />
            ) : null}
            {mayMove && isMunicipalRole(u.role) && u.id !== viewer.id ? (
              <MoveSecretaryForm
                locale={locale}
                userId={u.id}
                email={u.email}
                version={u.sessionVersion}
                currentSlug={u.municipality?.slug ?? null}
                municipalities={moveTargets}
                labels={{ label: t('users.moveTo'), choose: t('users.chooseMunicipality'), submit: t('users.move'), moved: t('users.moved') }}
              />
            ) : null}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

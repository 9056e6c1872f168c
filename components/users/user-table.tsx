import { formatDateTime, type Locale, type Translate } from '@/lib/i18n';
import { isMunicipalRole, type Actor } from '@/lib/authz';
import { canManageUser, type listMoveTargets, type listUsers } from '@/lib/users/manage';
import { DataTable } from '@/components/ui/data-table';
import { UserStatusAction } from '@/components/users/user-status-action';
import { MoveSecretaryForm } from '@/components/users/move-secretary-form';

type UserRow = Awaited<ReturnType<typeof listUsers>>['users'][number];
/** Who is looking and what they may do, the same for every row. */
type RowContext = {
  viewer: Actor;
  mayMove: boolean;
  moveTargets: Awaited<ReturnType<typeof listMoveTargets>>;
  locale: Locale;
  t: Translate;
};

/** The account list: name, e-mail, role, municipality, active or since when not, last sign-in, and the actions the viewer may take. */
export function UserTable({ users, viewer, mayMove, moveTargets, locale, t }: RowContext & { users: UserRow[] }) {
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
            <ActiveState user={u} locale={locale} t={t} />
          </td>
          <td>{u.lastSignInAt ? formatDateTime(locale, u.lastSignInAt) : t('users.never')}</td>
          <td className="space-y-3">
            <UserActions user={u} viewer={viewer} mayMove={mayMove} moveTargets={moveTargets} locale={locale} t={t} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

/** Active, or inactive (since when, if known), in words and a mark, not by colour alone. */
function ActiveState({ user, locale, t }: { user: UserRow; locale: Locale; t: Translate }) {
  return user.isActive ? (
    <span className="inline-flex items-center gap-1 rounded bg-ok-bg px-2 py-0.5 text-sm font-medium text-ok">
      <span aria-hidden="true">✓</span>
      {t('users.active')}
    </span>
  ) : (
    <span className="inline-flex items-center gap-1 rounded bg-off-bg px-2 py-0.5 text-sm font-medium text-off">
      <span aria-hidden="true">✕</span>
      {user.deactivatedAt ? t('users.inactiveSince', { at: formatDateTime(locale, user.deactivatedAt) }) : t('users.inactive')}
    </span>
  );
}

/** What the viewer may do to one account: deactivate or reactivate it, move a secretary; "you" on their own row. */
function UserActions({ user, viewer, mayMove, moveTargets, locale, t }: RowContext & { user: UserRow }) {
  return (
    <>
      {user.id === viewer.id ? <p>{t('users.you')}</p> : null}
      {canManageUser(viewer, user) ? (
        <UserStatusAction
          locale={locale}
          userId={user.id}
          email={user.email}
          version={user.sessionVersion}
          isActive={user.isActive}
          labels={{
            deactivate: t('users.deactivate'),
            confirm: t('users.deactivateConfirm', { email: user.email }),
            yes: t('users.deactivateYes'),
            cancel: t('users.cancel'),
            reactivate: t('users.reactivate'),
            deactivated: t('users.deactivated'),
            reactivated: t('users.reactivated'),
          }}
        />
      ) : null}
      {mayMove && isMunicipalRole(user.role) && user.id !== viewer.id ? (
        <MoveSecretaryForm
          locale={locale}
          userId={user.id}
          email={user.email}
          version={user.sessionVersion}
          currentSlug={user.municipality?.slug ?? null}
          municipalities={moveTargets}
          labels={{ label: t('users.moveTo'), choose: t('users.chooseMunicipality'), submit: t('users.move'), moved: t('users.moved') }}
        />
      ) : null}
    </>
  );
}

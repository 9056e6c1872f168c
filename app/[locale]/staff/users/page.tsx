import Link from 'next/link';
import { pageLocale, privatePageMetadata } from '@/lib/i18n/page';
import { formatDateTime, type Locale, type Translate } from '@/lib/i18n';
import { translateKey } from '@/lib/i18n/request';
import { requirePagePermission, requirePageUser } from '@/lib/auth/guard';
import { can, isMunicipalRole, ROLES } from '@/lib/authz';
import { listMunicipalityOptions } from '@/lib/municipalities/queries';
import { listInvitations } from '@/lib/users/invitations';
import { canManageUser, listMoveTargets, listUsers } from '@/lib/users/manage';
import { USER_ACTIVITY, ZUserFilterSchema, type TUserFilter } from '@/lib/schemas/users';
import { StaffNav } from '@/components/staff-nav';
import { InviteForm } from '@/components/forms/invite-form';
import { InvitationActions } from '@/components/users/invitation-actions';
import { UserStatusAction } from '@/components/users/user-status-action';
import { MoveSecretaryForm } from '@/components/users/move-secretary-form';

export const dynamic = 'force-dynamic';
export const generateMetadata = privatePageMetadata('users.title');

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const STATE_KEY = {
  valid: 'invite.statePending',
  used: 'invite.stateAccepted',
  expired: 'invite.stateExpired',
  revoked: 'invite.stateRevoked',
  invalid: 'invite.invalid',
} as const;
const FILTER_LABEL = { role: 'users.role', municipality: 'users.filterMunicipality', active: 'users.activity', q: 'users.search' } as const;
const inputClass = 'rounded border border-gray-500 px-3 py-2';

export default async function UsersPage({ params, searchParams }: Props) {
  const { locale, t } = await pageLocale(params);
  const user = await requirePageUser(locale, `/${locale}/staff/users`);
  requirePagePermission(user, 'user.list');
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, first(v)]));
  const parsed = ZUserFilterSchema.safeParse(raw);
  const filters: TUserFilter = parsed.success ? parsed.data : {};
  const filterErrors = parsed.success
    ? []
    : parsed.error.issues
        .filter((i, n, all) => all.findIndex((j) => j.path[0] === i.path[0]) === n)
        .map((i) => ({ field: String(i.path[0] ?? ''), message: translateKey(locale, i.message) }));
  const [options, moveTargets, invitations, list] = await Promise.all([
    listMunicipalityOptions(),
    can(user, 'user.manage-secretary') ? listMoveTargets({ actor: user }) : Promise.resolve([]),
    can(user, 'invitation.list') ? listInvitations({ actor: user }) : Promise.resolve(null),
    parsed.success ? listUsers({ actor: user, filters }) : Promise.resolve(null),
  ]);
  const mayManageInvitations = can(user, 'invitation.manage');
  const mayMove = can(user, 'user.manage-secretary');
  const lang = (l: string) => t(l === 'en' ? 'users.languageEn' : 'users.languageLv');
  return (
    <div className="space-y-10">
      <StaffNav locale={locale} user={user} current="users" t={t} />
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">{t('users.title')}</h1>
        <p className="max-w-3xl">{t('users.lead')}</p>
      </div>

      {can(user, 'invitation.create') ? (
        <section aria-labelledby="invite" className="space-y-4">
          <h2 id="invite" className="text-2xl font-semibold">
            {t('users.inviteHeading')}
          </h2>
          <InviteForm
            locale={locale}
            municipalities={options}
            labels={{
              email: t('invite.colEmail'),
              name: t('invite.name'),
              municipality: t('invite.municipality'),
              choose: t('invite.chooseMunicipality'),
              send: t('invite.send'),
              created: t('invite.created'),
            }}
            languages={{
              label: t('users.inviteLanguage'),
              hint: t('users.inviteLanguageHint'),
              options: { lv: t('users.languageLv'), en: t('users.languageEn') },
            }}
          />
        </section>
      ) : null}

      {invitations ? (
        <section aria-labelledby="invitations" className="space-y-3">
          <h2 id="invitations" className="text-2xl font-semibold">
            {t('users.invitationsHeading')}
          </h2>
          {invitations.length === 0 ? (
            <p>{t('invite.none')}</p>
          ) : (
            <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="invitations">
              <table className="data" data-testid="invitations">
                <thead>
                  <tr>
                    <th scope="col">{t('invite.colEmail')}</th>
                    <th scope="col">{t('invite.colMunicipality')}</th>
                    <th scope="col">{t('users.colLanguage')}</th>
                    <th scope="col">{t('invite.colState')}</th>
                    <th scope="col">{t('invite.colExpires')}</th>
                    <th scope="col">{t('users.colSent')}</th>
                    <th scope="col">{t('users.colActions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {invitations.map((i) => (
                    <tr key={i.id} data-testid="invitation-row" data-email={i.email} data-state={i.state}>
                      <td>
                        {i.email}
                        {i.name ? <span className="block text-sm text-muted">{i.name}</span> : null}
                      </td>
                      <td>{i.municipality?.nameLv ?? ''}</td>
                      <td>{lang(i.locale)}</td>
                      <td>{t(STATE_KEY[i.state])}</td>
                      <td>{formatDateTime(locale, i.expiresAt)}</td>
                      <td>{t('users.sentTimes', { count: i.sentCount, at: formatDateTime(locale, i.lastSentAt ?? i.createdAt) })}</td>
                      <td>
                        {mayManageInvitations && (i.state === 'valid' || i.state === 'expired') ? (
                          <InvitationActions
                            locale={locale}
                            id={i.id}
                            email={i.email}
                            labels={{ resend: t('users.resend'), revoke: t('users.revoke'), resent: t('users.resent'), revoked: t('users.revokedDone') }}
                          />
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}

      <section aria-labelledby="accounts" className="space-y-4">
        <h2 id="accounts" className="text-2xl font-semibold">
          {t('users.usersHeading')}
        </h2>
        <UserFilterForm locale={locale} t={t} raw={raw} municipalities={options} errors={filterErrors} />
        {filterErrors.length ? (
          <div role="alert" className="rounded border border-bad bg-bad-bg p-3 text-bad" data-testid="filter-error">
            <p>{t('users.filtersInvalid')}</p>
            <ul className="list-inside list-disc">
              {filterErrors.map((e) => (
                <li key={e.field}>
                  {e.field in FILTER_LABEL ? t(FILTER_LABEL[e.field as keyof typeof FILTER_LABEL]) : e.field}: {e.message}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {list ? (
          <>
            <p data-testid="user-count">
              {t('users.userCount', { count: list.users.length })}
              {list.truncated ? ` ${t('users.truncated', { count: list.users.length })}` : ''}
            </p>
            {list.users.length === 0 ? (
              <p>{t('users.noUsers')}</p>
            ) : (
              <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="accounts">
                <table className="data" data-testid="users">
                  <thead>
                    <tr>
                      <th scope="col">{t('users.colName')}</th>
                      <th scope="col">{t('users.colEmail')}</th>
                      <th scope="col">{t('users.colRole')}</th>
                      <th scope="col">{t('users.colMunicipality')}</th>
                      <th scope="col">{t('users.colStatus')}</th>
                      <th scope="col">{t('users.colLastSignIn')}</th>
                      <th scope="col">{t('users.colActions')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.users.map((u) => (
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
                          {u.id === user.id ? <p>{t('users.you')}</p> : null}
                          {canManageUser(user, u) ? (
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
                          {mayMove && isMunicipalRole(u.role) && u.id !== user.id ? (
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
                  </tbody>
                </table>
              </div>
            )}
          </>
        ) : null}
      </section>
    </div>
  );
}

/** The GET form that filters the account list (no JavaScript needed). */
function UserFilterForm({
  locale,
  t,
  raw,
  municipalities,
  errors,
}: {
  locale: Locale;
  t: Translate;
  raw: Record<string, string | undefined>;
  municipalities: { slug: string; nameLv: string }[];
  errors: { field: string }[];
}) {
  const bad = (field: string) => (errors.some((e) => e.field === field) ? true : undefined);
  return (
    <form method="get" action={`/${locale}/staff/users`} className="flex flex-wrap items-end gap-4" aria-labelledby="user-filters">
      <h3 id="user-filters" className="sr-only">
        {t('users.filtersHeading')}
      </h3>
      <div className="space-y-1">
        <label htmlFor="uf-q" className="block font-medium">
          {t('users.search')}
        </label>
        <input id="uf-q" name="q" type="search" defaultValue={raw.q ?? ''} maxLength={100} aria-invalid={bad('q')} className={inputClass} />
      </div>
      <div className="space-y-1">
        <label htmlFor="uf-role" className="block font-medium">
          {t('users.role')}
        </label>
        <select id="uf-role" name="role" defaultValue={raw.role ?? ''} aria-invalid={bad('role')} className={inputClass}>
          <option value="">{t('users.anyRole')}</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="uf-active" className="block font-medium">
          {t('users.activity')}
        </label>
        <select id="uf-active" name="active" defaultValue={raw.active ?? ''} aria-invalid={bad('active')} className={inputClass}>
          <option value="">{t('users.anyActivity')}</option>
          {USER_ACTIVITY.map((a) => (
            <option key={a} value={a}>
              {t(`users.${a}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="uf-municipality" className="block font-medium">
          {t('users.filterMunicipality')}
        </label>
        <select id="uf-municipality" name="municipality" defaultValue={raw.municipality ?? ''} aria-invalid={bad('municipality')} className={inputClass}>
          <option value="">{t('users.anyMunicipality')}</option>
          {municipalities.map((m) => (
            <option key={m.slug} value={m.slug}>
              {m.nameLv}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark">
        {t('users.filter')}
      </button>
      <Link href={`/${locale}/staff/users`} className="py-2">
        {t('users.clearFilters')}
      </Link>
    </form>
  );
}

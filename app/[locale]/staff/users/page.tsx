import { pageLocale, privatePageMetadata } from '@/lib/i18n/page';
import { translateKey } from '@/lib/i18n/request';
import { requirePagePermission, requirePageUser } from '@/lib/auth/guard';
import { can } from '@/lib/authz';
import { listMunicipalityOptions } from '@/lib/municipalities/queries';
import { listInvitations } from '@/lib/users/invitations';
import { listMoveTargets, listUsers } from '@/lib/users/manage';
import { ZUserFilterSchema, type TUserFilter } from '@/lib/schemas/users';
import { StaffNav } from '@/components/staff-nav';
import { InviteSection } from '@/components/users/invite-section';
import { InvitationSection } from '@/components/users/invitation-table';
import { UserFilterForm } from '@/components/users/user-filter-form';
import { UserTable } from '@/components/users/user-table';

export const dynamic = 'force-dynamic';
export const generateMetadata = privatePageMetadata('users.title');

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function UsersPage({ params, searchParams }: Props) {
  const { locale, t } = await pageLocale(params);
  const user = await requirePageUser(locale, `/${locale}/staff/users`);
  requirePagePermission(user, 'user.list');
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, first(v)]));
  const parsed = ZUserFilterSchema.safeParse(raw);
  const filters: TUserFilter = parsed.success ? parsed.data : {};
  // One error per field, in the user's language.
  const filterErrors = parsed.success
    ? []
    : parsed.error.issues
        .filter((i, n, all) => all.findIndex((j) => j.path[0] === i.path[0]) === n)
        .map((i) => ({ field: String(i.path[0] ?? ''), message: translateKey(locale, i.message) }));
  const mayMove = can(user, 'user.manage-secretary');
  const [options, moveTargets, invitations, list] = await Promise.all([
    listMunicipalityOptions(),
    mayMove ? listMoveTargets({ actor: user }) : Promise.resolve([]),
    can(user, 'invitation.list') ? listInvitations({ actor: user }) : Promise.resolve(null),
    parsed.success ? listUsers({ actor: user, filters }) : Promise.resolve(null),
  ]);
  return (
    <div className="space-y-10">
      <StaffNav locale={locale} user={user} current="users" t={t} />
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">{t('users.title')}</h1>
        <p className="max-w-3xl">{t('users.lead')}</p>
      </div>
      {can(user, 'invitation.create') ? <InviteSection municipalities={options} locale={locale} t={t} /> : null}
      {invitations ? <InvitationSection invitations={invitations} mayManage={can(user, 'invitation.manage')} locale={locale} t={t} /> : null}
      <section aria-labelledby="accounts" className="space-y-4">
        <h2 id="accounts" className="text-2xl font-semibold">
          {t('users.usersHeading')}
        </h2>
        <UserFilterForm locale={locale} t={t} raw={raw} municipalities={options} errors={filterErrors} />
        {list ? (
          <>
            <p data-testid="user-count">
              {t('users.userCount', { count: list.users.length })}
              {list.truncated ? ` ${t('users.truncated', { count: list.users.length })}` : ''}
            </p>
            {list.users.length === 0 ? (
              <p>{t('users.noUsers')}</p>
            ) : (
              <UserTable users={list.users} viewer={user} mayMove={mayMove} moveTargets={moveTargets} locale={locale} t={t} />
            )}
          </>
        ) : null}
      </section>
    </div>
  );
}

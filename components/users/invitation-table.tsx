import { formatDateTime, type Locale, type Translate } from '@/lib/i18n';
import type { listInvitations } from '@/lib/users/invitations';
import { DataTable } from '@/components/ui/data-table';
import { InvitationActions } from '@/components/users/invitation-actions';

type Invitation = Awaited<ReturnType<typeof listInvitations>>[number];

const STATE_KEY = {
  valid: 'invite.statePending',
  used: 'invite.stateAccepted',
  expired: 'invite.stateExpired',
  revoked: 'invite.stateRevoked',
  invalid: 'invite.invalid',
} as const;

/** The staff list of invitations with their state and, for those still open, resend and revoke. */
export function InvitationSection({ invitations, mayManage, locale, t }: { invitations: Invitation[]; mayManage: boolean; locale: Locale; t: Translate }) {
  const lang = (l: string) => t(l === 'en' ? 'users.languageEn' : 'users.languageLv');
  return (
    <section aria-labelledby="invitations" className="space-y-3">
      <h2 id="invitations" className="text-2xl font-semibold">
        {t('users.invitationsHeading')}
      </h2>
      {invitations.length === 0 ? (
        <p>{t('invite.none')}</p>
      ) : (
        <DataTable
          labelledBy="invitations"
          testId="invitations"
          columns={[
            t('invite.colEmail'),
            t('invite.colMunicipality'),
            t('users.colLanguage'),
            t('invite.colState'),
            t('invite.colExpires'),
            t('users.colSent'),
            t('users.colActions'),
          ]}
        >
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
                {mayManage && (i.state === 'valid' || i.state === 'expired') ? (
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
        </DataTable>
      )}
    </section>
  );
}

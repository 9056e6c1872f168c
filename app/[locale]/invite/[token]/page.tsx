import { pageLocale, privatePageMetadata } from '@/lib/i18n/page';
import { findInvitationByToken } from '@/lib/users/invitations';
import { AcceptInvitationForm } from '@/components/forms/accept-invitation-form';

export const dynamic = 'force-dynamic';

export const generateMetadata = privatePageMetadata('invite.title');

export default async function InvitePage({ params }: { params: Promise<{ locale: string; token: string }> }) {
  const { locale, t } = await pageLocale(params);
  const { token } = await params;
  const { state, invitation } = await findInvitationByToken(token);
  return (
    <div className="max-w-md space-y-6">
      <h1 className="text-3xl font-bold">{t('invite.acceptTitle')}</h1>
      {state !== 'valid' || !invitation ? (
        <p role="alert" data-testid="invitation-refused" className="rounded border border-bad bg-bad-bg p-3 text-bad">
          {t(`invite.${state === 'valid' ? 'invalid' : state}`)}
        </p>
      ) : (
        <>
          <p>{t('invite.acceptLead', { role: t(`rolesAs.${invitation.role}`), municipality: invitation.municipality?.nameLv ?? '' })}</p>
          <p className="text-sm text-muted">{invitation.email}</p>
          <AcceptInvitationForm
            locale={locale}
            token={token}
            defaultName={invitation.name}
            labels={{
              name: t('invite.name'),
              password: t('invite.password'),
              passwordConfirm: t('invite.passwordConfirm'),
              passwordHint: t('invite.passwordHint'),
              accept: t('invite.accept'),
              accepted: t('invite.accepted'),
              signIn: t('nav.signIn'),
            }}
          />
        </>
      )}
    </div>
  );
}

import Link from 'next/link';
import { pageLocale, privatePageMetadata } from '@/lib/i18n/page';
import { isResetTokenUsable } from '@/lib/auth/password-reset';
import { ResetPasswordForm } from '@/components/forms/password-reset-forms';

export const dynamic = 'force-dynamic';
export const generateMetadata = privatePageMetadata('secretaryYear.resetTitle');

/** The e-mailed link: a new password, or "this link is no longer valid" (used, expired or unknown alike). */
export default async function ResetPasswordPage({ params }: { params: Promise<{ locale: string; token: string }> }) {
  const { locale, t } = await pageLocale(params);
  const { token } = await params;
  const usable = await isResetTokenUsable(token);
  return (
    <div className="max-w-md space-y-6">
      <h1 className="text-3xl font-bold">{t('secretaryYear.resetTitle')}</h1>
      {usable ? (
        <ResetPasswordForm
          locale={locale}
          token={token}
          labels={{
            password: t('secretaryYear.newPassword'),
            passwordConfirm: t('secretaryYear.newPasswordConfirm'),
            hint: t('invite.passwordHint'),
            submit: t('secretaryYear.resetSubmit'),
            done: t('secretaryYear.resetDone'),
            signIn: t('nav.signIn'),
          }}
        />
      ) : (
        <>
          <p role="alert" className="rounded border border-bad bg-bad-bg p-3 text-bad" data-testid="reset-refused">
            {t('secretaryYear.resetInvalid')}
          </p>
          <p>
            <Link href={`/${locale}/forgot-password`}>{t('secretaryYear.requestNew')}</Link>
          </p>
        </>
      )}
    </div>
  );
}

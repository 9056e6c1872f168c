import { pageLocale, privatePageMetadata } from '@/lib/i18n/page';
import { ForgotPasswordForm } from '@/components/forms/password-reset-forms';

export const generateMetadata = privatePageMetadata('secretaryYear.forgotTitle');

/** "Forgot password": asks for the address; the e-mail carries a single-use link valid for an hour. */
export default async function ForgotPasswordPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t } = await pageLocale(params);
  return (
    <div className="max-w-md space-y-6">
      <h1 className="text-3xl font-bold">{t('secretaryYear.forgotTitle')}</h1>
      <p>{t('secretaryYear.forgotLead')}</p>
      <ForgotPasswordForm locale={locale} labels={{ email: t('auth.email'), submit: t('secretaryYear.forgotSubmit'), sent: t('secretaryYear.forgotSent') }} />
    </div>
  );
}

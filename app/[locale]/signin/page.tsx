import { pageLocale, privatePageMetadata } from '@/lib/i18n/page';
import { redirect } from 'next/navigation';
import Link from 'next/link';
import { SignInForm } from '@/components/forms/sign-in-form';
import { getSessionUser } from '@/lib/auth/session';
import { env } from '@/lib/env';
import { safeRedirectPath } from '@/lib/http/safe-redirect';

export const generateMetadata = privatePageMetadata('auth.signInTitle');

export default async function SignInPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ next?: string }> }) {
  const { locale, t } = await pageLocale(params);
  const { next } = await searchParams;
  // Public pages carry no account state (they are cached for everyone): a signed-in user who follows "Sign in" goes to their workspace.
  if (await getSessionUser()) redirect(`/${locale}/account`);
  return (
    <div className="max-w-md space-y-6">
      <h1 className="text-3xl font-bold">{t('auth.signInTitle')}</h1>
      <SignInForm
        locale={locale}
        next={safeRedirectPath(next, { origin: env.PUBLIC_BASE_URL, fallback: '' }) || null}
        labels={{ email: t('auth.email'), password: t('auth.password'), submit: t('auth.submit') }}
      />
      <p>
        <Link href={`/${locale}/forgot-password`}>{t('secretaryYear.forgotLink')}</Link>
      </p>
    </div>
  );
}

import { redirect } from 'next/navigation';
import { pageLocale } from '@/lib/i18n/page';
import { requirePageUser } from '@/lib/auth/guard';
import { isMunicipalRole } from '@/lib/authz';

/** Sends a signed-in user to their workspace. */
export default async function AccountPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await pageLocale(params);
  const user = await requirePageUser(locale, `/${locale}/account`);
  if (isMunicipalRole(user.role) && user.municipalitySlug) redirect(`/${locale}/secretary/${user.municipalitySlug}`);
  redirect(`/${locale}/staff`);
}

import { redirect } from 'next/navigation';
import { pageLocale } from '@/lib/i18n/page';

export default async function SecretaryIndex({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await pageLocale(params);
  redirect(`/${locale}/account`);
}

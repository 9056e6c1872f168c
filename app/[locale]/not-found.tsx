'use client';
import Link from 'next/link';
import { useParams } from 'next/navigation';
import { DEFAULT_LOCALE, isLocale, translator } from '@/lib/i18n';

export default function NotFound() {
  const params = useParams<{ locale: string }>();
  const locale = isLocale(params?.locale) ? params.locale : DEFAULT_LOCALE;
  const t = translator(locale);
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold">{t('errors.notFoundTitle')}</h1>
      <p>{t('errors.notFoundText')}</p>
      <p><Link href={`/${locale}`}>{t('nav.home')}</Link></p>
    </div>
  );
}

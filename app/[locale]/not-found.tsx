'use client';
import Link from 'next/link';
import { useLocaleT } from '@/lib/i18n/client';

export default function NotFound() {
  const { locale, t } = useLocaleT();
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold">{t('errors.notFoundTitle')}</h1>
      <p>{t('errors.notFoundText')}</p>
      <p><Link href={`/${locale}`}>{t('nav.home')}</Link></p>
    </div>
  );
}

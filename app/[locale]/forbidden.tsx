'use client';
import Link from 'next/link';
import { useLocaleT } from '@/lib/i18n/client';

/** The 403 page (rendered by forbidden() with status 403). */
export default function Forbidden() {
  const { locale, t } = useLocaleT();
  return (
    <div className="space-y-4" data-testid="forbidden">
      <h1 className="text-3xl font-bold">{t('auth.forbiddenTitle')}</h1>
      <p>{t('auth.forbiddenText')}</p>
      <p><Link href={`/${locale}/account`}>{t('nav.home')}</Link></p>
    </div>
  );
}

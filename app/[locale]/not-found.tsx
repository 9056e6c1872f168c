import Link from 'next/link';
import { locale as rootLocale } from 'next/root-params';
import { DEFAULT_LOCALE, isLocale, translator } from '@/lib/i18n';

export default async function NotFound() {
  const value = await rootLocale();
  const locale = isLocale(value) ? value : DEFAULT_LOCALE;
  const t = translator(locale);
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold">{t('errors.notFoundTitle')}</h1>
      <p>{t('errors.notFoundText')}</p>
      <p>
        <Link href={`/${locale}`}>{t('nav.home')}</Link>
      </p>
    </div>
  );
}

import Link from 'next/link';
import { locale as rootLocale } from 'next/root-params';
import { DEFAULT_LOCALE, isLocale, translator } from '@/lib/i18n';

/** The 403 page (rendered by forbidden() with status 403); a server component, so no message catalogue ships to the browser. */
export default async function Forbidden() {
  const value = await rootLocale();
  const locale = isLocale(value) ? value : DEFAULT_LOCALE;
  const t = translator(locale);
  return (
    <div className="space-y-4" data-testid="forbidden">
      <h1 className="text-3xl font-bold">{t('auth.forbiddenTitle')}</h1>
      <p>{t('auth.forbiddenText')}</p>
      <p>
        <Link href={`/${locale}/account`}>{t('nav.home')}</Link>
      </p>
    </div>
  );
}

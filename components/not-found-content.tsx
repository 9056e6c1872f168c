import type { Locale, Translate } from '@/lib/i18n';

/** The "page not found" content, one definition for the App Router's not-found page and the public pages' 404. */
export function NotFoundContent({ locale, t }: { locale: Locale; t: Translate }) {
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold">{t('errors.notFoundTitle')}</h1>
      <p>{t('errors.notFoundText')}</p>
      <p>
        <a href={`/${locale}`}>{t('nav.home')}</a>
      </p>
    </div>
  );
}

import type { Locale, Translate } from '@/lib/i18n';

export function SiteFooter({ locale, t }: { locale: Locale; t: Translate }) {
  return (
    <footer className="mt-16 border-t border-gray-200 bg-gray-50">
      <div className="mx-auto max-w-6xl space-y-2 px-4 py-6 text-sm text-muted">
        <p>{t('footer.issuers')}</p>
        <p>
          <a href="https://www.amcharts.com/" rel="noopener">
            {t('footer.mapData')}
          </a>
          {' · '}
          <a href={`/${locale}/memorandum`}>{t('nav.memorandum')}</a>
          {' · '}
          <a href={`/${locale}/data`}>{t('footer.openData')}</a>
        </p>
      </div>
    </footer>
  );
}

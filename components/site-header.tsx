import Link from 'next/link';
import type { Locale, Translate } from '@/lib/i18n';
import { LanguageSwitch } from './language-switch';
import { AccountLink } from './account-link';

/** Site header: skip link, title, main navigation, language switch, account. */
export function SiteHeader({ locale, t }: { locale: Locale; t: Translate }) {
  return (
    <header className="border-b border-gray-200 bg-white">
      <a href="#main" className="skip-link">{t('nav.skipToContent')}</a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3">
        <Link href={`/${locale}`} className="text-lg font-bold text-ink no-underline">
          <span className="mr-2 inline-block h-3 w-6 align-middle" style={{ background: 'linear-gradient(#9e3039 40%, #fff 40% 60%, #9e3039 60%)' }} aria-hidden="true" />
          {t('meta.siteName')}
        </Link>
        <nav aria-label={t('nav.mainNav')}>
          <ul className="flex flex-wrap items-center gap-4 text-sm">
            <li><Link href={`/${locale}`}>{t('nav.home')}</Link></li>
            <li><Link href={`/${locale}/memorandum`}>{t('nav.memorandum')}</Link></li>
            <li><LanguageSwitch locale={locale} label={t('nav.switchTo')} /></li>
            <li><AccountLink locale={locale} labels={{ signIn: t('nav.signIn'), secretary: t('nav.secretary'), staff: t('nav.staff') }} /></li>
          </ul>
        </nav>
      </div>
    </header>
  );
}

import type { ReactNode } from 'react';
import type { Locale, Translate } from '@/lib/i18n';

/**
 * Site header: skip link, title, main navigation, language switch, account.
 * The account item is rendered in all three forms (sign in / my municipality
 * / workspace); CSS shows "sign in" and /api/session.css, a private uncached
 * stylesheet, swaps in the signed-in one. So cached public pages stay the
 * same HTML for everyone and need no script. The stylesheet's query changes
 * with each server render, so a refresh after signing in or out fetches it anew.
 * Plain links and no client component: the public pages render it without
 * Next's runtime (lib/site/public-render.tsx); the language switch is given.
 */
export function SiteHeader({ locale, t, languageSwitch }: { locale: Locale; t: Translate; languageSwitch: ReactNode }) {
  const render = Date.now().toString(36);
  return (
    <header className="border-b border-gray-200 bg-white">
      <link rel="stylesheet" href={`/api/session.css?r=${render}`} />
      <a href="#main" className="skip-link">
        {t('nav.skipToContent')}
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3">
        <a href={`/${locale}`} className="text-lg font-bold text-ink no-underline">
          <span
            className="mr-2 inline-block h-3 w-6 align-middle"
            style={{ background: 'linear-gradient(#9e3039 40%, #fff 40% 60%, #9e3039 60%)' }}
            aria-hidden="true"
          />
          {t('meta.siteName')}
        </a>
        <nav aria-label={t('nav.mainNav')}>
          <ul className="flex flex-wrap items-center gap-4 text-sm">
            <li>
              <a href={`/${locale}`}>{t('nav.home')}</a>
            </li>
            <li>
              <a href={`/${locale}/memorandum`}>{t('nav.memorandum')}</a>
            </li>
            <li>{languageSwitch}</li>
            <li className="acct-anon">
              <a href={`/${locale}/signin`}>{t('nav.signIn')}</a>
            </li>
            <li className="acct-secretary">
              <a href={`/${locale}/secretary`}>{t('nav.secretary')}</a>
            </li>
            <li className="acct-staff">
              <a href={`/${locale}/staff`}>{t('nav.staff')}</a>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}

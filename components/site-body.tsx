import type { ReactNode } from 'react';
import type { Locale, Translate } from '@/lib/i18n';
import { SiteHeader } from './site-header';
import { SiteFooter } from './site-footer';

/**
 * The page chrome, one definition for both kinds of page: the App Router
 * layout (app/[locale]/layout.tsx) and the public pages rendered as plain
 * documents (lib/site/public-render.tsx): header with skip link, navigation,
 * language switch and account links, the main landmark, the footer.
 */
export function SiteBody({ locale, t, languageSwitch, children }: { locale: Locale; t: Translate; languageSwitch: ReactNode; children: ReactNode }) {
  return (
    <body className="flex min-h-screen flex-col font-sans">
      <SiteHeader locale={locale} t={t} languageSwitch={languageSwitch} />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
        {children}
      </main>
      <SiteFooter locale={locale} t={t} />
    </body>
  );
}

import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import '../globals.css';
import { LOCALES, isLocale, translator } from '@/lib/i18n';
import { env } from '@/lib/env';
import { SiteBody } from '@/components/site-body';
import { LanguageSwitch } from '@/components/language-switch';
import { SITE_ICONS, SITE_MANIFEST } from '@/lib/site/metadata';

export function generateStaticParams() {
  return LOCALES.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = translator(locale);
  return {
    metadataBase: new URL(env.PUBLIC_BASE_URL),
    title: { default: t('meta.siteTitle'), template: `%s · ${t('meta.siteName')}` },
    description: t('meta.siteDescription'),
    manifest: SITE_MANIFEST,
    icons: {
      icon: SITE_ICONS.filter((i) => i.rel === 'icon').map(({ rel: _rel, ...icon }) => icon),
      apple: SITE_ICONS.filter((i) => i.rel === 'apple-touch-icon').map((i) => i.url),
    },
  };
}

export default async function LocaleLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  // Every page renders per request, so that Next.js can put this request's CSP nonce
  // (proxy.ts) on its scripts. The public pages are route handlers with no client code (lib/site/public-render.tsx).
  (await headers()).get('x-nonce');
  const t = translator(locale);
  return (
    <html lang={locale}>
      <SiteBody locale={locale} t={t} languageSwitch={<LanguageSwitch locale={locale} label={t('nav.switchTo')} />}>
        {children}
      </SiteBody>
    </html>
  );
}

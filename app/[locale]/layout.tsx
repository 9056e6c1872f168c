import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import '../globals.css';
import { LOCALES, isLocale, translator } from '@/lib/i18n';
import { env } from '@/lib/env';
import { SiteHeader } from '@/components/site-header';
import { SiteFooter } from '@/components/site-footer';

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
    manifest: '/manifest.webmanifest',
    icons: {
      icon: [
        { url: '/favicon.ico', sizes: '48x48' },
        { url: '/favicon.svg', type: 'image/svg+xml' },
      ],
      apple: '/apple-touch-icon.png',
    },
  };
}

export default async function LocaleLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  // Every page renders per request, so that Next.js can put this request's CSP nonce
  // (proxy.ts) on its scripts; public pages are then served from the front server's cache.
  (await headers()).get('x-nonce');
  const t = translator(locale);
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col font-sans">
        <SiteHeader locale={locale} t={t} />
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
          {children}
        </main>
        <SiteFooter locale={locale} t={t} />
      </body>
    </html>
  );
}

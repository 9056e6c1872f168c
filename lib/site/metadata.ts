import type { Translate } from '@/lib/i18n';

/**
 * The site-wide head of every page, one definition for the App Router
 * layout (its generateMetadata) and the public pages' documents
 * (components/public/public-head.tsx).
 */
export const SITE_MANIFEST = '/manifest.webmanifest';
export const SITE_ICONS = [
  { rel: 'icon', url: '/favicon.ico', sizes: '48x48' },
  { rel: 'icon', url: '/favicon.svg', type: 'image/svg+xml' },
  { rel: 'apple-touch-icon', url: '/apple-touch-icon.png' },
] as const;

/** A page's <title>: its own title in the site's template, or the site title. */
export function pageTitle(t: Translate, title?: string): string {
  return title ? `${title} · ${t('meta.siteName')}` : t('meta.siteTitle');
}

/** The Open Graph image of a language (app/[locale]/opengraph-image.tsx): 1200 × 630 PNG. */
export const OG_IMAGE = { type: 'image/png', width: 1200, height: 630, alt: 'Memorands' } as const;

import type { ReactNode } from 'react';
import type { Locale, Translate } from '@/lib/i18n';
import { languageAlternates, pageUrl, siteBase } from '@/lib/site/alternates';
import { OG_IMAGE, SITE_ICONS, SITE_MANIFEST, pageTitle } from '@/lib/site/metadata';
import { SiteBody } from '@/components/site-body';
import { LanguageLink } from '@/components/language-link';

/** What a public page puts in its head: title (in the site's template), description, canonical path ('' = home), or noindex for an error page. */
export type TPublicHead = { title?: string; description?: string; canonicalPath: string | null };

/**
 * A whole public page as a plain HTML document: the head the App Router
 * layout's metadata gives (title, description, manifest, canonical and
 * hreflang links, Open Graph and Twitter cards, icons), our stylesheet, and
 * the shared chrome (SiteBody) around the content. No script of any kind.
 */
export function PublicDocument({
  locale,
  t,
  head,
  pathname,
  stylesheet,
  children,
}: {
  locale: Locale;
  t: Translate;
  head: TPublicHead;
  pathname: string;
  stylesheet: string;
  children: ReactNode;
}) {
  const title = pageTitle(t, head.title);
  const description = head.description ?? t('meta.siteDescription');
  const image = `${siteBase()}/${locale}/opengraph-image`;
  const path = head.canonicalPath;
  return (
    <html lang={locale}>
      {/* eslint-disable-next-line @next/next/no-head-element -- a whole document for react-dom/server, not a Pages Router page (ADR 0180) */}
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link rel="stylesheet" href={stylesheet} />
        <title>{title}</title>
        <meta name="description" content={description} />
        {path === null ? <meta name="robots" content="noindex" /> : null}
        <link rel="manifest" href={SITE_MANIFEST} />
        {path !== null ? <link rel="canonical" href={pageUrl(locale, path)} /> : null}
        {path !== null ? Object.entries(languageAlternates(path)).map(([lang, href]) => <link key={lang} rel="alternate" hrefLang={lang} href={href} />) : null}
        <meta property="og:title" content={title} />
        <meta property="og:description" content={description} />
        <meta property="og:image" content={image} />
        <meta property="og:image:type" content={OG_IMAGE.type} />
        <meta property="og:image:width" content={String(OG_IMAGE.width)} />
        <meta property="og:image:height" content={String(OG_IMAGE.height)} />
        <meta property="og:image:alt" content={OG_IMAGE.alt} />
        <meta name="twitter:card" content="summary_large_image" />
        <meta name="twitter:title" content={title} />
        <meta name="twitter:description" content={description} />
        <meta name="twitter:image" content={image} />
        <meta name="twitter:image:alt" content={OG_IMAGE.alt} />
        <meta name="twitter:image:type" content={OG_IMAGE.type} />
        <meta name="twitter:image:width" content={String(OG_IMAGE.width)} />
        <meta name="twitter:image:height" content={String(OG_IMAGE.height)} />
        {SITE_ICONS.map((icon) => (
          <link key={icon.url} rel={icon.rel} href={icon.url} sizes={'sizes' in icon ? icon.sizes : undefined} type={'type' in icon ? icon.type : undefined} />
        ))}
      </head>
      <SiteBody locale={locale} t={t} languageSwitch={<LanguageLink locale={locale} pathname={pathname} label={t('nav.switchTo')} />}>
        {children}
      </SiteBody>
    </html>
  );
}

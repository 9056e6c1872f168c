import 'server-only';
import type { ReactNode } from 'react';
import { DEFAULT_LOCALE, isLocale, translator, type Locale, type Translate } from '@/lib/i18n';
import { PublicDocument, type TPublicHead } from '@/components/public/public-document';
import { NotFoundContent } from '@/components/not-found-content';
import { stylesheetHref } from './stylesheet';

/**
 * Renders a public page as a complete HTML document with React's own server
 * renderer (react-dom/server), in a route handler (ADR 0180). The output is
 * only what our components render: no hydration runtime, no RSC payload, no
 * script (the JSON-LD data block of the data page aside), so the page needs
 * and ships no client code by construction, whatever Next.js version runs
 * it. Components are synchronous: the route loads the data first.
 */
export async function renderPublicPage({
  locale,
  pathname,
  head,
  status = 200,
  body,
}: {
  locale: Locale;
  pathname: string;
  head: TPublicHead;
  status?: number;
  body: (t: Translate) => ReactNode;
}): Promise<Response> {
  const t = translator(locale);
  // Note: imported when called: Next.js refuses a static import of react-dom/server in its server (RSC) layer.
  const { renderToStaticMarkup } = await import('react-dom/server');
  const html = renderToStaticMarkup(
    <PublicDocument locale={locale} t={t} head={head} pathname={pathname} stylesheet={stylesheetHref()}>
      {body(t)}
    </PublicDocument>,
  );
  return new Response(`<!DOCTYPE html>${html}`, {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', ...(status === 200 ? {} : { 'cache-control': 'no-store' }) },
  });
}

/** The localized "page not found" document (404) of a public address; an unknown language gets the Latvian one. */
export function renderPublicNotFound(locale: string, pathname: string): Promise<Response> {
  const known = isLocale(locale) ? locale : DEFAULT_LOCALE;
  const t = translator(known);
  return renderPublicPage({
    locale: known,
    pathname,
    status: 404,
    head: { title: t('errors.notFoundTitle'), canonicalPath: null },
    body: (tr) => <NotFoundContent locale={known} t={tr} />,
  });
}

import { notFound } from 'next/navigation';
import type { Metadata } from 'next';
import { isLocale, translator, type Locale, type MessageKey, type Translate } from './index';

/** Resolves the [locale] param of a page; an unknown locale is a 404. */
export async function pageLocale(params: Promise<{ locale: string }>): Promise<{ locale: Locale; t: Translate }> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  return { locale, t: translator(locale) };
}

/** generateMetadata for signed-in and one-off pages: a translated title, kept out of search engines. */
export function privatePageMetadata(titleKey: MessageKey) {
  return async ({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> => {
    const { t } = await pageLocale(params);
    return { title: t(titleKey), robots: { index: false } };
  };
}

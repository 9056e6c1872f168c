import { notFound } from 'next/navigation';
import { isLocale, translator, type Locale, type Translate } from './index';

/** Resolves the [locale] param of a page; an unknown locale is a 404. */
export async function pageLocale(params: Promise<{ locale: string }>): Promise<{ locale: Locale; t: Translate }> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  return { locale, t: translator(locale) };
}

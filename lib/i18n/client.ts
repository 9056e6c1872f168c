'use client';
import { useParams } from 'next/navigation';
import { DEFAULT_LOCALE, isLocale, translator, type Locale, type Translate } from './index';

/** For client special files (not-found, forbidden, error) that get no params: the locale from the URL. */
export function useLocaleT(): { locale: Locale; t: Translate } {
  const params = useParams<{ locale: string }>();
  const locale = isLocale(params?.locale) ? params.locale : DEFAULT_LOCALE;
  return { locale, t: translator(locale) };
}

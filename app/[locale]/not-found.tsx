import { locale as rootLocale } from 'next/root-params';
import { DEFAULT_LOCALE, isLocale, translator } from '@/lib/i18n';
import { NotFoundContent } from '@/components/not-found-content';

export default async function NotFound() {
  const value = await rootLocale();
  const locale = isLocale(value) ? value : DEFAULT_LOCALE;
  return <NotFoundContent locale={locale} t={translator(locale)} />;
}

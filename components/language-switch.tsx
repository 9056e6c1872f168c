'use client';
import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import type { Locale } from '@/lib/i18n';

/** Links to the same page in the other language. */
export function LanguageSwitch({ locale, label }: { locale: Locale; label: string }) {
  const pathname = usePathname() ?? `/${locale}`;
  const search = useSearchParams();
  const other: Locale = locale === 'lv' ? 'en' : 'lv';
  const rest = pathname.replace(/^\/(lv|en)(?=\/|$)/, '');
  const query = search?.toString();
  return (
    <Link href={`/${other}${rest}${query ? `?${query}` : ''}`} hrefLang={other} lang={other}>
      {label}
    </Link>
  );
}

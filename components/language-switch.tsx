'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { Locale } from '@/lib/i18n';
import { otherLanguagePath } from './language-link';

/** Links to the same page in the other language (server-rendered, works without JavaScript). */
export function LanguageSwitch({ locale, label }: { locale: Locale; label: string }) {
  const pathname = usePathname() ?? `/${locale}`;
  const other: Locale = locale === 'lv' ? 'en' : 'lv';
  return (
    <Link href={otherLanguagePath(locale, pathname)} hrefLang={other} lang={other}>
      {label}
    </Link>
  );
}

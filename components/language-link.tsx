import type { Locale } from '@/lib/i18n';

/** The path of the same page in the other language: `/lv/data` → `/en/data`. */
export function otherLanguagePath(locale: Locale, pathname: string): string {
  const other: Locale = locale === 'lv' ? 'en' : 'lv';
  const rest = pathname.replace(/^\/(lv|en)(?=\/|$)/, '').replace(/^\/$/, '');
  return `/${other}${rest}`;
}

/** The language switch as a plain link (public pages: the path is known when rendering). */
export function LanguageLink({ locale, pathname, label }: { locale: Locale; pathname: string; label: string }) {
  const other: Locale = locale === 'lv' ? 'en' : 'lv';
  return (
    <a href={otherLanguagePath(locale, pathname)} hrefLang={other} lang={other}>
      {label}
    </a>
  );
}

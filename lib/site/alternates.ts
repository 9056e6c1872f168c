import type { Metadata } from 'next';
import { env } from '@/lib/env';
import { LOCALES, DEFAULT_LOCALE, type Locale } from '@/lib/i18n';

/** The public base address (PUBLIC_BASE_URL without a trailing slash): canonical and alternate links are absolute on it. */
export function siteBase(): string {
  return env.PUBLIC_BASE_URL.replace(/\/+$/, '');
}

/** The absolute address of a public page in a language; `path` is '' (home) or starts with '/'. */
export function pageUrl(locale: Locale, path: string): string {
  return `${siteBase()}/${locale}${path}`;
}

/** hreflang alternates of a public page: every language, and x-default (Latvian, the default). */
export function languageAlternates(path: string): Record<string, string> {
  return { ...Object.fromEntries(LOCALES.map((l) => [l, pageUrl(l, path)])), 'x-default': pageUrl(DEFAULT_LOCALE, path) };
}

/**
 * The `alternates` metadata of a public page: its canonical address (this
 * language, no query) and the hreflang links to each language version, so
 * Next.js writes <link rel="canonical"> and <link rel="alternate" hreflang>.
 */
export function pageAlternates(locale: Locale, path: string): NonNullable<Metadata['alternates']> {
  return { canonical: pageUrl(locale, path), languages: languageAlternates(path) };
}

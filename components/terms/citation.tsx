import { formatDate, type Locale, type Translate } from '@/lib/i18n';
import type { PublicCitation } from '@/lib/municipalities/queries';

/**
 * A published source in the page's language: the title as published (marked
 * with its own language), the publisher, the date and a link or the
 * document reference. Nothing is invented: an unknown date is left out.
 */
export function Citation({ citation, locale, t, testId }: { citation: PublicCitation; locale: Locale; t: Translate; testId?: string }) {
  const title = <cite lang={citation.language}>{citation.title}</cite>;
  const language = citation.language === locale ? null : t(citation.language === 'lv' ? 'terms.citationLanguageLv' : 'terms.citationLanguageEn');
  return (
    <span data-testid={testId}>
      {citation.url ? (
        <a href={citation.url} hrefLang={citation.language} rel="noopener">
          {title}
        </a>
      ) : (
        title
      )}
      {' — '}
      <span lang={citation.language}>{citation.publisher}</span>
      {citation.publishedOn ? `, ${t('terms.citationPublished', { date: formatDate(locale, citation.publishedOn) })}` : null}
      {/* A statistical table has no publication date of its own here: the day it was downloaded is part of the citation. */}
      {!citation.publishedOn && citation.retrievedOn ? `, ${t('officialData.citationRetrieved', { date: formatDate(locale, citation.retrievedOn) })}` : null}
      {language ? ` (${language})` : null}
      {!citation.url && citation.documentRef ? (
        <span className="block text-sm text-muted">{t('terms.citationDocument', { ref: citation.documentRef })}</span>
      ) : null}
    </span>
  );
}

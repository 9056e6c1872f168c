/**
 * The slug an address most likely meant (QA s13: "/lv/municipalities/Liepaja",
 * "…/liepāja"): lower case, Latvian diacritics removed (ā → a, ķ → k …), spaces
 * and underscores as hyphens. Null when the result is not slug-shaped; the
 * caller redirects only when a municipality has exactly that slug.
 */
export function normaliseSlug(input: string): string | null {
  let text = input;
  if (text.includes('%')) {
    try {
      text = decodeURIComponent(text);
    } catch {
      return null;
    }
  }
  const slug = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .trim()
    .replace(/[\s_]+/g, '-');
  return slug.length > 0 && slug.length <= 80 && /^[a-z0-9-]+$/.test(slug) ? slug : null;
}

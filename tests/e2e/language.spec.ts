import { test, expect } from './support/fixtures';
import { en } from '../../lib/i18n/messages/en';
import { lv } from '../../lib/i18n/messages/lv';

/**
 * No English on Latvian pages (issue 12): walks every public page in
 * Latvian (home of each term, memorandum, data, sign-in and all 43
 * municipality pages) and fails when the visible text contains an English
 * string of the message catalogue. Catalogue strings are cut at their
 * {placeholders}; only fragments of three or more words that differ from the
 * Latvian text are looked for, so names and codes shared by both languages
 * never match.
 */
function englishFragments(): string[] {
  const out = new Set<string>();
  const walk = (e: unknown, l: unknown) => {
    if (typeof e === 'string') {
      for (const part of e.split(/\{[^}]+\}/)) {
        const text = part.replace(/\s+/g, ' ').trim();
        if (text.split(' ').length >= 3 && text.length >= 14 && !(typeof l === 'string' && l.includes(text))) out.add(text);
      }
      return;
    }
    if (e && typeof e === 'object') for (const [k, v] of Object.entries(e)) walk(v, (l as Record<string, unknown> | undefined)?.[k]);
  };
  walk(en, lv);
  return [...out];
}

test('every public page in Latvian is free of the English catalogue', async ({ page, request }) => {
  test.setTimeout(180_000);
  const fragments = englishFragments();
  expect(fragments.length).toBeGreaterThan(200);
  const slugs = (await (await request.get('/api/v1/municipalities?term=2021-2025')).json()) as { items?: { slug: string }[]; data?: { slug: string }[] };
  const list = (slugs.items ?? slugs.data ?? []).map((m) => m.slug);
  expect(list).toHaveLength(43);
  const pages = ['/lv', '/lv?term=2021-2025', '/lv/memorandum', '/lv/data', '/lv/signin', ...list.map((s) => `/lv/municipalities/${s}`)];
  const englishOn = async (p: string) => {
    const res = await page.goto(p);
    expect(res?.status(), p).toBe(200);
    const text = (await page.locator('body').innerText()).replace(/\s+/g, ' ');
    return fragments.filter((f) => text.includes(f)).map((f) => `${p}: “${f}”`);
  };
  // The detector works: the same pages in English are full of catalogue strings.
  expect((await englishOn('/en/municipalities/jekabpils-novads')).length).toBeGreaterThan(5);
  const found: string[] = [];
  for (const p of pages) found.push(...(await englishOn(p)));
  expect(found).toEqual([]);
});

import { test, expect } from './support/fixtures';

/**
 * Public pages are served as plain documents without Next's client runtime
 * (they work fully without JavaScript). Whatever produces them, a page that
 * carries an executable script or a script preload fails here, so a Next.js
 * upgrade that changes its markup cannot break them unnoticed (issue 14).
 * Checked on the first answer (rendered) and the second (from the cache).
 */
const EXECUTABLE = /^(|text\/javascript|application\/javascript|module)$/i;
const PUBLIC_PAGES = ['/', '/lv', '/en', '/lv/memorandum', '/en/memorandum', '/lv/data', '/lv/municipalities/liepaja', '/en/municipalities/jekabpils-novads'];

test('public pages carry no executable script and no script preload', async ({ page }) => {
  for (const url of PUBLIC_PAGES) {
    for (const round of ['first', 'cached']) {
      const res = await page.request.get(url);
      expect(res.status(), url).toBe(200);
      const html = await res.text();
      const what = `${url} (${round})`;
      const executable = [...html.matchAll(/<script\b([^>]*)>/gi)]
        .map((m) => m[1] ?? '')
        .filter((attrs) => EXECUTABLE.test(/\btype="([^"]*)"/i.exec(attrs)?.[1] ?? ''));
      expect(executable, `${what}: executable <script> elements`).toEqual([]);
      expect(html, `${what}: script preloads`).not.toMatch(/<link\b[^>]*\bas="script"/i);
      expect(html, `${what}: RSC payload`).not.toContain('self.__next_f');
      expect(html, what).toContain('</html>');
    }
  }
});

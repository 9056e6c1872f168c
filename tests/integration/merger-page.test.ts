import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildStylesheet } from '../../scripts/build-stylesheet';
import { municipalityPageResponse } from '@/lib/site/public-pages';
import { resetDatabase } from './db-utils';

const html = async (locale: string, slug: string) => (await municipalityPageResponse({ locale, pathname: `/${locale}/municipalities/${slug}`, slug })).text();
const text = (h: string) => h.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');

describe('a merger is shown on both municipalities’ pages, with its source', () => {
  beforeAll(() => buildStylesheet(process.cwd()));
  beforeEach(resetDatabase);

  it('Madonas novads names Varakļānu novads, merged into it after 30 June 2025, as the Varakļāni page names Madona', async () => {
    const lv = await html('lv', 'madonas-novads');
    expect(lv).toContain('href="/lv/municipalities/varaklanu-novads"');
    expect(text(lv)).toContain('Varakļānu novads (patstāvīga pašvaldība līdz 2025. gada 30. jūnijam, tad pievienota šai pašvaldībai)');
    expect(lv).toContain('data-testid="predecessor-citation"');
    const en = await html('en', 'madonas-novads');
    expect(text(en)).toContain('Varakļānu novads (a municipality of its own until 30 June 2025, then merged into this one)');
    // The other side, as before: the merged municipality links to its successor.
    expect(await html('lv', 'varaklanu-novads')).toContain('href="/lv/municipalities/madonas-novads"');
    // A municipality nothing was merged into names no predecessor.
    expect(await html('lv', 'liepaja')).not.toContain('data-testid="predecessor"');
  });
});

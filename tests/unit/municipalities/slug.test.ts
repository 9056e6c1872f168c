import { describe, expect, it } from 'vitest';
import { normaliseSlug } from '@/lib/municipalities/slug';

describe('the slug an address meant (QA s13)', () => {
  it.each([
    ['Liepaja', 'liepaja'],
    ['liepāja', 'liepaja'],
    ['Liepāja', 'liepaja'],
    ['LIEPĀJA', 'liepaja'],
    ['liep%C4%81ja', 'liepaja'],
    ['Jēkabpils novads', 'jekabpils-novads'],
    ['Jēkabpils_Novads', 'jekabpils-novads'],
    ['Ķekavas-novads', 'kekavas-novads'],
    ['Ludzas-novads', 'ludzas-novads'],
    ['Augšdaugavas-novads', 'augsdaugavas-novads'],
    ['Ģ', 'g'],
  ])('%j → %j', (input, expected) => expect(normaliseSlug(input)).toBe(expected));

  it.each(['', '../riga', 'riga/..', '%E0%A4%A', 'рига', 'a'.repeat(81), 'liepaja.html'])('%j is not a slug', (input) =>
    expect(normaliseSlug(input)).toBeNull(),
  );
});

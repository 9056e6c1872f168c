import { describe, expect, it } from 'vitest';
import { councilBodyOf } from '@/lib/accessions/council-body';

describe('the council body prefilled from the official name', () => {
  it('names councils as their own decisions do, and guesses nothing else', () => {
    expect(councilBodyOf('Liepājas valstspilsēta')).toBe('Liepājas valstspilsētas pašvaldības dome');
    expect(councilBodyOf('Jēkabpils novads')).toBe('Jēkabpils novada dome');
    expect(councilBodyOf('Ādažu novads')).toBe('Ādažu novada dome');
    expect(councilBodyOf('Rīga')).toBeNull();
    expect(councilBodyOf('')).toBeNull();
    expect(councilBodyOf(null)).toBeNull();
  });
});

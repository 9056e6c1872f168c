import { describe, expect, it } from 'vitest';
import { etagForCoding, isNotModified, negotiateEncoding, parseEntityTag, parseIfNoneMatch, weakMatch } from '@/lib/http/conditional';

// RFC 9110 §8.8.3.2 and §13.1.2, with the examples of the RFC where it gives them.
const list = (value: string) => {
  const parsed = parseIfNoneMatch(value);
  if (parsed === '*') throw new Error('expected a list');
  return parsed;
};

describe('entity tags (RFC 9110 §8.8.3)', () => {
  it('parses strong and weak tags and refuses malformed ones', () => {
    expect(parseEntityTag('"xyzzy"')).toEqual({ weak: false, opaque: '"xyzzy"' });
    expect(parseEntityTag('W/"xyzzy"')).toEqual({ weak: true, opaque: '"xyzzy"' });
    expect(parseEntityTag('""')).toEqual({ weak: false, opaque: '""' });
    for (const bad of ['xyzzy', 'w/"x"', '"x', 'W/ "x"', '"a"b"', '"a b"']) expect(parseEntityTag(bad), bad).toBeNull();
  });

  it('compares weakly as the RFC table says', () => {
    const t = (s: string) => parseEntityTag(s)!;
    expect(weakMatch(t('W/"1"'), t('W/"1"'))).toBe(true);
    expect(weakMatch(t('W/"1"'), t('W/"2"'))).toBe(false);
    expect(weakMatch(t('W/"1"'), t('"1"'))).toBe(true);
    expect(weakMatch(t('"1"'), t('"1"'))).toBe(true);
  });

  it('parses If-None-Match lists, `*`, extra whitespace, empty elements and commas inside tags', () => {
    expect(parseIfNoneMatch('*')).toBe('*');
    expect(parseIfNoneMatch(' * ')).toBe('*');
    expect(parseIfNoneMatch(null)).toEqual([]);
    expect(list('"xyzzy", "r2d2xxxx", "c3piozzzz"').map((t) => t.opaque)).toEqual(['"xyzzy"', '"r2d2xxxx"', '"c3piozzzz"']);
    expect(list('W/"xyzzy", W/"r2d2xxxx"').map((t) => t.weak)).toEqual([true, true]);
    expect(list(' , "a,b" ,, W/"c",').map((t) => t.opaque)).toEqual(['"a,b"', '"c"']);
    expect(list('garbage, "ok", W/ "no"').map((t) => t.opaque)).toEqual(['"ok"']);
  });
});

describe('If-None-Match evaluation (RFC 9110 §13.1.2)', () => {
  const etag = '"0f3a"';

  it('is not modified for the same tag, its weak form, a list holding it, or `*`', () => {
    expect(isNotModified('"0f3a"', etag)).toBe(true);
    expect(isNotModified('W/"0f3a"', etag)).toBe(true);
    expect(isNotModified('"old", W/"0f3a", "older"', etag)).toBe(true);
    expect(isNotModified(['"old"', '"0f3a"'], etag)).toBe(true);
    expect(isNotModified('*', etag)).toBe(true);
    expect(isNotModified('"0f3a"', 'W/"0f3a"')).toBe(true);
  });

  it('is modified for no header, another tag, a list without it, or an unquoted value', () => {
    expect(isNotModified(undefined, etag)).toBe(false);
    expect(isNotModified('', etag)).toBe(false);
    expect(isNotModified('"0f3b"', etag)).toBe(false);
    expect(isNotModified('"a", W/"b"', etag)).toBe(false);
    expect(isNotModified('0f3a', etag)).toBe(false);
    expect(isNotModified('"0f3a-gzip"', etag)).toBe(false);
  });
});

describe('content codings', () => {
  it('negotiates by q-value, honours q=0 and `*`, and falls back to identity', () => {
    expect(negotiateEncoding('gzip, deflate, br')).toBe('br');
    expect(negotiateEncoding('gzip, deflate')).toBe('gzip');
    expect(negotiateEncoding('br;q=0, gzip')).toBe('gzip');
    expect(negotiateEncoding('br;q=0.5, gzip;q=0.8')).toBe('gzip');
    expect(negotiateEncoding('gzip;q=0, br;q=0')).toBe('identity');
    expect(negotiateEncoding('*')).toBe('br');
    expect(negotiateEncoding('*;q=0, gzip')).toBe('gzip');
    expect(negotiateEncoding('identity')).toBe('identity');
    expect(negotiateEncoding(undefined)).toBe('identity');
    expect(negotiateEncoding('x-gzip')).toBe('gzip');
    expect(negotiateEncoding('BR')).toBe('br');
  });

  it('gives every coding its own entity tag, keeping weakness', () => {
    expect(etagForCoding('"abc"', 'identity')).toBe('"abc"');
    expect(etagForCoding('"abc"', 'gzip')).toBe('"abc-gzip"');
    expect(etagForCoding('"abc"', 'br')).toBe('"abc-br"');
    expect(etagForCoding('W/"abc"', 'br')).toBe('W/"abc-br"');
    const tags = new Set((['identity', 'gzip', 'br'] as const).map((c) => etagForCoding('"abc"', c)));
    expect(tags.size).toBe(3);
    expect(isNotModified('W/"abc-br"', etagForCoding('"abc"', 'br'))).toBe(true);
    expect(isNotModified('"abc"', etagForCoding('"abc"', 'br'))).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { etagOf } from '@/lib/opendata/http';
import { isNotModified } from '@/lib/http/conditional';
import { typeLabel } from '@/lib/opendata/fields';

describe('ETag', () => {
  it('is the quoted sha256 of the body and matches If-None-Match lists, weak tags and *', () => {
    const tag = etagOf('{"a":1}');
    expect(tag).toMatch(/^"[0-9a-f]{64}"$/);
    expect(etagOf('{"a":2}')).not.toBe(tag);
    expect(isNotModified(tag, tag)).toBe(true);
    expect(isNotModified(`"x", W/${tag}`, tag)).toBe(true);
    expect(isNotModified('*', tag)).toBe(true);
    expect(isNotModified('"other"', tag)).toBe(false);
    expect(isNotModified(null, tag)).toBe(false);
  });
});

describe('type labels for the data page', () => {
  it('shows enums, formats and nullability', () => {
    expect(typeLabel({ type: 'string', enum: ['verified', 'withdrawn'] })).toBe('verified | withdrawn');
    expect(typeLabel({ type: ['string', 'null'], format: 'date' })).toBe('string (date) | null');
    expect(typeLabel({ type: 'boolean' })).toBe('boolean');
  });
});

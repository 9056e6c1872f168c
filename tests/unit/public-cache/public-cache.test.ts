import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PublicCache } from '@/lib/public-cache/cache';
import { isCacheableRequest } from '@/lib/public-cache/policy';

describe('public cache policy', () => {
  it('caches only GET/HEAD of public pages and open data, never router (RSC) requests or private paths', () => {
    const ok = (url: string, method = 'GET', headers: Record<string, string> = {}) => isCacheableRequest(method, url, headers);
    for (const url of [
      '/',
      '/lv',
      '/en',
      '/lv/memorandum',
      '/en/data',
      '/lv/municipalities/jekabpils-novads',
      '/lv?q=jekabpils&status=VERIFIED',
      '/api/v1/accessions.geojson',
    ])
      expect(ok(url), url).toBe(true);
    for (const url of [
      '/lv/staff',
      '/lv/secretary/liepaja',
      '/lv/signin',
      '/api/session',
      '/api/documents/abc',
      '/lv/invite/token',
      '/api/accessions/liepaja/signing-sheet',
      '/lv/municipalities/../staff',
    ])
      expect(ok(url), url).toBe(false);
    expect(ok('/lv', 'POST')).toBe(false);
    expect(ok('/lv', 'GET', { rsc: '1' })).toBe(false);
    expect(ok('/lv?' + 'x'.repeat(2000))).toBe(false);
  });
});

describe('PublicCache', () => {
  const value = (text: string) => ({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: Buffer.from(text) });

  it('stores compressed variants and an ETag; clear() empties it and drops stores begun before it', () => {
    const cache = new PublicCache();
    const generation = cache.currentGeneration();
    const entry = cache.set('/lv', value('Jēkabpils novads'), generation);
    expect(gunzipSync(entry.gzip).toString()).toBe('Jēkabpils novads');
    expect(entry.etag).toMatch(/^".+"$/);
    expect(cache.get('/lv')).toBe(entry);
    const started = cache.currentGeneration();
    cache.clear();
    expect(cache.get('/lv')).toBeUndefined();
    cache.set('/lv', value('stale render'), started);
    expect(cache.get('/lv')).toBeUndefined();
  });

  it('keeps an origin ETag when given', () => {
    const cache = new PublicCache();
    expect(cache.set('/api/v1/x', { ...value('{}'), etag: '"abc"' }, cache.currentGeneration()).etag).toBe('"abc"');
  });
});

import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';

describe('PUBLIC_BASE_URL (issue 17: invitation links said localhost:3000 on another port)', () => {
  it('defaults to http://localhost:PORT', () => {
    expect(parseEnv({ PORT: '3117' }).PUBLIC_BASE_URL).toBe('http://localhost:3117');
    expect(parseEnv({}).PUBLIC_BASE_URL).toBe('http://localhost:3000');
  });

  it('an explicit PUBLIC_BASE_URL wins (a trailing slash is dropped); a blank one counts as unset', () => {
    expect(parseEnv({ PORT: '3117', PUBLIC_BASE_URL: 'https://memorands.example.lv/' }).PUBLIC_BASE_URL).toBe('https://memorands.example.lv');
    expect(parseEnv({ PORT: '8080', PUBLIC_BASE_URL: '' }).PUBLIC_BASE_URL).toBe('http://localhost:8080');
  });

  it('refuses a bad PORT at boot', () => {
    expect(() => parseEnv({ PORT: 'eighty' })).toThrow(/PORT/);
  });
});

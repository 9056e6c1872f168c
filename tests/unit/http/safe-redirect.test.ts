import { describe, expect, it } from 'vitest';
import { safeRedirectPath, safeRedirectUrl } from '@/lib/http/safe-redirect';

const origin = 'http://localhost:3117';
const opts = { origin, fallback: '/en/account' };

describe('safeRedirectPath (issue 17: open redirect after sign-in)', () => {
  it.each([
    // the probe's payloads (as the sign-in page receives them, decoded from ?next=)
    '/en/..//evil.example/',
    '/en/../\\evil.example/',
    '/en/..%2F%2Fevil.example%2F',
    '//evil.example/',
    '/\\evil.example',
    '\\\\evil.example',
    'http://evil.example/',
    'https://evil.example/en/',
    'javascript:alert(1)',
    '/en/%2e%2e//evil.example',
    '/en/./x',
    '/en/\u0009/evil.example',
    ' /en/x',
    '',
    'en/account',
  ])('refuses %j', (payload) => {
    expect(safeRedirectPath(payload, opts)).toBe('/en/account');
  });

  it('refuses non-strings', () => {
    expect(safeRedirectPath(undefined, opts)).toBe('/en/account');
    expect(safeRedirectPath(['/en/x'], opts)).toBe('/en/account');
  });

  it.each([
    ['/en/staff', '/en/staff'],
    ['/lv/secretary/liepaja?tab=1#x', '/lv/secretary/liepaja?tab=1#x'],
    ['/en/staff/users?q=a%20b', '/en/staff/users?q=a%20b'],
  ])('keeps the same-origin path %j', (payload, expected) => {
    expect(safeRedirectPath(payload, opts)).toBe(expected);
  });

  it('checks absolute URLs (Auth.js callbacks) against the origin', () => {
    expect(safeRedirectUrl('http://evil.example/', opts)).toBe(`${origin}/en/account`);
    expect(safeRedirectUrl(`${origin}/en/..//evil.example/`, opts)).toBe(`${origin}/en/account`);
    expect(safeRedirectUrl(`${origin}/lv/staff`, opts)).toBe(`${origin}/lv/staff`);
    expect(safeRedirectUrl('/lv/staff', opts)).toBe(`${origin}/lv/staff`);
  });
});

import { describe, expect, it } from 'vitest';
import { clientAddressFromChain } from '@/lib/http/client-address';

describe('client address behind trusted proxies (issue 17: the spoofable first hop was trusted)', () => {
  it('one trusted proxy: the entry it appended, not what the client sent', () => {
    expect(clientAddressFromChain('6.6.6.6, 203.0.113.5', '10.0.0.2', 1)).toBe('203.0.113.5');
    expect(clientAddressFromChain('203.0.113.5', '10.0.0.2', 1)).toBe('203.0.113.5');
  });

  it('two trusted proxies: the entry the outer one appended', () => {
    expect(clientAddressFromChain('6.6.6.6, 203.0.113.5, 10.0.0.9', '10.0.0.2', 2)).toBe('203.0.113.5');
  });

  it('no trusted proxy or no chain: the socket', () => {
    expect(clientAddressFromChain('6.6.6.6', '10.0.0.2', 0)).toBe('10.0.0.2');
    expect(clientAddressFromChain(undefined, '10.0.0.2', 1)).toBe('10.0.0.2');
    expect(clientAddressFromChain(' , ', '10.0.0.2', 1)).toBe('10.0.0.2');
  });

  it('a chain shorter than the trusted hops: its first entry', () => {
    expect(clientAddressFromChain('203.0.113.5', '10.0.0.2', 3)).toBe('203.0.113.5');
  });
});

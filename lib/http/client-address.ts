import type { IncomingMessage } from 'node:http';
import { env } from '@/lib/env';

/**
 * The client's address from an X-Forwarded-For chain of which the last
 * `trustedHops` entries were appended by proxies we trust: the entry the
 * outermost trusted proxy appended. Without trusted hops (or a chain), the
 * socket's address.
 *
 * Note: the first entry is whatever the client sent (issue 17: with
 * TRUST_PROXY=1 a client could spoof it at will, so spoofed addresses were
 * never locked out). Only entries our own proxies appended can be believed.
 * A chain shorter than the trusted hops is a misconfiguration; its first
 * entry is then the best we know.
 */
export function clientAddressFromChain(xff: string | undefined, socketAddress: string, trustedHops: number): string {
  if (trustedHops <= 0 || !xff) return socketAddress;
  const hops = xff
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  if (hops.length === 0) return socketAddress;
  return hops[Math.max(0, hops.length - trustedHops)]!;
}

/**
 * For the front server (scripts/server.ts): the client address it passes
 * on to Next.js as the only X-Forwarded-For entry (lib/auth/sign-in.ts
 * clientAddress reads it). TRUST_PROXY=1 trusts TRUST_PROXY_HOPS proxies
 * (default 1) in front of the portal.
 */
export function forwardedClientAddress(req: Pick<IncomingMessage, 'headers' | 'socket'>): string {
  const socketAddress = req.socket.remoteAddress ?? 'unknown';
  const xff = req.headers['x-forwarded-for'];
  const chain = Array.isArray(xff) ? xff.join(',') : xff;
  return clientAddressFromChain(chain, socketAddress, env.TRUST_PROXY === '1' ? env.TRUST_PROXY_HOPS : 0);
}

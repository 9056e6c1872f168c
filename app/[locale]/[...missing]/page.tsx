import { notFound } from 'next/navigation';

/**
 * Any other path under a language: the not-found page, rendered per request
 * like every page (so its scripts carry the request's CSP nonce) rather than
 * Next's prerendered default.
 */
export default function Missing(): never {
  notFound();
}

/**
 * Which requests the front server may answer from the public cache: GET or
 * HEAD of a public page or open-data URL, not a Next.js router (RSC) request,
 * and not a request that sends credentials to a route whose answer could
 * depend on them (public pages never do: the account link is fetched by the
 * browser).
 */
const PUBLIC_PATHS = [
  /^\/$/,
  /^\/(lv|en)$/,
  /^\/(lv|en)\/(memorandum|data|opengraph-image)$/,
  /^\/(lv|en)\/municipalities\/[a-z0-9-]{1,80}$/,
  /^\/api\/v1\/[a-z.-]{1,40}$/,
];

export function isCacheableRequest(method: string | undefined, url: string, headers: Record<string, string | string[] | undefined>): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (url.length > 1024) return false;
  if (
    headers.rsc !== undefined ||
    headers['next-router-prefetch'] !== undefined ||
    headers['next-router-state-tree'] !== undefined ||
    headers['next-action'] !== undefined
  )
    return false;
  const path = url.split('?')[0] ?? '';
  return PUBLIC_PATHS.some((p) => p.test(path));
}

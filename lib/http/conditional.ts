/**
 * HTTP conditional requests and content codings, by the book (RFC 9110):
 * entity-tag parsing (§8.8.3), weak comparison for If-None-Match (§8.8.3.2,
 * §13.1.2), content-coding negotiation with q-values (§12.5.3) and one
 * entity tag per content coding. Pure functions, used by the front server's
 * public cache (scripts/server.ts) and by the open data route handlers
 * (lib/opendata/http.ts), so both answer the same way.
 */

/** One entity tag: `opaque` is the quoted string as sent, quotes included. */
export type EntityTag = { weak: boolean; opaque: string };

/** A content coding the portal serves. */
export type ContentCoding = 'br' | 'gzip' | 'identity';

// entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE ; etagc = %x21 / %x23-7E / obs-text
const ENTITY_TAG = /^(W\/)?("[\x21\x23-\x7E\x80-\xFF]*")$/;

/** Parses one entity tag (`"x"` or `W/"x"`); anything else is null. */
export function parseEntityTag(text: string): EntityTag | null {
  const m = ENTITY_TAG.exec(text.trim());
  return m ? { weak: Boolean(m[1]), opaque: m[2]! } : null;
}

/**
 * Parses an If-None-Match field value: `*`, or the list of entity tags
 * (RFC 9110 list syntax: empty elements and whitespace allowed; a malformed
 * element is ignored, as §5.6.1 lets a recipient do). Several header lines
 * joined with ", " parse as one list.
 */
export function parseIfNoneMatch(value: string | null | undefined): '*' | EntityTag[] {
  if (!value) return [];
  if (value.trim() === '*') return '*';
  const tags: EntityTag[] = [];
  // Note: an opaque tag may hold a comma, so the list is scanned quote-aware rather than split on ','.
  const element = /\s*((?:W\/)?"[^"]*"|[^,]*)\s*(?:,|$)/gy;
  let m: RegExpExecArray | null;
  while (element.lastIndex < value.length && (m = element.exec(value))) {
    const tag = parseEntityTag(m[1] ?? '');
    if (tag) tags.push(tag);
    if (m[0] === '') break;
  }
  return tags;
}

/** Weak comparison (§8.8.3.2): equal opaque tags, whether either is weak or not. */
export function weakMatch(a: EntityTag, b: EntityTag): boolean {
  return a.opaque === b.opaque;
}

/**
 * Whether a GET or HEAD answered with a representation whose entity tag is
 * `etag` should be a 304 Not Modified (§13.1.2): If-None-Match is `*` (the
 * representation exists) or lists a tag that weakly matches `etag`.
 */
export function isNotModified(ifNoneMatch: string | string[] | null | undefined, etag: string): boolean {
  const value = Array.isArray(ifNoneMatch) ? ifNoneMatch.join(', ') : ifNoneMatch;
  const current = parseEntityTag(etag);
  if (!current) return false;
  const listed = parseIfNoneMatch(value);
  if (listed === '*') return true;
  return listed.some((tag) => weakMatch(tag, current));
}

/**
 * The content coding to send for an Accept-Encoding value (§12.5.3): the
 * highest q-value among `available` (br before gzip on a tie); `identity` when
 * nothing else is acceptable. `*` stands for every coding not named; q=0 refuses.
 * No header means no preference, answered with identity.
 */
export function negotiateEncoding(
  acceptEncoding: string | string[] | null | undefined,
  available: readonly Exclude<ContentCoding, 'identity'>[] = ['br', 'gzip'],
): ContentCoding {
  const value = Array.isArray(acceptEncoding) ? acceptEncoding.join(', ') : acceptEncoding;
  if (!value) return 'identity';
  const q = new Map<string, number>();
  for (const part of value.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name === 'x-gzip' ? 'gzip' : name, Number.isFinite(weight) ? Math.min(1, Math.max(0, weight)) : 0);
  }
  let best: ContentCoding = 'identity';
  let bestQ = 0;
  for (const coding of available) {
    const weight = q.get(coding) ?? q.get('*') ?? 0;
    if (weight > bestQ) [best, bestQ] = [coding, weight];
  }
  return best;
}

/**
 * The entity tag of one content coding of a representation: the identity
 * tag itself, or the tag with `-br` / `-gzip` appended inside the quotes
 * (weakness kept), so a client never gets one strong tag for different bytes.
 */
export function etagForCoding(etag: string, coding: ContentCoding): string {
  if (coding === 'identity') return etag;
  const tag = parseEntityTag(etag);
  if (!tag) return etag;
  return `${tag.weak ? 'W/' : ''}${tag.opaque.slice(0, -1)}-${coding}"`;
}

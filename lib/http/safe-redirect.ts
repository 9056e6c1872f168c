/**
 * The one check for redirect targets (the sign-in form's `next`, Auth.js
 * callbacks, page redirects). Pure: runs in the browser and on the server.
 *
 * Note: a target is accepted only as a path of the portal itself. It is
 * parsed against the portal's own origin and must stay on it; backslashes
 * (browsers read `\` as `/`), `..`/`.` segments (plain or percent-encoded),
 * control characters and protocol-relative `//host` paths are refused rather
 * than repaired, because `/en/..//evil.example/` normalises to the
 * protocol-relative `//evil.example/`.
 */
export function safeRedirectPath(target: unknown, { origin, fallback }: { origin: string; fallback: string }): string {
  if (typeof target !== 'string' || target.length === 0 || target.length > 2000) return fallback;
  if (!target.startsWith('/') || target.startsWith('//')) return fallback;
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f\s]/.test(target)) return fallback;
  const [pathPart] = target.split(/[?#]/, 1);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathPart ?? '');
  } catch {
    return fallback;
  }
  if (/[\\]/.test(decoded) || decoded.startsWith('//')) return fallback;
  if (decoded.split('/').some((segment) => segment === '..' || segment === '.')) return fallback;
  let url: URL;
  let base: URL;
  try {
    base = new URL(origin);
    url = new URL(target, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base.origin || url.pathname.startsWith('//')) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The same check for an absolute URL (Auth.js hands its callbacks absolute URLs): a same-origin path, made absolute again. */
export function safeRedirectUrl(target: unknown, { origin, fallback }: { origin: string; fallback: string }): string {
  if (typeof target === 'string' && /^[a-z][a-z0-9+.-]*:/i.test(target)) {
    try {
      const url = new URL(target);
      if (url.origin !== new URL(origin).origin) return new URL(fallback, origin).toString();
      return new URL(safeRedirectPath(`${url.pathname}${url.search}${url.hash}`, { origin, fallback }), origin).toString();
    } catch {
      return new URL(fallback, origin).toString();
    }
  }
  return new URL(safeRedirectPath(target, { origin, fallback }), origin).toString();
}

import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Discovery of the app's HTTP surface from the source (run from the project
 * root): every route handler with its exported methods, and every server
 * action. Used by the authorization matrix and the request fuzzer, so that
 * a new handler cannot escape either.
 */

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];
export type RouteHandler = { method: HttpMethod; /** e.g. '/api/accessions/[slug]/documents/[id]' */ route: string; file: string };

export function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/**
 * A route handler outside app/api is a page rendered as a plain document (the public pages, ADR 0180):
 * its GET is a page (the page matrix, discoverPages), any other method it exported would be an endpoint.
 */
const isPageRoute = (file: string) => !path.relative('app', file).startsWith(`api${path.sep}`);

/** Every exported handler of every app/**\/route.ts(x) but the GET of page routes, read from the source; route groups `(x)` are left out of the path. */
export function discoverRouteHandlers(): RouteHandler[] {
  return discoverAllRouteHandlers().filter((h) => !(h.method === 'GET' && isPageRoute(h.file)));
}

function discoverAllRouteHandlers(): RouteHandler[] {
  const files = walk('app')
    .filter((f) => /route\.tsx?$/.test(f))
    .sort();
  const isMethod = (name: string): name is HttpMethod => (HTTP_METHODS as readonly string[]).includes(name);
  return files.flatMap((file) => {
    const src = readFileSync(file, 'utf8');
    const route =
      '/' +
      path
        .dirname(path.relative('app', file))
        .split(path.sep)
        .filter((s) => !/^\(.*\)$/.test(s))
        .join('/');
    const methods = new Set<HttpMethod>();
    for (const m of src.matchAll(/export\s+(?:const|async function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)) methods.add(m[1] as HttpMethod);
    for (const m of src.matchAll(/export\s+const\s*\{([^}]*)\}/g))
      for (const name of m[1]!.split(',')) if (isMethod(name.trim())) methods.add(name.trim() as HttpMethod);
    return [...methods].map((method) => ({ method, route, file }));
  });
}

/** METHOD /path for every exported handler under app/. */
export function discoverHandlers(): string[] {
  return discoverRouteHandlers().map((h) => `${h.method} ${h.route}`);
}

/** Files with a 'use server' directive (server actions) in app/, lib/ or components/. */
export function discoverServerActions(): string[] {
  return ['app', 'lib', 'components'].flatMap((d) => walk(d)).filter((f) => /\.tsx?$/.test(f) && /^\s*['"]use server['"]/m.test(readFileSync(f, 'utf8')));
}

/**
 * Every page under app/ (page.tsx, page.ts…, and the GET route handlers outside app/api that render
 * whole documents) as its route, e.g. '/[locale]/staff/reports/[id]'; route groups `(x)` are left out.
 */
export function discoverPages(): string[] {
  const documentRoutes = new Set(
    discoverAllRouteHandlers()
      .filter((h) => h.method === 'GET' && isPageRoute(h.file))
      .map((h) => h.file),
  );
  return walk('app')
    .filter((f) => /(^|[\\/])page\.(tsx?|jsx?|mdx?)$/.test(f) || documentRoutes.has(f))
    .map(
      (file) =>
        '/' +
        path
          .dirname(path.relative('app', file))
          .split(path.sep)
          .filter((s) => s !== '.' && !/^\(.*\)$/.test(s))
          .join('/'),
    )
    .map((route) => (route === '/' ? route : route.replace(/\/$/, '')))
    .sort();
}

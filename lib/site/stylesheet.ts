import 'server-only';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Where the public pages' stylesheet is served from (public/assets/site.css, written by scripts/build-stylesheet.ts at build). */
export const STYLESHEET_PATH = '/assets/site.css';

let href: string | null = null;

/**
 * The stylesheet link of the public pages, versioned by its content
 * (`/assets/site.css?v=<sha256 prefix>`), so a new build's styles are never
 * mixed with an old cached copy. Read once per process.
 */
export function stylesheetHref(): string {
  if (href) return href;
  const file = path.join(process.cwd(), 'public', 'assets', 'site.css');
  if (!existsSync(file)) throw new Error(`${file} is missing: \`next build\` writes it (next.config.ts, scripts/build-stylesheet.ts, ADR 0180)`);
  const css = readFileSync(file);
  href = `${STYLESHEET_PATH}?v=${createHash('sha256').update(css).digest('hex').slice(0, 16)}`;
  return href;
}

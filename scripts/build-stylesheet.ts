/**
 * Builds public/assets/site.css from app/globals.css with the project's
 * PostCSS pipeline (postcss.config.mjs: Tailwind CSS), minified. The public
 * pages are plain documents rendered by route handlers (ADR 0180): they
 * link this file instead of a stylesheet chunk of Next's bundler, whose name
 * only Next's own page renderer knows. Called from next.config.ts when
 * building or starting the development server.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import postcss from 'postcss';
import tailwindcss from '@tailwindcss/postcss';

export const STYLESHEET_SOURCE = 'app/globals.css';
export const STYLESHEET_OUTPUT = 'public/assets/site.css';

/** Writes the stylesheet under `root` (atomically: concurrent builds never read half a file); returns its size. */
export async function buildStylesheet(root: string): Promise<number> {
  const from = path.join(root, STYLESHEET_SOURCE);
  const to = path.join(root, STYLESHEET_OUTPUT);
  const result = await postcss([tailwindcss({ base: root, optimize: { minify: true } })]).process(await readFile(from, 'utf8'), { from, to });
  await mkdir(path.dirname(to), { recursive: true });
  const temp = `${to}.${process.pid}.tmp`;
  await writeFile(temp, result.css);
  await rename(temp, to);
  return result.css.length;
}

/**
 * Geometry from the database only (ADR 0191): the boundary file is read by the seed (lib/seed) and nowhere else;
 * the running product (app/, components/, lib/) draws maps from the rows it loaded, so no page or route opens the
 * GeoJSON, the mergers file or computes a union per request.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === 'generated' || name === 'node_modules') return [];
    if (statSync(full).isDirectory()) return sourcesUnder(full);
    return /\.(ts|tsx|mts|js|mjs)$/.test(name) ? [full] : [];
  });
}

/** The code without its comments (a comment may name the file; only code can read it). */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

const runtime = ['app', 'components', 'lib']
  .flatMap((d) => sourcesUnder(path.join(root, d)))
  .filter((f) => !path.relative(root, f).startsWith(`lib${path.sep}seed${path.sep}`));

describe('the running product reads boundaries from the database only', () => {
  it('covers the product code', () => {
    expect(runtime.length).toBeGreaterThan(100);
    expect(runtime.map((f) => path.relative(root, f))).toContain(path.join('lib', 'map', 'store.ts'));
  });

  it('no file outside lib/seed imports the importer or the polygon clipper', () => {
    const offenders = runtime.filter((f) =>
      /from\s+['"](?:@\/lib\/seed\/boundaries|\.\.?\/(?:\.\.\/)*seed\/boundaries|polyclip-ts)['"]/.test(readFileSync(f, 'utf8')),
    );
    expect(offenders.map((f) => path.relative(root, f))).toEqual([]);
  });

  it('no file outside lib/seed reads a file of prisma/data (the GeoJSON, terms.json with the mergers)', () => {
    const offenders = runtime.filter((f) => {
      const text = code(readFileSync(f, 'utf8'));
      const reads = /\b(?:readFile|readFileSync|createReadStream|openAsBlob)\s*\(/.test(text);
      return reads && /\.geojson['"`]|['"`]terms\.json['"`]|prisma[/'"`,\s]+data/.test(text);
    });
    expect(offenders.map((f) => path.relative(root, f))).toEqual([]);
  });

  it('lib/map/geometry.ts stays under 300 lines', () => {
    expect(readFileSync(path.join(root, 'lib/map/geometry.ts'), 'utf8').split('\n').length).toBeLessThan(300);
  });
});

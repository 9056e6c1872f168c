/**
 * The repository is self-contained: no test, library or script reads the project's shared folder
 * (the sibling folder named "shared"). Everything the tests need lives under tests/fixtures or lib/.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const TEXT = /\.(ts|tsx|mts|cts|js|mjs|cjs|json|sh)$/;
const FORBIDDEN = ['../' + 'shared', '/' + 'shared/'];

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (name === 'node_modules' || name === 'generated' || name === 'fixtures') continue;
    if (statSync(full).isDirectory()) out.push(...filesUnder(full));
    else if (TEXT.test(name)) out.push(full);
  }
  return out;
}

describe('no reference to the shared folder outside the repository', () => {
  it('tests/, lib/, scripts/, bench/ and the config files never mention the shared folder', () => {
    const files = [
      ...['tests', 'lib', 'scripts', 'bench'].flatMap((d) => filesUnder(path.join(repoRoot, d))),
      ...readdirSync(repoRoot)
        .filter((n) => TEXT.test(n))
        .map((n) => path.join(repoRoot, n)),
    ];
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.filter((f) => {
      const text = readFileSync(f, 'utf8');
      return FORBIDDEN.some((s) => text.includes(s));
    });
    expect(offenders.map((f) => path.relative(repoRoot, f))).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { walk } from '../e2e/support/routes';

/** Tests are honest: none is skipped, marked to-do or focused (a focused one silently skips the rest). */
describe('the test suite', () => {
  it('has no skipped, conditional, to-do or focused test', () => {
    const modifier = ['skip', 'skipIf', 'runIf', 'fixme', 'todo', 'only'].join('|');
    const pattern = new RegExp(String.raw`\b(?:it|test|describe|suite|bench)(?:\.\w+)*\.(?:${modifier})\s*\(`);
    const offenders = walk('tests')
      .filter((f) => /\.(?:test|spec)\.tsx?$/.test(f))
      .flatMap((f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .map((line, i) => ({ where: `${f}:${i + 1}`, line })),
      )
      .filter(({ line }) => pattern.test(line))
      .map(({ where, line }) => `${where}: ${line.trim()}`);
    expect(offenders).toEqual([]);
  });
});

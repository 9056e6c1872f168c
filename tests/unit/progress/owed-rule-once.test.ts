/**
 * The owed-report rule is written once (ADR 0192): lib/progress/deadlines `owedCte` decides which periods are owed,
 * how many days remain and what is overdue. Nothing else in the product compares a due date with today or a
 * period's start with the decision date; callers read its columns (tests/integration/owed-reports.test.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const RULE_FILE = path.join('lib', 'progress', 'deadlines.ts');

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === 'generated') return [];
    if (statSync(full).isDirectory()) return sourcesUnder(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

/** Ways the rule (or a piece of it) has been written outside its file before. */
const RULE_PATTERNS: [string, RegExp][] = [
  ['period start against the decision date', /"startsOn"\s*>\s*COALESCE\s*\(\s*\w+\."sessionDate"/],
  ['due date against today (SQL)', /"dueOn"\s*(?:<|>|<=|>=)\s*\$\{/],
  ['due date against now (TypeScript)', /\b(?:isOverdue|daysUntil)\s*\(/],
];

describe('the owed-report rule is declared once', () => {
  const files = ['app', 'components', 'lib'].flatMap((d) => sourcesUnder(path.join(root, d)));

  it('lib/progress/deadlines.ts declares it', () => {
    const text = readFileSync(path.join(root, RULE_FILE), 'utf8');
    expect(RULE_PATTERNS[0]![1].test(text)).toBe(true);
    expect(text).toMatch(/export const owedCte/);
  });

  it('no other file of the product writes any part of it', () => {
    const offenders = files
      .filter((f) => path.relative(root, f) !== RULE_FILE)
      .flatMap((f) => {
        const text = readFileSync(f, 'utf8');
        return RULE_PATTERNS.filter(([, re]) => re.test(text)).map(([what]) => `${path.relative(root, f)}: ${what}`);
      });
    expect(offenders).toEqual([]);
  });
});

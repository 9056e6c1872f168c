/**
 * The commitments' sentences exist once (ADR 0190): in the memorandum text, prisma/data/memorandum.{lv,en}.md, which
 * the seed stores and lib/memorandum reads for every page, PDF and export. This fails when any other file of the
 * repository (data, code, messages, tests, docs) carries a copy of a commitment: eight consecutive words of one.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitmentSentences, memorandumDocument } from '@/lib/memorandum/text';

const root = path.resolve(import.meta.dirname, '../../..');
const SOURCES = ['prisma/data/memorandum.lv.md', 'prisma/data/memorandum.en.md'];
const SKIP = new Set(['node_modules', '.next', '.git', 'generated', '.data', 'test-results', 'playwright-report']);

function textFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (SKIP.has(name)) return [];
    if (statSync(full).isDirectory()) return textFilesUnder(full);
    return /\.(ts|tsx|mts|js|mjs|json|md|sql|prisma|txt|csv|html|yml|yaml|sh)$/.test(name) ? [full] : [];
  });
}

const normalise = (s: string) => s.toLowerCase().replace(/\s+/g, ' ');

/** Every run of `n` consecutive words of `sentence`. */
function shingles(sentence: string, n = 8): string[] {
  const words = normalise(sentence).split(' ');
  return Array.from({ length: Math.max(0, words.length - n + 1) }, (_, i) => words.slice(i, i + n).join(' '));
}

const sentences = SOURCES.flatMap((f) => commitmentSentences(readFileSync(path.join(root, f), 'utf8')));

describe('the commitments have one source', () => {
  it('the memorandum text lists three commitments in each language', () => {
    expect(sentences).toHaveLength(6);
    const lv = memorandumDocument(readFileSync(path.join(root, SOURCES[0]!), 'utf8'));
    expect(lv.commitmentsIntro).toBe('Parakstot šo memorandumu, pašvaldības deputāti apņemas savu pilnvaru laikā:');
    expect(lv.commitments[0]).toMatch(/^atvēlēt sociālajam dienestam .*plānošanā,$/);
  });

  it('no other file of the repository carries a commitment sentence', () => {
    const files = textFilesUnder(root).filter((f) => !SOURCES.includes(path.relative(root, f)));
    expect(files.length).toBeGreaterThan(200);
    const runs = sentences.flatMap((s) => shingles(s));
    const offenders = files.filter((f) => {
      const text = normalise(readFileSync(f, 'utf8'));
      return runs.some((r) => text.includes(r));
    });
    expect(offenders.map((f) => path.relative(root, f))).toEqual([]);
  });
});

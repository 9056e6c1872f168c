/** Location of the shared real-world document corpus used by the document tests. */
import { existsSync } from 'node:fs';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

/** `CORPUS_DIR` or `<repo>/../shared/corpus`. */
export const corpusDir = process.env.CORPUS_DIR ?? path.resolve(repoRoot, '../shared/corpus');

/** Throws a clear error when the corpus is missing (tests must fail, never skip). */
export function requireCorpus(): string {
  if (!existsSync(path.join(corpusDir, 'manifest.json'))) {
    throw new Error(
      `${process.env.CI ? 'CI: ' : ''}document corpus missing at ${corpusDir}; set CORPUS_DIR or provide ../shared/corpus next to the repository`,
    );
  }
  return corpusDir;
}

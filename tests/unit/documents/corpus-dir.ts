/** Location of the real-world document corpus used by the document tests: in the repository. */
import { existsSync } from 'node:fs';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

/** `tests/fixtures/corpus` (files, manifest.json, README.md with provenance and licences). */
export const corpusDir = path.join(repoRoot, 'tests/fixtures/corpus');

/** Throws a clear error when the corpus is missing (tests must fail, never skip). */
export function requireCorpus(): string {
  if (!existsSync(path.join(corpusDir, 'manifest.json'))) throw new Error(`document corpus missing at ${corpusDir} (it is part of the repository)`);
  return corpusDir;
}

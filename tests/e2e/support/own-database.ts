import { execFileSync } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { ROOT } from '../../support/run-script';

/**
 * A spec's own freshly migrated and seeded database `name` (tests/support/prepare-db.ts), for specs that start their own
 * server with a frozen clock (calendar, report periods); its URL and a small pool on it.
 */
export function prepareOwnDatabase(name: string): { url: string; pool: pg.Pool } {
  const url = execFileSync(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'tests/support/prepare-db.ts'), name], {
    cwd: ROOT,
    env: process.env,
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .at(-1)!;
  return { url, pool: new pg.Pool({ connectionString: url, max: 2 }) };
}

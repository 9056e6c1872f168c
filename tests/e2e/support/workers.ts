/**
 * Each Playwright worker has its own database and its own production server
 * (ADR 0200): worker i (testInfo.parallelIndex) talks to the server on
 * E2E_PORT + i, which serves `<DATABASE_URL's database>_w<i>`, a copy of the
 * seeded test database cloned as a PostgreSQL template when that server
 * starts, with its own storage folder and error log. Read by
 * playwright.config.ts (one webServer per worker), the fixtures (baseURL) and
 * the direct database helpers (tests/e2e/support/db.ts).
 */
import path from 'node:path';

/** As many workers as CI has cores (2); one database and one server each. */
export const E2E_WORKERS = 2;

/** The first server's port: E2E_PORT lets two checkouts run their end-to-end tests side by side. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);

const ROOT = path.resolve(import.meta.dirname, '../../..');

export type E2EWorker = {
  slot: number;
  port: number;
  baseURL: string;
  /** The worker's own database (a clone of the seeded one). */
  databaseUrl: string;
  /** The seeded test database it is cloned from (scripts/with-test-db.ts puts it in DATABASE_URL). */
  templateUrl: string;
  storageDir: string;
  errorLog: string;
};

export function e2eWorker(slot: number): E2EWorker {
  const templateUrl = process.env.DATABASE_URL ?? '';
  const port = E2E_PORT + slot;
  let databaseUrl = '';
  if (templateUrl) {
    const url = new URL(templateUrl);
    url.pathname = `/${url.pathname.slice(1)}_w${slot}`;
    databaseUrl = url.toString();
  }
  return {
    slot,
    port,
    baseURL: `http://localhost:${port}`,
    databaseUrl,
    templateUrl,
    storageDir: path.join(ROOT, `.data/e2e-storage-w${slot}`),
    errorLog: path.join(ROOT, `.data/e2e-server-errors-w${slot}.log`),
  };
}

/**
 * The worker this process runs tests for: Playwright sets TEST_PARALLEL_INDEX in each worker process to the
 * worker's testInfo.parallelIndex (0 … workers − 1). Outside a worker there is no database to write to.
 */
export function currentE2EWorker(): E2EWorker {
  const slot = Number(process.env.TEST_PARALLEL_INDEX);
  if (!Number.isInteger(slot) || slot < 0) throw new Error('Not in a Playwright worker: TEST_PARALLEL_INDEX is unset.');
  return e2eWorker(slot);
}

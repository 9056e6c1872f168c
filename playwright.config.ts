import { defineConfig } from '@playwright/test';
import { E2E_WORKERS, e2eWorker } from './tests/e2e/support/workers';

const isCI = Boolean(process.env.CI);

/** Debian's Chromium (Playwright cannot download its own browser here). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  // One database and one server per worker (tests/e2e/support/workers.ts, ADR 0200).
  workers: E2E_WORKERS,
  forbidOnly: isCI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    // baseURL is the worker's own server: the fixture in tests/e2e/support/fixtures.ts sets it per worker.
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [
    { name: 'chromium', use: { browserName: 'chromium' }, testIgnore: /calendar\.spec\.ts/ },
    // The calendar spec starts its own servers (clocks frozen at 2026-12-03 and 2025-05-01) on a fresh database of
    // its own; it runs after the others so that three servers never compete for the CPU at once.
    { name: 'calendar', use: { browserName: 'chromium' }, testMatch: /calendar\.spec\.ts/, dependencies: ['chromium'] },
  ],
  // One production server per worker, each on its own database (cloned from the seeded test database by
  // tests/e2e/support/worker-database.ts just before it starts), storage folder and error log (ADR 0200).
  webServer: Array.from({ length: E2E_WORKERS }, (_, slot) => {
    const worker = e2eWorker(slot);
    return {
      // A fresh data cache: the test databases are new on every run.
      command: `rm -rf .next/cache/fetch-cache && node_modules/.bin/tsx tests/e2e/support/worker-database.ts && node_modules/.bin/tsx scripts/server.ts ${worker.port}`,
      url: `${worker.baseURL}/lv`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore' as const,
      stderr: 'pipe' as const,
      env: {
        DATABASE_URL: worker.databaseUrl,
        // What worker-database.ts clones DATABASE_URL from: the seeded test database of scripts/with-test-db.ts.
        E2E_TEMPLATE_DATABASE_URL: worker.templateUrl,
        AUTH_SECRET: 'e2e-secret-not-for-production-0123456789',
        PUBLIC_BASE_URL: worker.baseURL,
        STORAGE_DIR: worker.storageDir,
        // E2E_BCRYPT_COST=12 runs the flood tests (tests/e2e/hardening.spec.ts) at the production cost.
        BCRYPT_COST: process.env.E2E_BCRYPT_COST ?? '4',
        // The tests stand in for a reverse proxy: they may set X-Forwarded-For.
        TRUST_PROXY: '1',
        // As behind https in production: the session cookie is Secure (Chromium accepts it on localhost).
        AUTH_COOKIE_SECURE: '1',
        NODE_ENV: 'production',
        // The calendar clock (lib/clock, honoured on a loopback server only): the suites run on 2025-05-01, in the
        // 2021–2025 term they were written for; tests/e2e/calendar.spec.ts starts servers frozen at 2026-12-03.
        FROZEN_NOW: process.env.E2E_FROZEN_NOW ?? '2025-05-01',
        // scripts/server.ts appends unhandled rejections and uncaught exceptions here (tests/e2e/fuzz.spec.ts checks it).
        SERVER_ERROR_LOG: worker.errorLog,
      },
    };
  }),
});

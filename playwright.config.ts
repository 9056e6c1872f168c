import { defineConfig } from '@playwright/test';

// E2E_PORT lets two checkouts run their end-to-end tests side by side.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const isCI = Boolean(process.env.CI);

/** Debian's Chromium (Playwright cannot download its own browser here). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 2,
  forbidOnly: isCI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
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
  webServer: {
    // A fresh data cache: the test database is new on every run.
    command: `rm -rf .next/cache/fetch-cache && node_modules/.bin/tsx scripts/server.ts ${PORT}`,
    url: `http://localhost:${PORT}/lv`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      DATABASE_URL: process.env.DATABASE_URL ?? '',
      AUTH_SECRET: 'e2e-secret-not-for-production-0123456789',
      PUBLIC_BASE_URL: `http://localhost:${PORT}`,
      STORAGE_DIR: '.data/e2e-storage',
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
      SERVER_ERROR_LOG: '.data/e2e-server-errors.log',
    },
  },
});

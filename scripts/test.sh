#!/usr/bin/env bash
# Second README command: every test. Type check, unit and integration tests
# (Vitest, real PostgreSQL), then end-to-end tests (Playwright, real Chromium)
# against the production build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
bash scripts/ensure-chromium.sh
bash scripts/ensure-pg-client.sh
bash scripts/ensure-nginx.sh
echo "== type check"
node_modules/.bin/next typegen >/dev/null
node_modules/.bin/tsc --noEmit -p .
echo "== production build"
node_modules/.bin/next build >/dev/null
echo "== unit, integration and end-to-end tests"
exec node_modules/.bin/tsx scripts/with-test-db.ts bash -c 'node_modules/.bin/vitest run && node_modules/.bin/playwright test'

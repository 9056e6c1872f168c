#!/usr/bin/env bash
# Second README command: every test. Lint (ESLint, zero warnings) and format
# check (Prettier), type check, unit and integration tests (Vitest, real
# PostgreSQL), then end-to-end tests (Playwright, real Chromium) against the
# production build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
bash scripts/ensure-chromium.sh
bash scripts/ensure-pg-client.sh
bash scripts/ensure-nginx.sh
echo "== format (Prettier) and lint (ESLint, zero warnings)"
node_modules/.bin/prettier --check --log-level warn .
# The route types next typegen writes are part of the program the type-aware lint rules read.
node_modules/.bin/next typegen >/dev/null
node_modules/.bin/eslint --max-warnings 0 .
echo "== type check"
node_modules/.bin/tsc --noEmit -p .
echo "== production build"
node_modules/.bin/next build >/dev/null
echo "== unit, integration and end-to-end tests"
exec node_modules/.bin/tsx scripts/with-test-db.ts bash -c 'node_modules/.bin/vitest run && node_modules/.bin/playwright test'

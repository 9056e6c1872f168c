#!/usr/bin/env bash
# First README command: install, build, and bring the portal up at
# http://localhost:3000 with its reference data.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
echo "Building the portal…"
node_modules/.bin/next build >/dev/null
# Plain node with tsx's loader: no extra process between the terminal's signals and serve.ts.
exec node --import tsx scripts/serve.ts

#!/usr/bin/env bash
# The end-to-end tests run in Debian's Chromium (Playwright cannot download
# its own browser here). Install it when missing and we may.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the end-to-end tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
  exit 0
fi
echo "Chromium is missing. Install it, e.g.: sudo apt-get install chromium   (the tests use /usr/bin/chromium, or set CHROMIUM_PATH)" >&2
exit 1

#!/usr/bin/env bash
# Backups (npm run backup / restore, and their tests) use PostgreSQL's own
# pg_dump and pg_restore, of the server's major version (15). Install
# Debian's client tools when missing and we may.
set -euo pipefail
if [ -x /usr/lib/postgresql/15/bin/pg_dump ] && [ -x /usr/lib/postgresql/15/bin/pg_restore ]; then exit 0; fi
if [ -n "${PG_BIN:-}" ] && [ -x "$PG_BIN/pg_dump" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's postgresql-client-15 for backups…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-client-15 >/dev/null
  exit 0
fi
echo "pg_dump 15 is missing. Install it, e.g.: sudo apt-get install postgresql-client-15   (or set PG_BIN to its folder)" >&2
exit 1

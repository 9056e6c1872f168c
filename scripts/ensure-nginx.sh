#!/usr/bin/env bash
# The two-instance test (tests/integration/two-instances.test.ts) puts
# Debian's nginx in front of two portal servers. Install it when missing
# and we may (the package's own service is not started: the test runs its
# own nginx with a generated configuration on free ports).
set -euo pipefail
if command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's nginx for the reverse-proxy test…"
  for attempt in 1 2 3 4 5 6; do
    if apt-get update -qq && DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 apt-get install -y -qq --no-install-recommends nginx >/dev/null; then
      exit 0
    fi
    echo "apt is busy; retrying in 10 s…" >&2
    sleep 10
  done
fi
echo "nginx is missing. Install it, e.g.: sudo apt-get install nginx   (the test uses /usr/sbin/nginx, or set NGINX_PATH)" >&2
exit 1

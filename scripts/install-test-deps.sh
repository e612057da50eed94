#!/usr/bin/env bash
# Installs what SesBot's tests need beyond the .NET SDK, on a fresh Debian machine. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  if [ -z "${apt_updated:-}" ]; then apt-get update -qq; apt_updated=1; fi
  apt-get install -y -qq "$@" >/dev/null
}

# A real PostgreSQL for the persistence tests (the tests start their own throwaway cluster on 127.0.0.1).
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  apt_install postgresql-15
fi

# Node.js counterparts (Adaptive Cards renderer, Teams manifest schemas, Agents Playground), pinned by package-lock.json.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  apt_install nodejs npm
fi
if [ ! -d tests/node/node_modules ] || [ tests/node/package-lock.json -nt tests/node/node_modules/.package-lock.json ]; then
  npm ci --prefix tests/node --no-audit --no-fund --loglevel=error
fi

# Debian's Chromium for the Playwright tests that drive the Agents Playground's web page and take the screenshots
# (Playwright's own browser download does not work here; the tests launch /usr/bin/chromium).
if [ ! -x /usr/bin/chromium ]; then
  apt_install chromium
fi

# .NET local tools pinned in dotnet-tools.json: dotnet-ef (migration checks) and smtp4dev (the SMTP server the email tests start).
dotnet tool restore >/dev/null

#!/usr/bin/env bash
# Installs what SesBot's tests need beyond the .NET SDK, on a fresh Debian machine. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

# Node.js counterparts (Adaptive Cards renderer, Teams manifest schemas, Agents Playground), pinned by package-lock.json.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null
fi
if [ ! -d tests/node/node_modules ] || [ tests/node/package-lock.json -nt tests/node/node_modules/.package-lock.json ]; then
  npm ci --prefix tests/node --no-audit --no-fund --loglevel=error
fi

# .NET local tools (dotnet-ef, used by migration checks).
dotnet tool restore >/dev/null

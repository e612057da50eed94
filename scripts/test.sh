#!/usr/bin/env bash
# Runs SesBot's whole test suite on a fresh Debian machine: installs what the tests need, builds, tests,
# and ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
log_dir="$root/.artifacts/test-logs"
mkdir -p "$log_dir"

step() { printf '\n== %s\n' "$*"; }

# 1. What the tests need beyond the .NET SDK.
if [ -x scripts/install-test-deps.sh ]; then
  step "Installing test dependencies"
  scripts/install-test-deps.sh || { echo "installing test dependencies failed"; echo "0 passed, 1 failed"; exit 1; }
fi

# 2. Build once, then test every project of the solution.
step "Building"
if ! dotnet build SesBot.sln -c Release -nologo > "$log_dir/build.log" 2>&1; then
  grep -E "error" "$log_dir/build.log" | sort -u | head -30
  echo "build failed (see $log_dir/build.log)"
  echo "0 passed, 1 failed"
  exit 1
fi

step "Testing"
dotnet test SesBot.sln -c Release --no-build -nologo 2>&1 | tee "$log_dir/test.log"
status=${PIPESTATUS[0]}

passed=$(grep -Eo 'Passed: +[0-9]+' "$log_dir/test.log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log_dir/test.log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -Eo 'Skipped: +[0-9]+' "$log_dir/test.log" | awk '{s+=$2} END {print s+0}')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1   # the runner failed without reporting a failed test (crash, timeout): count it
fi
echo
echo "skipped: $skipped"
echo "$passed passed, $failed failed"
exit "$status"

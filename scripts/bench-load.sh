#!/usr/bin/env bash
# The write-path load benchmark: SesBot (Release bot process, local mode, seeded SQLite) against Microsoft's JavaScript
# botbuilder peer (../shared/bench) and a bare ASP.NET Core floor, servers on core 0, load generator on core 1.
# Prints a table with ratios and writes .artifacts/bench/load-*.json. Not part of the tests.
# Options (all optional): --conversations 64 --warmup 10 --measure 30 --cold-starts 3 --accounts 24000 --sql-flows 10
#                         --servers sesbot,peer,bare
# SESBOT_BENCH_TRACE=file.csv appends every measured turn (server, when sent, latency, kind) to that file.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(nproc --all)" -lt 2 ]; then
  echo "bench-load needs 2 cores (servers on core 0, load on core 1)" >&2
  exit 2
fi
# The bot as it is deployed: the self-contained composite ReadyToRun publish (scripts/publish.sh); --il measures the
# plain build output instead.
if [ "${1:-}" = "--il" ]; then
  shift
  dotnet build bot -c Release --nologo -v quiet
  unset SESBOT_BENCH_BOT_DLL
else
  bash scripts/publish.sh .artifacts/publish/bench-bot >/dev/null
  export SESBOT_BENCH_BOT_DLL=.artifacts/publish/bench-bot/SesBot.Bot
fi
dotnet build tests/SesBot.Benchmarks -c Release --nologo -v quiet
# Bounded: the program has its own budget; this is the backstop that also ends every server it started.
exec timeout --kill-after=30 40m taskset -c 1 dotnet tests/SesBot.Benchmarks/bin/Release/net10.0/SesBot.Benchmarks.dll load "$@"

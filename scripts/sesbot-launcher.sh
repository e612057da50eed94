#!/usr/bin/env bash
# Starts the published bot (SesBot.Bot in this folder) with the .NET runtime settings that runtimeconfig.json cannot
# carry. scripts/publish.sh copies this file into the publish folder as `sesbot`; run that, from the folder holding
# appsettings.json. A value already set in the environment wins over the one here.
#
# bash, not sh: Debian's sh (dash) drops environment variables whose names are not shell names before it starts the
# bot, and ASP.NET Core settings such as Logging__LogLevel__Microsoft.EntityFrameworkCore have dots in theirs.
#
# Tiering. The bot starts on precompiled (ReadyToRun) code; the runtime recompiles the methods that turn out hot into
# faster code, but only once no method has run for the first time in the last 100 ms, and ten times that (1 s) when the
# process has one processor (a pinned process, a one-CPU container). A server under load keeps running some method
# for the first time now and then, so on one processor that quiet second rarely came: the hot path stayed on the slower
# code for minutes and was then recompiled in bursts that stalled every turn in flight. 30 ms, on any number of
# processors, still holds the recompiling back while the bot starts (no slower first answer) and lets it happen early
# under load. Measured in docs/benchmarks.md (2026-12-05, 17:00 UTC): 0 ms made the first answer about 0.6 s later.
: "${DOTNET_TC_CallCountingDelayMs:=30}"
: "${DOTNET_TC_DelaySingleProcMultiplier:=1}"
export DOTNET_TC_CallCountingDelayMs DOTNET_TC_DelaySingleProcMultiplier
here=$(cd "$(dirname "$0")" && pwd)
exec "$here/SesBot.Bot" "$@"

#!/usr/bin/env bash
# Publishes the bot for deployment: Release, ReadyToRun (precompiled, so the first turn is not spent in the JIT),
# framework-dependent for linux-x64. Output: .artifacts/publish/bot (or the folder given as $1).
# Run it with: dotnet .artifacts/publish/bot/SesBot.Bot.dll   (from the folder holding appsettings.json)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-.artifacts/publish/bot}"
dotnet publish bot -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$out" --nologo -v quiet
echo "published: $out/SesBot.Bot.dll"

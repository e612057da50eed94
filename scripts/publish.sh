#!/usr/bin/env bash
# Publishes the bot for deployment: Release, self-contained for linux-x64, and ReadyToRun as one composite image of the
# bot, every library it uses and the .NET runtime itself, so that a fresh process answers its first turn with little
# left for the JIT (the measurements are in docs/benchmarks.md). About 200 MB; publishing takes 2–3 minutes.
# Output: .artifacts/publish/bot (or the folder given as $1).
# Run it with: .artifacts/publish/bot/SesBot.Bot   (from the folder holding appsettings.json)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-.artifacts/publish/bot}"
# A composite image and a plain ReadyToRun publish must not share precompiled intermediates: a mix aborts at start.
rm -rf bot/obj/Release/net10.0/linux-x64 core/obj/Release/net10.0/linux-x64
dotnet publish bot -c Release -r linux-x64 --self-contained true \
  -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true -o "$out" --nologo -v quiet
echo "published: $out/SesBot.Bot"

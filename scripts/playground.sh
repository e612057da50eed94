#!/usr/bin/env bash
# Opens the Microsoft 365 Agents Playground (the local Teams test client) on the locally running bot.
# Start the bot first (`dotnet run --project bot`), then run this and open the address it prints.
set -euo pipefail
cd "$(dirname "$0")/.."
bot=${BOT_ENDPOINT:-http://127.0.0.1:3978/api/messages}
port=${PLAYGROUND_PORT:-56150}
[ -d tests/node/node_modules/@microsoft/m365agentsplayground ] || npm ci --prefix tests/node --no-audit --no-fund --loglevel=error
export TEAMSAPPTESTER_BROWSER=none
export NODE_OPTIONS="--require $(pwd)/tests/node/loopback-only.js"
echo "Agents Playground: http://127.0.0.1:${port}  (bot: ${bot})"
exec node tests/node/node_modules/@microsoft/m365agentsplayground/cli.js \
  --app-endpoint "$bot" --channel-id msteams --port "$port" \
  --service-url "http://127.0.0.1:${port}/_connector" --disable-telemetry

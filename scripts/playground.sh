#!/usr/bin/env bash
# Opens the Microsoft 365 Agents Playground (the local Teams test client) on the local bot, and starts the bot too
# (`dotnet run --project bot`, local mode) when nothing answers on its address yet. Open the address it prints.
set -euo pipefail
cd "$(dirname "$0")/.."
bot_base=${BOT_BASE:-http://127.0.0.1:3978}
bot=${BOT_ENDPOINT:-$bot_base/api/messages}
port=${PLAYGROUND_PORT:-56150}

if ! curl -fsS -o /dev/null --max-time 2 "$bot_base/healthz" 2>/dev/null; then
  mkdir -p data
  echo "Starting the bot (log: data/bot.log) …"
  dotnet run --project bot -- --urls "$bot_base" > data/bot.log 2>&1 &
  bot_pid=$!
  trap 'kill $bot_pid 2>/dev/null || true' EXIT INT TERM
  for _ in $(seq 1 180); do
    curl -fsS -o /dev/null --max-time 2 "$bot_base/healthz" 2>/dev/null && break
    kill -0 "$bot_pid" 2>/dev/null || { echo "The bot stopped while starting; see data/bot.log"; exit 1; }
    sleep 1
  done
  curl -fsS -o /dev/null --max-time 2 "$bot_base/healthz" || { echo "The bot did not answer within 3 minutes; see data/bot.log"; exit 1; }
  echo "Bot running: $bot_base (what runs and the demo people: $bot_base/)"
fi

[ -d tests/node/node_modules/@microsoft/m365agentsplayground ] || npm ci --prefix tests/node --no-audit --no-fund --loglevel=error
export TEAMSAPPTESTER_BROWSER=none
export NODE_OPTIONS="--require $(pwd)/tests/node/loopback-only.js"
echo "Agents Playground: http://127.0.0.1:${port}  (bot: ${bot})"
node tests/node/node_modules/@microsoft/m365agentsplayground/cli.js \
  --app-endpoint "$bot" --channel-id msteams --port "$port" \
  --service-url "http://127.0.0.1:${port}/_connector" --disable-telemetry

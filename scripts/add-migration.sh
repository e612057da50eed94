#!/usr/bin/env bash
# Adds a migration NAME for both database providers (each keeps its own migrations).
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NAME}
cd "$(dirname "$0")/../core"
dotnet tool restore >/dev/null
dotnet ef migrations add "$name" --context SqliteSesBotDbContext --output-dir Persistence/Migrations/Sqlite
dotnet ef migrations add "$name" --context PostgresSesBotDbContext --output-dir Persistence/Migrations/PostgreSql
rm -f design.db
# The bot's SQLite model is compiled ahead of time: keep it in step with the migration.
bash ../scripts/compile-model.sh

#!/usr/bin/env bash
# Adds a migration NAME for both database providers (each keeps its own migrations).
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NAME}
cd "$(dirname "$0")/../core"
dotnet tool restore >/dev/null
dotnet ef migrations add "$name" --context SqliteSesBotDbContext --output-dir Persistence/Migrations/Sqlite
dotnet ef migrations add "$name" --context PostgresSesBotDbContext --output-dir Persistence/Migrations/PostgreSql
rm -f design.db
# EF Core 10's snapshot generator leaves out a key's SQLite value generation strategy. The delivery record's and the
# send attempt's keys have none (no AUTOINCREMENT, see SqliteSesBotDbContext.OnModelCreating); without it in the
# snapshot the model always looks changed. Say so rather than leave a snapshot that fails every migrated test database.
snapshot=Persistence/Migrations/Sqlite/SqliteSesBotDbContextModelSnapshot.cs
if [ "$(grep -c 'Sqlite:ValueGenerationStrategy' "$snapshot")" -lt 2 ]; then
  echo "$snapshot: add .HasAnnotation(\"Sqlite:ValueGenerationStrategy\", SqliteValueGenerationStrategy.None) to the Id of" >&2
  echo "InboundDelivery and OutboxAttempt (and the new migration's Designer file), as in 20261205143350_DeliveriesInKeyOrder; then run scripts/compile-model.sh." >&2
  exit 1
fi
# The bot's SQLite model is compiled ahead of time: keep it in step with the migration.
bash ../scripts/compile-model.sh

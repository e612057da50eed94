#!/usr/bin/env bash
# Regenerates the SQLite context's compiled EF Core model (core/Persistence/CompiledModels/Sqlite), which the bot uses
# instead of building the model at its first request. Run it after any change to an entity or its configuration
# (scripts/add-migration.sh runs it); CompiledModelTests fails while it is out of date.
set -euo pipefail
cd "$(dirname "$0")/../core"
dotnet tool restore >/dev/null
rm -rf Persistence/CompiledModels/Sqlite
dotnet ef dbcontext optimize --context SqliteSesBotDbContext --output-dir Persistence/CompiledModels/Sqlite \
  --namespace SesBot.Core.Persistence.CompiledModels.Sqlite >/dev/null
rm -f design.db
echo "compiled model: core/Persistence/CompiledModels/Sqlite"

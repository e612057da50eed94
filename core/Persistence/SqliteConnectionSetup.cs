using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SesBot.Core.Persistence;

/// <summary>
/// Per-connection SQLite settings: WAL durability at NORMAL (a commit survives a crash of the process; only a power
/// loss may take back the last commits), and the automatic checkpoint inside commits only as a backstop
/// (<see cref="SqliteCheckpointer"/> checkpoints in the background). The journal mode itself (WAL) is set once per file by the database
/// initializer. The settings belong to the native connection, which Microsoft.Data.Sqlite pools and hands out again on
/// each logical open; they are applied once per native connection, not on every open. (The long-lived connections
/// turns run on, <see cref="SqliteTurnConnections"/>, apply the same setting when they open.)
/// </summary>
public sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    private static readonly string Pragmas = "PRAGMA synchronous = NORMAL; " + SqliteCheckpointer.AutomaticCheckpointBackstop;

    // Keyed by the native handle's wrapper, which lives exactly as long as the native connection in the pool.
    private readonly ConditionalWeakTable<object, object> _configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (IsNew(connection, out var handle))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
            _configured.AddOrUpdate(handle, handle);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (IsNew(connection, out var handle))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            _configured.AddOrUpdate(handle, handle);
        }
    }

    private bool IsNew(DbConnection connection, out object handle)
    {
        handle = (connection as SqliteConnection)?.Handle ?? (object)connection;
        return !_configured.TryGetValue(handle, out _);
    }
}

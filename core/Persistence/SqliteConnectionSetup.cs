using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SesBot.Core.Persistence;

/// <summary>
/// Per-connection SQLite settings: WAL durability at NORMAL (a commit survives a crash of the process; only a power
/// loss may take back the last commits) and foreign keys on. The journal mode itself (WAL) is set once per file by
/// the database initializer.
/// </summary>
public sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous = NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SesBot.Core.Persistence;

namespace SesBot.Core.Tests.Support;

/// <summary>
/// A real SQLite database in memory, alive as long as this object keeps its connection open. Every context made by
/// <see cref="CreateContext"/> shares the connection, so they see the same data, as two requests of the bot would.
/// </summary>
public sealed class SqliteTestDatabase : IAsyncDisposable
{
    private readonly SqliteConnection _connection;

    private SqliteTestDatabase(SqliteConnection connection) => _connection = connection;

    /// <summary>Opens a fresh database and applies the migrations to it.</summary>
    public static async Task<SqliteTestDatabase> CreateAsync()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var database = new SqliteTestDatabase(connection);
        await using var db = database.CreateContext();
        await db.Database.MigrateAsync();
        return database;
    }

    public SqliteSesBotDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<SqliteSesBotDbContext>().UseSqlite(_connection).Options);

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}

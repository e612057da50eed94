using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SesBot.Core.Persistence;

namespace SesBot.Core.Tests.Support;

/// <summary>
/// A real SQLite database in memory, alive as long as this object keeps its connection open. Every context made by
/// <see cref="CreateContext"/> shares the connection, so they see the same data, as two requests of the bot would.
/// </summary>
/// <remarks>
/// The migrations are applied once, with <c>Database.MigrateAsync()</c>, to a template database; each test database
/// starts as a copy of it (SQLite's online backup), which keeps the suite fast on a small machine.
/// </remarks>
public sealed class SqliteTestDatabase : IAsyncDisposable
{
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static SqliteConnection? template;

    private readonly SqliteConnection _connection;

    private SqliteTestDatabase(SqliteConnection connection) => _connection = connection;

    /// <summary>Opens a fresh database at the current schema.</summary>
    public static async Task<SqliteTestDatabase> CreateAsync()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await CopyTemplateToAsync(connection);
        return new SqliteTestDatabase(connection);
    }

    /// <summary>Opens an empty database and applies the migrations to it, without the template.</summary>
    public static async Task<SqliteTestDatabase> CreateMigratedAsync()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var database = new SqliteTestDatabase(connection);
        await using var db = database.CreateContext();
        await db.Database.MigrateAsync();
        return database;
    }

    public SqliteSesBotDbContext CreateContext(params IInterceptor[] interceptors) =>
        new(new DbContextOptionsBuilder<SqliteSesBotDbContext>().UseSqlite(_connection).AddInterceptors(interceptors).Options);

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

    /// <summary>Copies the migrated template into the connection. One connection is not for two threads at once: hence the lock.</summary>
    private static async Task CopyTemplateToAsync(SqliteConnection destination)
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (template is null)
            {
                var database = await CreateMigratedAsync();
                template = database._connection;
            }

            template.BackupDatabase(destination);
        }
        finally
        {
            TemplateLock.Release();
        }
    }
}

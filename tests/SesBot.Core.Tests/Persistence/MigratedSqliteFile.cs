using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using SesBot.Core.Persistence;

namespace SesBot.Core.Tests.Persistence;

/// <summary>A SQLite file of its own, migrated, with SesBot's database services registered on it; deleted afterwards.</summary>
internal sealed class MigratedSqliteFile : IAsyncDisposable
{
    private MigratedSqliteFile(string path, ServiceProvider services)
    {
        Path = path;
        Services = services;
    }

    public string Path { get; }

    public ServiceProvider Services { get; }

    /// <summary>A new file, migrated to the latest migration, or only up to <paramref name="migration"/> when it is given.</summary>
    public static async Task<MigratedSqliteFile> CreateAsync(string name, string? migration = null)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"sesbot-{name}-{Guid.NewGuid():N}.db");
        var services = new ServiceCollection().AddSesBotDatabase(DatabaseProvider.Sqlite, $"Data Source={path}").BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
        await (migration is null ? db.Database.MigrateAsync() : db.GetService<IMigrator>().MigrateAsync(migration));
        return new MigratedSqliteFile(path, services);
    }

    /// <summary>Runs SQL on the file through a connection of its own, past SesBot's mapping (as an older build would write).</summary>
    public async Task ExecuteAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The rows SQL reads from the file, each value as SQLite holds it (null for NULL).</summary>
    public async Task<List<object?[]>> RowsAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        List<object?[]> rows = [];
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection($"Data Source={Path};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" })
        {
            File.Delete(file);
        }
    }
}

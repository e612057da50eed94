using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SesBot.Core.Persistence;

namespace SesBot.Core.Tests.Persistence;

/// <summary>
/// Two migrated SQLite files in a temporary folder, one whose saves may be written directly and one saved by EF Core
/// alone, and the rows of a table as text (each column's storage type and value), to compare what each left.
/// </summary>
internal sealed class DirectAndEfFiles : IAsyncDisposable
{
    private readonly string _directory;

    private DirectAndEfFiles(string directory, ServiceProvider direct, ServiceProvider ef)
    {
        _directory = directory;
        Direct = direct;
        Ef = ef;
    }

    public ServiceProvider Direct { get; }

    public ServiceProvider Ef { get; }

    public static async Task<DirectAndEfFiles> CreateAsync(string prefix)
    {
        var directory = Directory.CreateTempSubdirectory(prefix).FullName;
        return new DirectAndEfFiles(directory, await OpenAsync(directory, "direct.db"), await OpenAsync(directory, "ef.db"));
    }

    /// <summary>The scope's context, with direct saves on or off.</summary>
    public static SesBotDbContext Context(AsyncServiceScope scope, bool direct)
    {
        var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
        ((SqliteSesBotDbContext)db).DirectSaves = direct;
        return db;
    }

    /// <summary>Every row of the table, each column as its storage type and value.</summary>
    public static async Task<List<string>> RowsAsync(ServiceProvider services, string table)
    {
        await using var scope = services.CreateAsyncScope();
        var connection = (SqliteConnection)scope.ServiceProvider.GetRequiredService<SesBotDbContext>().Database.GetDbConnection();
        await connection.OpenAsync();
        return await RowsAsync(connection, table);
    }

    public static async Task<List<string>> RowsAsync(SqliteConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
        await using var reader = await command.ExecuteReaderAsync();
        List<string> rows = [];
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i =>
                $"{reader.GetName(i)}={reader.GetDataTypeName(i)}:{Text(reader, i)}")));
        }

        return rows;
    }

    /// <summary>A column's value as text; a blob (a deflated invoke answer) byte for byte, so that rows compare by content.</summary>
    private static string Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal)
        ? "null"
        : reader.GetValue(ordinal) switch
        {
            byte[] bytes => Convert.ToHexString(bytes),
            var value => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
        };

    public async ValueTask DisposeAsync()
    {
        await Direct.DisposeAsync();
        await Ef.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static async Task<ServiceProvider> OpenAsync(string directory, string file)
    {
        var services = new ServiceCollection().AddSesBotDatabase(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(directory, file)}").BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SesBotDbContext>().Database.MigrateAsync();
        return services;
    }
}

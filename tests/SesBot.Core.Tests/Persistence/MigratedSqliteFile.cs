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

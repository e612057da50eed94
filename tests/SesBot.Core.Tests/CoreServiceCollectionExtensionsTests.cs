using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SesBot.Core.Persistence;

namespace SesBot.Core.Tests;

public sealed class CoreServiceCollectionExtensionsTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sesbot-core-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task AddSesBotDatabase_SqliteRelativeFile_ResolvedUnderContentRootAndMigratable()
    {
        var services = new ServiceCollection().AddSesBotDatabase(DatabaseProvider.Sqlite, "Data Source=data/test.db", contentRoot: _root);
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();

        var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
        await db.Database.MigrateAsync();

        Assert.IsType<SqliteSesBotDbContext>(db);
        Assert.True(File.Exists(Path.Combine(_root, "data", "test.db")));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task AddSesBotDatabase_SqliteWithoutConnectionString_UsesDataFolderDefault()
    {
        var services = new ServiceCollection().AddSesBotDatabase(DatabaseProvider.Sqlite, null, contentRoot: _root);
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();

        var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();

        Assert.Equal(Path.Combine(_root, "data", "sesbot.db"), new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource);
        Assert.True(Directory.Exists(Path.Combine(_root, "data")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void AddSesBotDatabase_PostgreSqlWithoutConnectionString_Throws(string? connectionString)
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            new ServiceCollection().AddSesBotDatabase(DatabaseProvider.PostgreSql, connectionString));

        Assert.Contains("ConnectionStrings:SesBot", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddSesBotDatabase_PostgreSql_RegistersPostgresContext()
    {
        var services = new ServiceCollection().AddSesBotDatabase(DatabaseProvider.PostgreSql, "Host=localhost;Database=sesbot");
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();

        var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();

        Assert.IsType<PostgresSesBotDbContext>(db);
        // The PostgreSQL migrations are kept in step with the model (checked without a server).
        Assert.False(db.Database.HasPendingModelChanges());
        Assert.NotEmpty(db.Database.GetMigrations());
    }
}

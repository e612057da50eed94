using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SesBot.Core.Persistence;

namespace SesBot.Core.Tests.Persistence;

/// <remarks>
/// Alone, not beside other test classes: these tests watch one native connection go back to the pool and come out
/// again, and other tests empty every pool when they finish.
/// </remarks>
[Collection(nameof(SqliteConnectionSetupTests))]
[CollectionDefinition(nameof(SqliteConnectionSetupTests), DisableParallelization = true)]
public sealed class SqliteConnectionSetupTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"sesbot-setup-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Open_FirstTime_SynchronousIsNormal()
    {
        await using var db = CreateContext(new SqliteConnectionSetup());
        await db.Database.OpenConnectionAsync();

        Assert.Equal(1L, await ScalarAsync(db, "PRAGMA synchronous;")); // 1 = NORMAL; SQLite's own default is FULL (2)
    }

    [Fact]
    public async Task Open_SameNativeConnectionFromPool_SettingsNotSentAgain()
    {
        var setup = new SqliteConnectionSetup();
        await using (var first = CreateContext(setup))
        {
            await first.Database.OpenConnectionAsync();
            await ScalarAsync(first, "PRAGMA synchronous = FULL;"); // marks the native connection
        }

        for (var open = 0; open < 3; open++)
        {
            await using var again = CreateContext(setup);
            await again.Database.OpenConnectionAsync();

            // The pool handed back the same native connection and the setup did not run its statement again.
            Assert.Equal(2L, await ScalarAsync(again, "PRAGMA synchronous;"));
        }
    }

    [Fact]
    public async Task Open_NewNativeConnectionAfterPoolCleared_SettingsAppliedAgain()
    {
        var setup = new SqliteConnectionSetup();
        await using (var first = CreateContext(setup))
        {
            await first.Database.OpenConnectionAsync();
            await ScalarAsync(first, "PRAGMA synchronous = FULL;");
        }

        SqliteConnection.ClearAllPools();

        await using var second = CreateContext(setup);
        await second.Database.OpenConnectionAsync();
        Assert.Equal(1L, await ScalarAsync(second, "PRAGMA synchronous;"));
    }

    [Fact]
    public void Open_Synchronously_SettingsApplied()
    {
        using var db = CreateContext(new SqliteConnectionSetup());
        db.Database.OpenConnection();
        using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA synchronous;";
        Assert.Equal(1L, command.ExecuteScalar());
    }

    private SqliteSesBotDbContext CreateContext(SqliteConnectionSetup setup) =>
        new(new DbContextOptionsBuilder<SqliteSesBotDbContext>().UseSqlite($"Data Source={_file};Pooling=True").AddInterceptors(setup).Options);

    private static async Task<object?> ScalarAsync(DbContext db, string sql)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}

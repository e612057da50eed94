using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SesBot.Core.Conversations;
using SesBot.Core.Persistence;

namespace SesBot.Core.Tests.Persistence;

public sealed class SqliteCheckpointerTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 12, 5, 6, 0, 0, TimeSpan.Zero);
    private MigratedSqliteFile _database = null!;

    private ServiceProvider Services => _database.Services;

    private string DatabaseFile => _database.Path;

    public async Task InitializeAsync() => _database = await MigratedSqliteFile.CreateAsync("checkpoint");

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public void Registered_AsAHostedServiceOfTheSqliteDatabase()
    {
        Assert.Contains(Services.GetServices<IHostedService>(), s => s is SqliteCheckpointer);
    }

    [Fact]
    public async Task Connections_OpenWithTheAutomaticCheckpointOnlyAsABackstop()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
        await db.Database.OpenConnectionAsync();
        Assert.Equal(SqliteCheckpointer.BackstopPages, await PragmaAsync(db, "PRAGMA wal_autocheckpoint;"));
        await db.Database.CloseConnectionAsync();

        await using var lease = await Services.GetRequiredService<SqliteTurnConnections>().AttachAsync(db, CancellationToken.None);
        Assert.Equal(SqliteCheckpointer.BackstopPages, await PragmaAsync(db, "PRAGMA wal_autocheckpoint;"));
    }

    [Fact]
    public async Task Commits_BelowTheBackstop_DoNotCheckpoint_TheCheckpointerCopiesTheLogIntoTheFile()
    {
        // The last connection to close checkpoints the file; other tests empty the provider's pools at any time, so this
        // one keeps a connection of its own open until it has looked.
        await using var open = new SqliteConnection($"Data Source={DatabaseFile};Pooling=False");
        await open.OpenAsync();
        await using (var read = open.CreateCommand())
        {
            read.CommandText = "SELECT count(*) FROM sqlite_master;"; // holds the file only once it has read it
            await read.ExecuteScalarAsync();
        }

        await WriteRowsAsync(700, responseLength: 6000); // about two pages each, deflated too: past the 1,000 pages where SQLite would checkpoint
        using var checkpointer = new SqliteCheckpointer($"Data Source={DatabaseFile}", TimeProvider.System, NullLogger<SqliteCheckpointer>.Instance);

        var (log, copied) = checkpointer.Checkpoint();

        Assert.True(log > 1000, $"the log holds {log} pages: a commit checkpointed it");
        Assert.Equal(log, copied); // no reader held anything back
        var again = checkpointer.Checkpoint();
        Assert.Equal(again.LogPages, again.CopiedPages);
    }

    [Fact]
    public async Task Running_CheckpointsOnEveryInterval()
    {
        var clock = new FakeTimeProvider(At);
        using var checkpointer = new SqliteCheckpointer($"Data Source={DatabaseFile}", clock, NullLogger<SqliteCheckpointer>.Instance);
        await checkpointer.StartAsync(CancellationToken.None);
        await WriteRowsAsync(50, responseLength: 2000);

        // The loop starts in the background: its timer may not exist yet at the first advance, so time moves on one
        // interval at a time until a checkpoint has run.
        var waited = 0;
        while (checkpointer.Runs == 0 && waited++ < 3000)
        {
            clock.Advance(SqliteCheckpointer.Interval);
            await Task.Delay(10);
        }

        await checkpointer.StopAsync(CancellationToken.None);
        Assert.True(checkpointer.Runs >= 1);
        Assert.True(checkpointer.Runs <= waited, "a checkpoint ran without its interval passing");

        // Everything written is in the file now: the last checkpoint left nothing to copy.
        Assert.Equal(checkpointer.Checkpoint().LogPages, checkpointer.Checkpoint().CopiedPages);
    }

    /// <summary>Text the delivery record's deflating cannot shrink much (random base64): a row keeps about the size asked for.</summary>
    private static string Incompressible(int length) =>
        Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes((length * 3 / 4) + 3))[..length];

    private async Task WriteRowsAsync(int count, int responseLength)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
        await db.Database.OpenConnectionAsync(); // one connection for all the commits, whatever other tests do to the pools
        for (var i = 0; i < count; i++)
        {
            db.InboundDeliveries.Add(new InboundDelivery("msteams", "conv-1", $"a-{Guid.NewGuid():N}", At) { ResponseJson = Incompressible(responseLength) });
            await db.SaveChangesAsync();
        }
    }

    private static async Task<long> PragmaAsync(SesBotDbContext db, string sql)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

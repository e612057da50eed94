using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SesBot.Core.Conversations;
using SesBot.Core.Persistence;

namespace SesBot.Core.Tests.Persistence;

public sealed class SqliteTurnConnectionsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 12, 5, 6, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken Ct = CancellationToken.None;
    private MigratedSqliteFile _database = null!;

    private ServiceProvider Services => _database.Services;

    private string DatabaseFile => _database.Path;

    public async Task InitializeAsync() => _database = await MigratedSqliteFile.CreateAsync("turnconn");

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public void Registered_WithTheSqliteDatabase_OnePerProcessorWithinBounds()
    {
        var connections = Services.GetRequiredService<SqliteTurnConnections>();

        Assert.Equal(Math.Clamp(Environment.ProcessorCount, 1, SqliteTurnConnections.MaxConnections), connections.Connections);
    }

    [Fact]
    public void NotRegistered_WithPostgreSql()
    {
        using var services = new ServiceCollection().AddSesBotDatabase(DatabaseProvider.PostgreSql, "Host=localhost;Database=sesbot").BuildServiceProvider();

        Assert.Null(services.GetService<SqliteTurnConnections>());
    }

    [Fact]
    public async Task Attach_ContextRunsOnTheLentConnection_ThenGoesBackToItsOwn()
    {
        var connections = Services.GetRequiredService<SqliteTurnConnections>();
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
        var own = db.Database.GetConnectionString();

        SqliteConnection lent;
        await using (var lease = await connections.AttachAsync(db, Ct))
        {
            lent = lease.Connection;
            Assert.Same(lent, db.Database.GetDbConnection());
            db.InboundDeliveries.Add(Delivery("d-1"));
            await db.SaveChangesAsync(Ct);
        }

        Assert.NotSame(lent, db.Database.GetDbConnection());
        Assert.Equal(own, db.Database.GetConnectionString());
        Assert.Equal(1, await db.InboundDeliveries.CountAsync(Ct)); // works on its own connection again
        Assert.Equal(System.Data.ConnectionState.Open, lent.State); // kept open for the next turn
    }

    [Theory]
    [InlineData("PRAGMA foreign_keys;")]
    [InlineData("PRAGMA synchronous;")]
    [InlineData("PRAGMA journal_mode;")]
    public async Task LentConnection_HasTheSettingsOfTheContextsOwn(string pragma)
    {
        var connections = Services.GetRequiredService<SqliteTurnConnections>();
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
        await db.Database.OpenConnectionAsync(Ct);
        var own = await ScalarAsync(db, pragma);
        await db.Database.CloseConnectionAsync();

        await using var lease = await connections.AttachAsync(db, Ct);

        Assert.Equal(own, await ScalarAsync(db, pragma));
    }

    [Fact]
    public async Task LentConnection_HasTheProvidersFunctions_DecimalComparisonAndOrder()
    {
        var connections = Services.GetRequiredService<SqliteTurnConnections>();
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
        await using var lease = await connections.AttachAsync(db, Ct);

        // EF Core compares and orders decimals (stored as text) with a function and a collation of its own.
        Assert.Equal(0, await db.BillingRecords.CountAsync(b => b.Amount > 10m, Ct));
        Assert.Empty(await db.BillingRecords.OrderBy(b => b.Amount).Select(b => b.Id).ToListAsync(Ct));
    }

    [Fact]
    public async Task PooledContext_AfterALease_NextUnitOfWorkIsNotOnTheLentConnection()
    {
        var connections = Services.GetRequiredService<SqliteTurnConnections>();
        SesBotDbContext first;
        SqliteConnection lent;
        await using (var scope = Services.CreateAsyncScope())
        {
            first = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
            await using var lease = await connections.AttachAsync(first, Ct);
            lent = lease.Connection;
            await first.InboundDeliveries.CountAsync(Ct);
        }

        await using (var scope = Services.CreateAsyncScope())
        {
            var next = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
            Assert.Same(first, next); // the pool gave the same context back
            Assert.NotSame(lent, next.Database.GetDbConnection());
        }
    }

    [Fact]
    public async Task SameQueryAgain_CompiledOnce_AnswersFollowTheParameters()
    {
        var connections = Services.GetRequiredService<SqliteTurnConnections>();
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
        await using var lease = await connections.AttachAsync(db, Ct);
        db.InboundDeliveries.AddRange(Delivery("d-1", "first"), Delivery("d-2", "second"));
        await db.SaveChangesAsync(Ct);

        var one = await ResponseOfAsync(db, "d-1");
        var kept = lease.Statements;
        var two = await ResponseOfAsync(db, "d-2");
        var none = await ResponseOfAsync(db, "d-3");

        Assert.Equal(("first", "second", (string?)null), (one, two, none));
        Assert.Equal(kept, lease.Statements); // the second and third runs used the statement of the first
    }

    [Fact]
    public async Task SameQueryInsideItsOwnReading_BothReadInFull()
    {
        var connections = Services.GetRequiredService<SqliteTurnConnections>();
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
        await using var lease = await connections.AttachAsync(db, Ct);
        db.InboundDeliveries.AddRange(Delivery("d-1"), Delivery("d-2"), Delivery("d-3"));
        await db.SaveChangesAsync(Ct);

        List<(string Outer, string Inner)> pairs = [];
        await foreach (var outer in Keys(db).AsAsyncEnumerable().WithCancellation(Ct))
        {
            // The same SQL text while its statement is still being read: this one must not reuse it.
            await foreach (var inner in Keys(db).AsAsyncEnumerable().WithCancellation(Ct))
            {
                pairs.Add((outer, inner));
            }
        }

        Assert.Equal(9, pairs.Count);
        Assert.Equal(["d-1", "d-2", "d-3"], pairs.Select(p => p.Outer).Distinct());
    }

    [Fact]
    public async Task DuplicateInsert_OnACompiledStatement_IsAnUpdateException()
    {
        var connections = Services.GetRequiredService<SqliteTurnConnections>();
        await using (var scope = Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
            await using var lease = await connections.AttachAsync(db, Ct);
            db.InboundDeliveries.Add(Delivery("d-1"));
            await db.SaveChangesAsync(Ct); // compiles the insert
        }

        await using (var scope = Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
            await using var lease = await connections.AttachAsync(db, Ct);
            db.InboundDeliveries.Add(Delivery("d-1"));

            // What the turn pipeline recognizes as "this delivery was already handled".
            var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
            Assert.IsType<SqliteException>(error.InnerException);
        }

        // The statement that failed runs again cleanly for the next turn on that connection.
        await using (var scope = Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
            await using var lease = await connections.AttachAsync(db, Ct);
            db.InboundDeliveries.Add(Delivery("d-2"));
            await db.SaveChangesAsync(Ct);
            Assert.Equal(["d-1", "d-2"], await Keys(db).ToListAsync(Ct));
        }
    }

    [Fact]
    public async Task LeaseEndsInsideATransaction_NothingOfItIsKept_AndTheNextTurnCanWrite()
    {
        var connections = Services.GetRequiredService<SqliteTurnConnections>();
        await using (var scope = Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
            await using var lease = await connections.AttachAsync(db, Ct);
            await db.Database.BeginTransactionAsync(Ct);
            db.InboundDeliveries.Add(Delivery("d-abandoned"));
            await db.SaveChangesAsync(Ct); // written inside the transaction, never committed
        }

        for (var turn = 0; turn < connections.Connections + 1; turn++)
        {
            await using var scope = Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
            await using var lease = await connections.AttachAsync(db, Ct);
            Assert.NotEqual(0, SQLitePCL.raw.sqlite3_get_autocommit(lease.Connection.Handle)); // no transaction left open on it
            db.InboundDeliveries.Add(Delivery($"d-{turn}"));
            await db.SaveChangesAsync(Ct);
        }

        await using var check = Services.CreateAsyncScope();
        var keys = await check.ServiceProvider.GetRequiredService<SesBotDbContext>().InboundDeliveries
            .Select(d => d.DeliveryKey).ToListAsync(Ct);
        Assert.DoesNotContain("d-abandoned", keys);
        Assert.Equal(connections.Connections + 1, keys.Count);
    }

    [Fact]
    public async Task LeaseEndsInsideATransactionEfDoesNotKnow_ThatConnectionIsNotLentAgain()
    {
        var connections = Services.GetRequiredService<SqliteTurnConnections>();
        SqliteConnection left;
        await using (var scope = Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
            await using var lease = await connections.AttachAsync(db, Ct);
            left = lease.Connection;
            await db.Database.ExecuteSqlRawAsync("BEGIN;", Ct); // a transaction neither EF Core nor the provider tracks
        }

        Assert.Equal(System.Data.ConnectionState.Closed, left.State);
        for (var turn = 0; turn < connections.Connections; turn++)
        {
            await using var scope = Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
            await using var lease = await connections.AttachAsync(db, Ct);
            Assert.NotSame(left, lease.Connection);
            db.InboundDeliveries.Add(Delivery($"d-{turn}"));
            await db.SaveChangesAsync(Ct); // would wait for the write lock the abandoned transaction held
        }
    }

    [Fact]
    public async Task AllConnectionsLent_NextTurnWaits_UntilOneComesBack()
    {
        using var connections = new SqliteTurnConnections($"Data Source={DatabaseFile}", 2);
        await using var s1 = Services.CreateAsyncScope();
        await using var s2 = Services.CreateAsyncScope();
        await using var s3 = Services.CreateAsyncScope();
        var first = await connections.AttachAsync(s1.ServiceProvider.GetRequiredService<SesBotDbContext>(), Ct);
        var second = await connections.AttachAsync(s2.ServiceProvider.GetRequiredService<SesBotDbContext>(), Ct);

        var third = connections.AttachAsync(s3.ServiceProvider.GetRequiredService<SesBotDbContext>(), Ct).AsTask();
        Assert.False(third.IsCompleted);

        var freed = first.Connection;
        await first.DisposeAsync();
        await using var lease = await third.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.Same(freed, lease.Connection); // the connection given back, not a third one
        await second.DisposeAsync();
    }

    [Fact]
    public async Task Cancelled_WhileWaiting_TakesNoConnection()
    {
        using var connections = new SqliteTurnConnections($"Data Source={DatabaseFile}", 1);
        await using var s1 = Services.CreateAsyncScope();
        await using var s2 = Services.CreateAsyncScope();
        var waitingDb = s2.ServiceProvider.GetRequiredService<SesBotDbContext>();
        var held = await connections.AttachAsync(s1.ServiceProvider.GetRequiredService<SesBotDbContext>(), Ct);
        using var cancel = new CancellationTokenSource();
        var waiting = connections.AttachAsync(waitingDb, cancel.Token).AsTask();

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.NotSame(held.Connection, waitingDb.Database.GetDbConnection());
        await held.DisposeAsync();

        // The one connection is free again: the cancelled wait did not keep its place.
        await using var again = await connections.AttachAsync(waitingDb, Ct).AsTask()
            .WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.Equal(0, await waitingDb.InboundDeliveries.CountAsync(Ct));
    }

    private static async Task<string?> ScalarAsync(SesBotDbContext db, string sql)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static IQueryable<string> Keys(SesBotDbContext db)
        => db.InboundDeliveries.AsNoTracking().OrderBy(d => d.DeliveryKey).Select(d => d.DeliveryKey);

    private static Task<string?> ResponseOfAsync(SesBotDbContext db, string key)
        => db.InboundDeliveries.AsNoTracking().Where(d => d.DeliveryKey == key).Select(d => d.ResponseJson).FirstOrDefaultAsync(Ct);

    private static InboundDelivery Delivery(string key, string? response = null)
        => new("msteams", "conv-1", key, At) { ResponseJson = response };
}

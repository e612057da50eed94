using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SesBot.Core.Conversations;
using SesBot.Core.Persistence;
using SesBot.Core.Tests.Support;

namespace SesBot.Core.Tests.Conversations;

public sealed class DeliveryLedgerTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2027, 3, 15, 10, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider _services = new ServiceCollection().BuildServiceProvider();
    private SqliteTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await SqliteTestDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task Record_NothingWrittenUntilTheTurnCommits()
    {
        await using var db = _database.CreateContext();
        Ledger(db).Record("msteams", "a:1", "activity-1");

        await using (var check = _database.CreateContext())
        {
            Assert.Null(await Ledger(check).FindAsync("msteams", "a:1", "activity-1"));
        }

        await db.SaveChangesAsync();
        await using var after = _database.CreateContext();
        var stored = await Ledger(after).FindAsync("msteams", "a:1", "activity-1");
        Assert.NotNull(stored);
        Assert.Equal(_clock.GetUtcNow(), stored.ReceivedAt);
    }

    [Fact]
    public async Task Record_SameDeliveryCommittedTwice_SecondCommitConflicts()
    {
        await using (var db = _database.CreateContext())
        {
            Ledger(db).Record("slack", "C1", "Ev123").ResponseJson = "{\"answer\":1}";
            await db.SaveChangesAsync();
        }

        await using (var db = _database.CreateContext())
        {
            Ledger(db).Record("slack", "C1", "Ev123");
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await using var check = _database.CreateContext();
        Assert.Equal("{\"answer\":1}", (await Ledger(check).FindAsync("slack", "C1", "Ev123"))?.ResponseJson);
        Assert.Equal(1, await check.InboundDeliveries.CountAsync());
    }

    [Fact]
    public async Task Record_SameIdInAnotherConversationOrChannel_IsAnotherDelivery()
    {
        await using var db = _database.CreateContext();
        var ledger = Ledger(db);
        ledger.Record("msteams", "a:1", "same-key");
        ledger.Record("msteams", "a:2", "same-key");
        ledger.Record("slack", "a:1", "same-key");

        await db.SaveChangesAsync();

        Assert.Equal(3, await db.InboundDeliveries.CountAsync());
    }

    [Fact]
    public async Task PruneAsync_OldDeliveries_RemovedAndForgotten()
    {
        await using var db = _database.CreateContext();
        var ledger = Ledger(db);
        ledger.Record("msteams", "a:1", "old");
        await db.SaveChangesAsync();
        _clock.Advance(TimeSpan.FromDays(2));
        ledger.Record("msteams", "a:1", "new");
        await db.SaveChangesAsync();

        var pruned = await ledger.PruneAsync(TimeSpan.FromDays(1));

        Assert.Equal(1, pruned);
        await using var check = _database.CreateContext();
        Assert.Equal(["new"], await check.InboundDeliveries.Select(d => d.DeliveryKey).ToListAsync());
        Assert.Null(await Ledger(check).FindAsync("msteams", "a:1", "old"));
    }

    [Fact]
    public async Task PruneAsync_ForgetsTheRowsBeforeTheFirstRecentOneInKeyOrder_AnOldOneCommittedAfterItWaitsForTheNext()
    {
        var start = _clock.GetUtcNow();
        await RecordAsync("old-1", start);
        await RecordAsync("old-2", start.AddHours(1));
        await RecordAsync("recent", start.AddDays(3));
        await RecordAsync("late-old", start.AddHours(2)); // a turn received before the cutoff that committed after a newer one
        _clock.SetUtcNow(start.AddDays(3).AddMinutes(1));

        await using (var db = _database.CreateContext())
        {
            Assert.Equal(2, await Ledger(db).PruneAsync(TimeSpan.FromDays(2)));
        }

        Assert.Equal(["recent", "late-old"], await KeysInOrderAsync());

        // Once every row is old, every row goes (late-old among them), and recording goes on.
        _clock.Advance(TimeSpan.FromDays(3));
        await using (var db = _database.CreateContext())
        {
            Assert.Equal(2, await Ledger(db).PruneAsync(TimeSpan.FromDays(2)));
        }

        Assert.Empty(await KeysInOrderAsync());
        await RecordAsync("after", _clock.GetUtcNow());
        Assert.Equal(["after"], await KeysInOrderAsync());
    }

    [Fact]
    public async Task PruneAsync_ARowDatedInTheFuture_DoesNotHoldTheOthersBack()
    {
        var start = _clock.GetUtcNow();
        await RecordAsync("old-1", start);
        await RecordAsync("future", start.AddDays(365)); // written while the clock was a year ahead, then set back
        await RecordAsync("old-2", start.AddHours(1));
        await RecordAsync("recent", start.AddDays(3));
        _clock.SetUtcNow(start.AddDays(3).AddMinutes(1));

        await using (var db = _database.CreateContext())
        {
            Assert.Equal(2, await Ledger(db).PruneAsync(TimeSpan.FromDays(2)));
        }

        Assert.Equal(["future", "recent"], await KeysInOrderAsync());
    }

    [Fact]
    public async Task PruneAsync_NothingOld_ForgetsNothing()
    {
        await RecordAsync("recent", _clock.GetUtcNow());

        await using var db = _database.CreateContext();

        Assert.Equal(0, await Ledger(db).PruneAsync(TimeSpan.FromDays(1)));
        Assert.Equal(["recent"], await KeysInOrderAsync());
    }

    private async Task RecordAsync(string key, DateTimeOffset receivedAt)
    {
        await using var db = _database.CreateContext();
        Ledger(db, new FakeTimeProvider(receivedAt)).Record("msteams", "a:1", key);
        await db.SaveChangesAsync();
    }

    private async Task<List<string>> KeysInOrderAsync()
    {
        await using var db = _database.CreateContext();
        return await db.InboundDeliveries.OrderBy(d => d.Id).Select(d => d.DeliveryKey).ToListAsync();
    }

    private DeliveryLedger Ledger(SesBotDbContext db, TimeProvider? clock = null) => new(db, clock ?? _clock, new DatabaseWrites(_services));
}

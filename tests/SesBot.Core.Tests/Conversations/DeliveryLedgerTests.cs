using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SesBot.Core.Conversations;
using SesBot.Core.Tests.Support;

namespace SesBot.Core.Tests.Conversations;

public sealed class DeliveryLedgerTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2027, 3, 15, 10, 0, 0, TimeSpan.Zero));
    private SqliteTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await SqliteTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task TryRecordAsync_FirstDelivery_TrueAndStored()
    {
        await using var db = _database.CreateContext();

        Assert.True(await new DeliveryLedger(db, _clock).TryRecordAsync("teams", "activity-1"));

        await using var check = _database.CreateContext();
        var stored = await check.InboundDeliveries.SingleAsync();
        Assert.Equal("teams", stored.Channel);
        Assert.Equal("activity-1", stored.DeliveryKey);
        Assert.Equal(_clock.GetUtcNow(), stored.ReceivedAt);
    }

    [Fact]
    public async Task TryRecordAsync_RedeliveryInSameContext_False()
    {
        await using var db = _database.CreateContext();
        var ledger = new DeliveryLedger(db, _clock);
        await ledger.TryRecordAsync("slack", "Ev123");

        Assert.False(await ledger.TryRecordAsync("slack", "Ev123"));
        // The context stays usable after the conflict.
        Assert.True(await ledger.TryRecordAsync("slack", "Ev124"));
    }

    [Fact]
    public async Task TryRecordAsync_RedeliveryToAnotherInstance_False()
    {
        await using (var db = _database.CreateContext())
        {
            await new DeliveryLedger(db, _clock).TryRecordAsync("slack", "Ev123");
        }

        await using (var db = _database.CreateContext())
        {
            Assert.False(await new DeliveryLedger(db, _clock).TryRecordAsync("slack", "Ev123"));
        }

        await using var check = _database.CreateContext();
        Assert.Equal(1, await check.InboundDeliveries.CountAsync());
    }

    [Fact]
    public async Task TryRecordAsync_SameKeyOnAnotherChannel_True()
    {
        await using var db = _database.CreateContext();
        var ledger = new DeliveryLedger(db, _clock);

        Assert.True(await ledger.TryRecordAsync("teams", "same-key"));
        Assert.True(await ledger.TryRecordAsync("slack", "same-key"));
    }

    [Fact]
    public async Task PruneAsync_OldDeliveries_RemovedAndForgotten()
    {
        await using var db = _database.CreateContext();
        var ledger = new DeliveryLedger(db, _clock);
        await ledger.TryRecordAsync("teams", "old");
        _clock.Advance(TimeSpan.FromDays(2));
        await ledger.TryRecordAsync("teams", "new");

        var pruned = await ledger.PruneAsync(TimeSpan.FromDays(1));

        Assert.Equal(1, pruned);
        await using var check = _database.CreateContext();
        Assert.Equal(["new"], await check.InboundDeliveries.Select(d => d.DeliveryKey).ToListAsync());
        Assert.True(await new DeliveryLedger(check, _clock).TryRecordAsync("teams", "old"));
    }
}

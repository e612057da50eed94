using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SesBot.Core.Outbox;
using SesBot.Core.Persistence;
using SesBot.Core.Tests.Support;

namespace SesBot.Core.Tests.Persistence;

/// <summary>
/// A turn's replies claimed for sending by the turn's own commit (<see cref="Persistence.SesBotDbContext.ClaimOnCommit"/>):
/// only when nothing unsent of the same conversation comes before them, and never when the commit fails.
/// </summary>
public sealed class OutboxClaimOnCommitTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2027, 3, 15, 10, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LeaseUntil = Now.AddMinutes(2);
    private SqliteTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await SqliteTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Save_ConversationWithNothingUnsent_WrittenClaimedWithOneAttempt()
    {
        await using var db = _database.CreateContext();
        var first = Message("c-1", "k-1");
        var second = Message("c-1", "k-2");
        await SaveClaimingAsync(db, first, second);

        Assert.Equal([first, second], db.ClaimedOnCommit);
        Assert.False(db.ClaimRefused);
        Assert.False(db.AddsOutboxMessages); // nothing left for the dispatcher to find
        var rows = await RowsAsync();
        Assert.All(rows, r => Assert.Equal((OutboxStatus.Sending, 1, LeaseUntil), (r.Status, r.Attempts, r.LeaseUntil)));
    }

    [Theory]
    [InlineData(OutboxStatus.Pending)]
    [InlineData(OutboxStatus.Sending)]
    public async Task Save_ConversationWithAnEarlierUnsentMessage_LeftPendingBehindIt(OutboxStatus earlier)
    {
        await SeedAsync(Message("c-1", "k-0"), earlier);
        await using var db = _database.CreateContext();
        var mine = Message("c-1", "k-1");
        var otherConversation = Message("c-2", "k-2");
        await SaveClaimingAsync(db, mine, otherConversation);

        Assert.Equal([otherConversation], db.ClaimedOnCommit);
        Assert.True(db.ClaimRefused);
        Assert.True(db.AddsOutboxMessages); // the pending one is the dispatcher's to find
        var rows = await RowsAsync();
        Assert.Equal(
            [("k-0", earlier, earlier == OutboxStatus.Sending ? 1 : 0), ("k-1", OutboxStatus.Pending, 0), ("k-2", OutboxStatus.Sending, 1)],
            rows.Select(r => (r.IdempotencyKey, r.Status, r.Attempts)));
    }

    [Fact]
    public async Task Save_SameConversationGetsAnUnclaimedMessageInThisSave_LeftPendingBehindIt()
    {
        await using var db = _database.CreateContext();
        var notice = Message("c-1", "k-notice"); // written by the turn's own work (a notice, a card update), not asked to be claimed
        var reply = Message("c-1", "k-reply");
        var otherConversation = Message("c-2", "k-other");
        db.OutboxMessages.AddRange(notice, reply, otherConversation);
        db.ClaimOnCommit([reply, otherConversation], LeaseUntil);

        await db.SaveChangesAsync();

        Assert.Equal([otherConversation], db.ClaimedOnCommit);
        Assert.True(db.ClaimRefused);
        Assert.True(db.AddsOutboxMessages);
        var rows = await RowsAsync();
        Assert.Equal(
            [("k-notice", OutboxStatus.Pending), ("k-other", OutboxStatus.Sending), ("k-reply", OutboxStatus.Pending)],
            rows.Select(r => (r.IdempotencyKey, r.Status)));
    }

    [Theory]
    [InlineData(OutboxStatus.Sent)]
    [InlineData(OutboxStatus.Failed)]
    [InlineData(OutboxStatus.NeedsAttention)]
    public async Task Save_EarlierMessagesOfTheConversationSettled_Claimed(OutboxStatus settled)
    {
        await SeedAsync(Message("c-1", "k-0"), settled);
        await using var db = _database.CreateContext();
        var mine = Message("c-1", "k-1");
        await SaveClaimingAsync(db, mine);

        Assert.Equal([mine], db.ClaimedOnCommit);
        Assert.Equal(OutboxStatus.Sending, (await RowsAsync()).Single(r => r.IdempotencyKey == "k-1").Status);
    }

    [Fact]
    public async Task Save_Fails_NothingClaimedAndTheMessagesArePendingAgain()
    {
        await SeedAsync(Message("c-9", "k-taken"), OutboxStatus.Sent);
        await using var db = _database.CreateContext();
        var mine = Message("c-1", "k-1");
        var duplicate = Message("c-2", "k-taken"); // the unique idempotency key makes the commit fail
        db.OutboxMessages.AddRange(mine, duplicate);
        db.ClaimOnCommit([mine, duplicate], LeaseUntil);

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.Empty(db.ClaimedOnCommit);
        Assert.All([mine, duplicate], m => Assert.Equal((OutboxStatus.Pending, 0, (DateTimeOffset?)null), (m.Status, m.Attempts, m.LeaseUntil)));
        Assert.Single(await RowsAsync());
    }

    [Fact]
    public async Task Save_MessageNotAddedInThisSave_NotClaimed()
    {
        var stored = await SeedAsync(Message("c-1", "k-0"), OutboxStatus.Pending);
        await using var db = _database.CreateContext();
        var tracked = await db.OutboxMessages.SingleAsync(m => m.Id == stored.Id);
        db.ClaimOnCommit([tracked], LeaseUntil);

        await db.SaveChangesAsync();

        Assert.Empty(db.ClaimedOnCommit);
        Assert.Equal(OutboxStatus.Pending, (await RowsAsync()).Single().Status);
    }

    [Fact]
    public async Task PooledContext_NextUnitOfWork_StartsWithoutTheLastOnesClaims()
    {
        var file = Path.Combine(Path.GetTempPath(), $"sesbot-claims-{Guid.NewGuid():N}.db");
        var services = new ServiceCollection().AddSesBotDatabase(DatabaseProvider.Sqlite, $"Data Source={file}").BuildServiceProvider();
        try
        {
            SesBotDbContext first;
            await using (var scope = services.CreateAsyncScope())
            {
                first = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
                await first.Database.MigrateAsync();
                var mine = Message("c-1", "k-1");
                first.OutboxMessages.Add(mine);
                first.ClaimOnCommit([mine], LeaseUntil);
                await first.SaveChangesAsync();
                Assert.Single(first.ClaimedOnCommit);
                first.ClaimOnCommit([Message("c-2", "k-2")], LeaseUntil); // asked for, never saved
            }

            await using (var scope = services.CreateAsyncScope())
            {
                var next = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
                Assert.Same(first, next); // the pool gave the same context back
                Assert.Empty(next.ClaimedOnCommit);
                Assert.False(next.AddsOutboxMessages);
                var other = Message("c-3", "k-3");
                next.OutboxMessages.Add(other);
                await next.SaveChangesAsync();
                Assert.Empty(next.ClaimedOnCommit); // nothing asked for in this unit of work
                Assert.True(next.AddsOutboxMessages);
            }
        }
        finally
        {
            await services.DisposeAsync();
            SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
        }
    }

    [Fact]
    public void Release_NotClaimed_Refused()
    {
        var message = Message("c-1", "k-1");

        Assert.Throws<InvalidOperationException>(message.Release);
    }

    /// <summary>What a turn does with its replies: adds them, asks the commit to claim them, saves.</summary>
    private static async Task SaveClaimingAsync(SesBotDbContext db, params OutboxMessage[] replies)
    {
        db.OutboxMessages.AddRange(replies);
        db.ClaimOnCommit(replies, LeaseUntil);
        await db.SaveChangesAsync();
    }

    private static OutboxMessage Message(string conversation, string key) =>
        new("test.kind", key, conversation, """{"text":"hello"}""", Now);

    private async Task<OutboxMessage> SeedAsync(OutboxMessage message, OutboxStatus status)
    {
        switch (status)
        {
            case OutboxStatus.Sending:
                message.Claimed(LeaseUntil);
                break;
            case OutboxStatus.Sent:
                message.Claimed(LeaseUntil);
                message.Sent(null, Now);
                break;
            case OutboxStatus.Failed:
                message.Fail("refused", Now);
                break;
            case OutboxStatus.NeedsAttention:
                message.NeedsAttention("no answer", Now);
                break;
        }

        await using var db = _database.CreateContext();
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync();
        return message;
    }

    private async Task<List<OutboxMessage>> RowsAsync()
    {
        await using var db = _database.CreateContext();
        return await db.OutboxMessages.AsNoTracking().OrderBy(m => m.IdempotencyKey).ToListAsync();
    }
}

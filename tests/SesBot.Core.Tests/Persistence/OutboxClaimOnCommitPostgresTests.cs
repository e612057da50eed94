using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SesBot.Core.Outbox;
using SesBot.Core.Persistence;
using SesBot.Core.Tests.Support;

namespace SesBot.Core.Tests.Persistence;

/// <summary>
/// PostgreSQL has no write gate: two commits of one conversation at the same time must not both claim their replies
/// (both would be sent at once, in either order). A real server; one commit is held between its check and its write.
/// </summary>
public sealed class OutboxClaimOnCommitPostgresTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private static readonly DateTimeOffset Now = new(2027, 3, 15, 10, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Save_TwoCommitsOfOneConversationAtOnce_OnlyTheFirstClaims()
    {
        var connection = await server.CreateDatabaseAsync();
        await using (var setup = PostgresServer.CreateContext(connection))
        {
            await setup.Database.MigrateAsync();
        }

        var hold = new HoldBeforeOutboxInsert();
        await using var first = new PostgresSesBotDbContext(
            new DbContextOptionsBuilder<PostgresSesBotDbContext>().UseNpgsql(connection).AddInterceptors(hold).Options);
        var firstReply = Message("k-1");
        first.OutboxMessages.Add(firstReply);
        first.ClaimOnCommit([firstReply], Now.AddMinutes(2));
        var firstSave = first.SaveChangesAsync();
        await hold.Reached.WaitAsync(TimeSpan.FromSeconds(10)); // checked, not yet written

        await using var second = PostgresServer.CreateContext(connection);
        var secondReply = Message("k-2");
        second.OutboxMessages.Add(secondReply);
        second.ClaimOnCommit([secondReply], Now.AddMinutes(2));
        var secondSave = second.SaveChangesAsync();
        await Task.WhenAny(secondSave, Task.Delay(TimeSpan.FromSeconds(1)));
        hold.Release();
        await Task.WhenAll(firstSave, secondSave).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([firstReply], first.ClaimedOnCommit);
        Assert.Empty(second.ClaimedOnCommit);
        Assert.True(second.ClaimRefused);
        await using var read = PostgresServer.CreateContext(connection);
        var rows = await read.OutboxMessages.AsNoTracking().OrderBy(m => m.IdempotencyKey).Select(m => new { m.IdempotencyKey, m.Status }).ToListAsync();
        Assert.Equal([("k-1", OutboxStatus.Sending), ("k-2", OutboxStatus.Pending)], rows.Select(r => (r.IdempotencyKey, r.Status)));
    }

    private static OutboxMessage Message(string key) => new("test.kind", key, "c-1", """{"text":"hello"}""", Now);

    /// <summary>Holds the first write of outbox rows until released.</summary>
    private sealed class HoldBeforeOutboxInsert : DbCommandInterceptor
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Reached => _reached.Task;

        public void Release() => _released.TrySetResult();

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("INSERT INTO \"OutboxMessages\"", StringComparison.Ordinal) && _reached.TrySetResult())
            {
                await _released.Task.WaitAsync(cancellationToken);
            }

            return result;
        }
    }
}

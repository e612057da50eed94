using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SesBot.Core.Conversations;
using SesBot.Core.Outbox;
using SesBot.Core.Persistence;

namespace SesBot.Core.Tests.Persistence;

/// <summary>
/// A turn's delivery record and a send attempt are keyed without AUTOINCREMENT on SQLite: inserting them keeps no
/// counter in sqlite_sequence (one page fewer written per commit), and the migration that took it away kept every row.
/// </summary>
public sealed class KeysWithoutSequenceTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 5, 15, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task DeliveriesAndAttempts_KeptNoCounter_MessagesStillDo()
    {
        await using var file = await MigratedSqliteFile.CreateAsync("keys");
        await using (var scope = file.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
            var message = new OutboxMessage("teams.reply", "k-1", "msteams:conv-1", "{}", At);
            db.Insert(new InboundDelivery("msteams", "conv-1", "a-1", At));
            db.Insert(message);
            await db.SaveChangesAsync(Ct);
            db.OutboxAttempts.Add(new OutboxAttempt(message.Id, 1, At, TimeSpan.FromMilliseconds(5), "sent", null));
            await db.SaveChangesAsync(Ct);
        }

        Assert.Equal(["OutboxMessages"], await ColumnAsync(file, "SELECT name FROM sqlite_sequence ORDER BY name"));
        var tables = await ColumnAsync(file, "SELECT name || ': ' || sql FROM sqlite_master WHERE type = 'table' AND name IN ('InboundDeliveries', 'OutboxAttempts', 'OutboxMessages') ORDER BY name");
        Assert.DoesNotContain("AUTOINCREMENT", tables[0], StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AUTOINCREMENT", tables[1], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("AUTOINCREMENT", tables[2], StringComparison.OrdinalIgnoreCase); // their keys are referred to: never reused
        Assert.DoesNotContain("IX_InboundDeliveries_ReceivedAt", await ColumnAsync(file, "SELECT name FROM sqlite_master WHERE type = 'index'"));
    }

    [Fact]
    public async Task Migration_KeepsEveryRowAndKey_AndTheNextKeyFollowsTheLargest()
    {
        const string Deliveries = "SELECT Id || '|' || Channel || '|' || DeliveryKey || '|' || ReceivedAt || '|' || ConversationKey || '|' || ifnull(ResponseJson, 'null') FROM InboundDeliveries ORDER BY Id";
        const string Attempts = "SELECT Id || '|' || OutboxMessageId || '|' || Number || '|' || Outcome || '|' || Detail FROM OutboxAttempts";
        await using var file = await MigratedSqliteFile.CreateAsync("keys-migration", "20261205110621_UnsentByConversation"); // the one before DeliveriesInKeyOrder
        await file.ExecuteAsync("""
            INSERT INTO InboundDeliveries (Id, Channel, DeliveryKey, ReceivedAt, ConversationKey, ResponseJson) VALUES (7, 'msteams', 'a-7', 1, 'conv-1', '{"x":1}'), (9, 'msteams', 'a-9', 2, 'conv-1', NULL);
            INSERT INTO OutboxMessages (Id, Kind, IdempotencyKey, OrderingKey, PayloadJson, Status, Attempts, CreatedAt, NextAttemptAt) VALUES (3, 'teams.reply', 'k-3', 'msteams:conv-1', '{}', 'Sent', 1, 1, 1);
            INSERT INTO OutboxAttempts (Id, OutboxMessageId, Number, StartedAt, DurationMs, Outcome, Detail) VALUES (12, 3, 1, 1, 5, 'sent', 'ok');
            """);
        var deliveries = await ColumnAsync(file, Deliveries);
        var attempts = await ColumnAsync(file, Attempts);

        await using (var scope = file.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
            await db.Database.MigrateAsync(Ct);
            var next = new InboundDelivery("msteams", "conv-1", "a-next", At);
            db.Insert(next);
            await db.SaveChangesAsync(Ct);
            Assert.Equal(10, next.Id);
        }

        var after = await ColumnAsync(file, Deliveries);
        Assert.Equal(deliveries, after.Take(2));
        Assert.Equal(3, after.Count);
        Assert.Equal(attempts, await ColumnAsync(file, Attempts));
        Assert.Equal(["10|msteams|conv-1"], await ColumnAsync(file, "SELECT Id || '|' || Channel || '|' || ConversationKey FROM InboundDeliveries WHERE DeliveryKey = 'a-next'"));
    }

    private static async Task<List<string>> ColumnAsync(MigratedSqliteFile file, string sql) =>
        [.. (await file.RowsAsync(sql)).Select(row => (string)row[0]!)];
}
